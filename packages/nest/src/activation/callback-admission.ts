import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ActivationCallback } from '@magekit/client';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { SecretBox } from '../crypto/secret-box';
import { StoreEntity } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { oauthConsumerOf } from '../stores/store-auth';
import { MAGEKIT_CONFIG } from '../tokens';

/** What a callback may do, decided before anything is written or any request is sent. */
export interface Admission {
  /** The store already holding this consumer key (null: a new store). */
  known: StoreEntity | null;
  /** The known store's previous base URL when the callback moves it to another origin. */
  movedFrom: string | null;
}

/** Stores holding the callback's key, and stores waiting for a handshake: all, and those from the callback's address. */
interface PendingCounts {
  known: number;
  all: number;
  fromAddress: number;
}

const MISMATCH_HINT =
  'Magento re-sends the same consumer key and secret on every Activate and Reauthorize, so a different secret does not come from the store. ' +
  'If the integration was deleted and created again in Magento it has a new consumer key; if the store really was rebuilt under the same key, revoke it in the dashboard first.';

/**
 * The security rules of the activation callback (README.md "Security model"; docs/architecture.md §3). A consumer key is
 * public, so a callback for a key the service already holds must carry the stored consumer
 * secret (compared in constant time), or it changes nothing. With the secret, a new origin is a
 * store that moved. A new key is admitted only while the pending-store limits leave room.
 */
@Injectable()
export class CallbackAdmission {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly secrets: SecretBox,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /**
   * One statement for a new key (whether it is known, and the pending counts); a known key's row is
   * read only when there is one.
   *
   * @throws MagentoIntegrationError `CALLBACK_MISMATCH` (known key, other secret), `PENDING_LIMIT`
   */
  async admit(callback: ActivationCallback, sourceAddress: string | null): Promise<Admission> {
    const counts = await this.countKnownAndPending(callback.consumerKey, sourceAddress);
    const known = counts.known > 0 ? await this.stores.findOneBy({ consumerKey: callback.consumerKey }) : null;
    if (known) return this.admitKnown(known, callback);
    this.checkPendingRoom(counts);
    return { known: null, movedFrom: null };
  }

  /** The rules for a key the service holds (also used when a concurrent callback created it first). */
  admitKnown(store: StoreEntity, callback: ActivationCallback): Admission {
    // A revoked store holds no token; its next activation may bring anything.
    if (store.status === 'revoked') return { known: store, movedFrom: null };
    const consumer = oauthConsumerOf(store);
    const stored = this.secrets.open('magekit_stores', 'consumer_secret_enc', store.id, consumer.consumerSecretEnc);
    if (!sameSecret(stored, callback.consumerSecret)) {
      throw new MagentoIntegrationError(
        'This callback names a consumer key the service already holds, with a different consumer secret; nothing was changed.',
        'CALLBACK_MISMATCH',
        {
          hint: MISMATCH_HINT,
          details: { storeId: store.id },
        },
      );
    }
    return {
      known: store,
      movedFrom: originOf(store.storeBaseUrl) === originOf(callback.storeBaseUrl) ? null : store.storeBaseUrl,
    };
  }

  private checkPendingRoom(counts: PendingCounts): void {
    const { perAddress, max } = this.config.pendingStores;
    const window = Math.round(this.config.consumerWindowMs / 1000);
    const hint = `A store that does not become active is removed once Magento's consumer window (${window} s) has passed; try again after that. Operators can raise the limits with ${this.config.settingNames.pendingStores}.`;
    if (counts.fromAddress >= perAddress) {
      throw new MagentoIntegrationError(
        `Too many stores from this address are waiting to become active (at most ${perAddress}).`,
        'PENDING_LIMIT',
        { hint, details: { retryAfterSeconds: window } },
      );
    }
    if (counts.all >= max) {
      throw new MagentoIntegrationError(
        `Too many stores are waiting to become active (at most ${max}).`,
        'PENDING_LIMIT',
        { hint, details: { retryAfterSeconds: window } },
      );
    }
  }

  /**
   * In one query: the stores holding `consumerKey` (0 or 1), and the stores waiting for a handshake
   * (registered IMS stores are not callbacks' doing), all and those from `sourceAddress`.
   */
  private async countKnownAndPending(consumerKey: string, sourceAddress: string | null): Promise<PendingCounts> {
    const sameAddress = sourceAddress === null ? 's.created_from_address IS NULL' : 's.created_from_address = :address';
    const pending = "s.activated_at IS NULL AND s.auth_kind = 'oauth1'";
    const row = await this.stores
      .createQueryBuilder('s')
      .select('COALESCE(SUM(CASE WHEN s.consumer_key = :key THEN 1 ELSE 0 END), 0)', 'known')
      .addSelect(`COALESCE(SUM(CASE WHEN ${pending} THEN 1 ELSE 0 END), 0)`, 'all')
      .addSelect(`COALESCE(SUM(CASE WHEN ${pending} AND ${sameAddress} THEN 1 ELSE 0 END), 0)`, 'fromAddress')
      .where(`(${pending}) OR s.consumer_key = :key`)
      .setParameters(sourceAddress === null ? { key: consumerKey } : { key: consumerKey, address: sourceAddress })
      .getRawOne<Record<keyof PendingCounts, string | number>>();
    return { known: Number(row?.known ?? 0), all: Number(row?.all ?? 0), fromAddress: Number(row?.fromAddress ?? 0) };
  }
}

/** Constant-time comparison of two secrets of any lengths (compares their SHA-256 digests). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** `scheme://host[:port]` of a base URL (lower-cased by URL parsing). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
