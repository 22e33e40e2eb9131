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
 * to access %resources." (an inactive integration, or an ACL without the probe's resource).
 */
export const REJECTED_TOKEN_CODES = [
  'TOKEN_REVOKED',
  'TOKEN_INVALID',
  'CONSUMER_UNKNOWN',
  'SIGNATURE_INVALID',
  'NOT_AUTHORIZED',
] as const;

/**
 * Makes one signed call (`probe.path`, default `GET /V1/store/storeConfigs`) and reads store facts
 * from it; when it works and `requiredResources` are configured, checks each of them with one
 * representative call (see `planResourceProbes`).
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
