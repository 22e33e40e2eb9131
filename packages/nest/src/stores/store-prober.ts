import { Inject, Injectable } from '@nestjs/common';
import { isMagentoClientError, type MagentoClientError } from '@magekit/client';
import type { StoreEntity, StoreFacts } from '../entities/store.entity';
import { MAGEKIT_CONFIG } from '../tokens';
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
export const REJECTED_TOKEN_CODES = ['TOKEN_REVOKED', 'TOKEN_INVALID', 'CONSUMER_UNKNOWN', 'SIGNATURE_INVALID', 'NOT_AUTHORIZED'] as const;

/** Makes one signed call (`probe.path`, default `GET /V1/store/storeConfigs`) and reads store facts from it. */
@Injectable()
export class StoreProber {
  constructor(
    private readonly clients: StoreClientFactory,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /** Performs the probe call; writes nothing. Non-Magento errors (e.g. decryption) are thrown. */
  async run(store: StoreEntity): Promise<ProbeOutcome> {
    try {
      const client = this.clients.forStore(store, { timeoutMs: this.config.probe.timeoutMs });
      const body = await client.get(this.config.probe.path);
      return { kind: 'ok', facts: parseStoreFacts(body, this.config.probe.path) };
    } catch (error) {
      if (!isMagentoClientError(error)) throw error;
      return isMagentoClientError(error, ...REJECTED_TOKEN_CODES) ? { kind: 'rejected', error } : { kind: 'error', error };
    }
  }
}
