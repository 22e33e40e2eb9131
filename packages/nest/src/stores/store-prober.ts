import { Inject, Injectable } from '@nestjs/common';
import { isMagentoClientError, type MagentoClientError } from '@magekit/client';
import { loadStockModel } from '@magekit/acl';
import { checkResources, planResourceProbes, type ResourceProbe } from '../admin/resource-checks';
import type { StoreEntity, StoreFacts } from '../entities/store.entity';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { parseStoreFacts } from './parse-store-facts';
import { StoreClientFactory } from './store-client.factory';

/** What a probe found. */
export type ProbeOutcome =
  | { kind: 'ok'; facts: StoreFacts }
  | { kind: 'rejected'; error: MagentoClientError }
  | { kind: 'error'; error: MagentoClientError };

/**
 * Codes meaning the store no longer accepts the stored credentials: revoked or unknown token,
 * deleted/recreated consumer, a signature no profile verifies, or "The consumer isn't authorized
 * to access %resources." (an inactive integration, or an ACL without the probe's resource); for an
 * IMS credential also IMS's refusal of the client credentials, of the scopes or of the token
 * request itself (the store is never called then; docs/magento-behaviour.md §11.4).
 */
export const REJECTED_TOKEN_CODES = [
  'TOKEN_REVOKED',
  'TOKEN_INVALID',
  'CONSUMER_UNKNOWN',
  'SIGNATURE_INVALID',
  'NOT_AUTHORIZED',
  'IMS_CLIENT_REJECTED',
  'IMS_SCOPE_REJECTED',
  'IMS_REQUEST_REJECTED',
] as const;

/**
 * Makes one authenticated call (`probe.path`, default `GET /V1/store/storeConfigs`) and reads store
 * facts from it; when it works and `requiredResources` are configured, checks each of them with one
 * representative call (see `planResourceProbes`). For an `ims` store the call first needs an IMS
 * token (from the store client's cache, or issued now), so the probe also proves the credential;
 * resource checks whose route Adobe Commerce as a Cloud Service does not have (token services,
 * guest and customer APIs) are refused by the client before sending and read `unknown`.
 */
@Injectable()
export class StoreProber {
  private plan: ResourceProbe[] | null = null;

  constructor(
    private readonly clients: StoreClientFactory,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /** Performs the probe call (and the resource checks); writes nothing. Non-Magento errors (e.g. decryption) are thrown. */
  async run(store: StoreEntity): Promise<ProbeOutcome> {
    let facts: StoreFacts;
    try {
      const client = this.clients.forStore(store, { timeoutMs: this.config.probe.timeoutMs });
      facts = parseStoreFacts(await client.get(this.config.probe.path), this.config.probe.path);
    } catch (error) {
      if (!isMagentoClientError(error)) throw error;
      return isMagentoClientError(error, ...REJECTED_TOKEN_CODES)
        ? { kind: 'rejected', error }
        : { kind: 'error', error };
    }
    if (this.config.requiredResources.length > 0) {
      // The checks' refusals are their result, not failed calls of the integration: not recorded.
      const client = this.clients.forStore(store, { timeoutMs: this.config.probe.timeoutMs, recordFailures: false });
      this.plan ??= planResourceProbes(loadStockModel(), this.config.requiredResources);
      facts.resources = await checkResources(client, this.plan, this.config.probe.timeoutMs);
      facts.resourcesCheckedAt = new Date(this.clock()).toISOString();
    }
    return { kind: 'ok', facts };
  }
}
