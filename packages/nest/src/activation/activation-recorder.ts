import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { ActivationCallback } from '@magekit/client';
import { sha256Hex } from '../crypto/token-hash';
import { SecretBox } from '../crypto/secret-box';
import { ActivationEntity } from '../entities/activation.entity';
import { StoreEntity } from '../entities/store.entity';
import { IdentityLinker } from '../identity/identity-linker';
import { isUniqueViolation } from '../storage/unique-violation';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { SecurityEventLog } from '../security/security-event-log';
import { ActivationTimeline } from './activation-timeline';
import { CallbackAdmission, type Admission } from './callback-admission';
import { editionOfBaseUrl } from '../stores/store-auth';

/** The outcome of recording a callback. */
export interface RecordedCallback {
  store: StoreEntity;
  activation: ActivationEntity;
  /** True when this verifier was seen before (a repeated or concurrent callback). */
  duplicate: boolean;
}

/** Who sent a callback. */
export interface CallbackSource {
  tenant: string;
  /** The client address (`req.ip`), or null. */
  address: string | null;
}

/**
 * Persists an activation callback before anything else happens (docs/architecture.md §3, step 4): one store row
 * per consumer key and one activation per verifier, both enforced by unique constraints, so
 * repeated or concurrent callbacks on any number of instances end in one store and one activation.
 */
@Injectable()
export class ActivationRecorder {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(ActivationEntity) private readonly activations: Repository<ActivationEntity>,
    private readonly timeline: ActivationTimeline,
    private readonly secrets: SecretBox,
    private readonly linker: IdentityLinker,
    private readonly admission: CallbackAdmission,
    private readonly securityLog: SecurityEventLog,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /**
   * Records a callback that {@link CallbackAdmission.admit} let through.
   *
   * @throws MagentoIntegrationError `CALLBACK_MISMATCH` when a concurrent callback created the store with another secret.
   */
  async record(callback: ActivationCallback, admitted: Admission, source: CallbackSource): Promise<RecordedCallback> {
    const { tenant } = source;
    const verifierHash = sha256Hex(`${callback.consumerKey}:${callback.verifier}`);
    const { store, movedFrom, created } = admitted.known
      ? { store: admitted.known, movedFrom: admitted.movedFrom, created: false }
      : await this.findOrCreateStore(callback, source);
    // One activation per verifier: the insert's unique constraint is the check (a repeated callback reads the first one's).
    const activation = this.buildActivation(store, callback, verifierHash);
    try {
      await this.activations.insert(activation);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.duplicate(store, await this.activations.findOneByOrFail({ verifierHash }));
    }
    await this.timeline.append(
      activation,
      { type: 'callback_received', message: `Callback from ${callback.storeBaseUrl} for tenant ${tenant}.` },
      { first: true },
    );
    if (movedFrom) await this.recordMove(activation, movedFrom, callback.storeBaseUrl, source);
    // A new store has no other activation, and its row was written with this callback's values just now.
    if (!created) {
      await this.supersedeOthers(activation);
      Object.assign(store, await this.resetStore(store, tenant, callback));
    }
    const linked = await this.linker.reconcile(callback.consumerKey);
    if (linked) Object.assign(store, linked);
    // The row as written (no read-back): the callback's own values, plus a vendor account linked before it came.
    return { store, activation, duplicate: false };
  }

  /** Creates the store of a new key; if a concurrent callback created it first, that one's rules apply. */
  private async findOrCreateStore(
    callback: ActivationCallback,
    source: CallbackSource,
  ): Promise<{ store: StoreEntity; movedFrom: string | null; created: boolean }> {
    const { tenant } = source;
    const now = new Date(this.clock());
    const id = randomUUID();
    const store = this.stores.create({
      id,
      tenant,
      authKind: 'oauth1',
      edition: editionOfBaseUrl(callback.storeBaseUrl),
      consumerKey: callback.consumerKey,
      consumerSecretEnc: this.secrets.seal('magekit_stores', 'consumer_secret_enc', id, callback.consumerSecret),
      storeBaseUrl: callback.storeBaseUrl,
      usesIndexPhp: callback.usesIndexPhp,
      status: 'activating',
      statusCode: null,
      statusReason: null,
      statusHint: null,
      accessTokenEnc: null,
      accessTokenSecretEnc: null,
      signatureProfile: 'latest',
      vendorAccountId: null,
      facts: null,
      activatedAt: null,
      lastProbedAt: null,
      probeLeaseUntil: null,
      createdFromAddress: source.address,
      handshakeOwner: null,
      handshakeLeaseUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.stores.insert(store);
      return { store, movedFrom: null, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.stores.findOneByOrFail({ consumerKey: callback.consumerKey });
      const admitted = this.admission.admitKnown(existing, callback);
      return { store: existing, movedFrom: admitted.movedFrom, created: false };
    }
  }

  /** A store that moved to another origin (with the right secret): on its timeline and in the security log. */
  private async recordMove(
    activation: ActivationEntity,
    from: string,
    to: string,
    source: CallbackSource,
  ): Promise<void> {
    const message = `The store moved from ${from} to ${to} (the callback carried the stored consumer secret).`;
    await this.timeline.append(activation, { type: 'store_moved', message });
    await this.securityLog.record({
      type: 'store_moved',
      tenant: source.tenant,
      storeId: activation.storeId,
      storeBaseUrl: to,
      sourceAddress: source.address,
      message,
    });
  }

  private buildActivation(store: StoreEntity, callback: ActivationCallback, verifierHash: string): ActivationEntity {
    const now = this.clock();
    const id = randomUUID();
    return this.activations.create({
      id,
      storeId: store.id,
      state: 'callback_received',
      verifierHash,
      verifierEnc: this.secrets.seal('magekit_activations', 'verifier_enc', id, callback.verifier),
      requestTokenEnc: null,
      requestTokenSecretEnc: null,
      accessTokenEnc: null,
      accessTokenSecretEnc: null,
      attempts: 0,
      windowEndsAt: new Date(now + this.config.consumerWindowMs),
      nextAttemptAt: null,
      leaseUntil: null,
      leaseOwner: null,
      failureCode: null,
      failureReason: null,
      failureHint: null,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    });
  }

  private async duplicate(store: StoreEntity, activation: ActivationEntity): Promise<RecordedCallback> {
    await this.timeline.append(activation, {
      type: 'duplicate_callback',
      message: 'The same callback (consumer key and verifier) arrived again; the running activation continues.',
    });
    return { store, activation, duplicate: true };
  }

  /** A Reauthorize replaces any activation of the store still in progress. */
  private async supersedeOthers(current: ActivationEntity): Promise<void> {
    const pending = await this.activations.findBy({
      storeId: current.storeId,
      state: In(['callback_received', 'request_token', 'access_token']),
    });
    // Older ones only (creation time, then id): of concurrent callbacks exactly the last one survives.
    const older = (entry: ActivationEntity) =>
      entry.createdAt.getTime() < current.createdAt.getTime() ||
      (entry.createdAt.getTime() === current.createdAt.getTime() && entry.id < current.id);
    for (const other of pending.filter(older)) {
      const message = 'A newer callback for this store replaced this activation.';
      const update = await this.activations.update(
        { id: other.id, state: other.state },
        {
          state: 'failed',
          failureCode: 'SUPERSEDED',
          failureReason: message,
          leaseUntil: null,
          leaseOwner: null,
          updatedAt: new Date(this.clock()),
        },
      );
      if (update.affected) await this.timeline.append(other, { type: 'superseded', message, code: 'SUPERSEDED' });
    }
  }

  /**
   * The store row is kept across Reauthorize; Magento deleted the old token before calling back
   * (`TokensExchange::execute()`, docs/magento-behaviour.md §2.3), so the stored one is dropped.
   * Returns the values written.
   */
  private async resetStore(
    store: StoreEntity,
    tenant: string,
    callback: ActivationCallback,
  ): Promise<Partial<StoreEntity>> {
    const reset = {
      tenant,
      storeBaseUrl: callback.storeBaseUrl,
      edition: editionOfBaseUrl(callback.storeBaseUrl),
      usesIndexPhp: callback.usesIndexPhp,
      status: 'activating',
      statusCode: null,
      statusReason: null,
      statusHint: null,
      consumerSecretEnc: this.secrets.seal('magekit_stores', 'consumer_secret_enc', store.id, callback.consumerSecret),
      accessTokenEnc: null,
      accessTokenSecretEnc: null,
      updatedAt: new Date(this.clock()),
    } satisfies Partial<StoreEntity>;
    await this.stores.update({ id: store.id }, reset);
    return reset;
  }
}
