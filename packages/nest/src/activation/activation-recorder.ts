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
import { ActivationTimeline } from './activation-timeline';

/** The outcome of recording a callback. */
export interface RecordedCallback {
  store: StoreEntity;
  activation: ActivationEntity;
  /** True when this verifier was seen before (a repeated or concurrent callback). */
  duplicate: boolean;
}

/**
 * Persists an activation callback before anything else happens (DESIGN.md step 2): one store row
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
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  async record(tenant: string, callback: ActivationCallback): Promise<RecordedCallback> {
    const verifierHash = sha256Hex(`${callback.consumerKey}:${callback.verifier}`);
    const store = await this.findOrCreateStore(tenant, callback);
    const known = await this.activations.findOneBy({ verifierHash });
    if (known) return this.duplicate(store, known);
    const activation = this.buildActivation(store, callback, verifierHash);
    try {
      await this.activations.insert(activation);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.duplicate(store, await this.activations.findOneByOrFail({ verifierHash }));
    }
    await this.timeline.append(activation, { type: 'callback_received', message: `Callback from ${callback.storeBaseUrl} for tenant ${tenant}.` });
    await this.supersedeOthers(activation);
    await this.resetStore(store, tenant, callback);
    await this.linker.reconcile(callback.consumerKey);
    return { store: await this.stores.findOneByOrFail({ id: store.id }), activation, duplicate: false };
  }

  private async findOrCreateStore(tenant: string, callback: ActivationCallback): Promise<StoreEntity> {
    const existing = await this.stores.findOneBy({ consumerKey: callback.consumerKey });
    if (existing) return existing;
    const now = new Date(this.clock());
    const id = randomUUID();
    const store = this.stores.create({
      id, tenant, consumerKey: callback.consumerKey, consumerSecretEnc: this.secrets.seal('magekit_stores', 'consumer_secret_enc', id, callback.consumerSecret),
      storeBaseUrl: callback.storeBaseUrl, usesIndexPhp: callback.usesIndexPhp, status: 'activating', statusCode: null, statusReason: null, statusHint: null,
      accessTokenEnc: null, accessTokenSecretEnc: null, signatureProfile: 'latest', vendorAccountId: null, facts: null,
      activatedAt: null, lastProbedAt: null, probeLeaseUntil: null, createdAt: now, updatedAt: now,
    });
    try {
      await this.stores.insert(store);
      return store;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return this.stores.findOneByOrFail({ consumerKey: callback.consumerKey });
    }
  }

  private buildActivation(store: StoreEntity, callback: ActivationCallback, verifierHash: string): ActivationEntity {
    const now = this.clock();
    const id = randomUUID();
    return this.activations.create({
      id, storeId: store.id, state: 'callback_received', verifierHash, verifierEnc: this.secrets.seal('magekit_activations', 'verifier_enc', id, callback.verifier),
      requestTokenEnc: null, requestTokenSecretEnc: null, accessTokenEnc: null, accessTokenSecretEnc: null, attempts: 0,
      windowEndsAt: new Date(now + this.config.consumerWindowMs), nextAttemptAt: null, leaseUntil: null, leaseOwner: null,
      failureCode: null, failureReason: null, failureHint: null, createdAt: new Date(now), updatedAt: new Date(now),
    });
  }

  private async duplicate(store: StoreEntity, activation: ActivationEntity): Promise<RecordedCallback> {
    await this.timeline.append(activation, { type: 'duplicate_callback', message: 'The same callback (consumer key and verifier) arrived again; the running activation continues.' });
    return { store, activation, duplicate: true };
  }

  /** A Reauthorize replaces any activation of the store still in progress. */
  private async supersedeOthers(current: ActivationEntity): Promise<void> {
    const pending = await this.activations.findBy({ storeId: current.storeId, state: In(['callback_received', 'request_token', 'access_token']) });
    // Older ones only (creation time, then id): of concurrent callbacks exactly the last one survives.
    const older = (entry: ActivationEntity) => entry.createdAt.getTime() < current.createdAt.getTime() || (entry.createdAt.getTime() === current.createdAt.getTime() && entry.id < current.id);
    for (const other of pending.filter(older)) {
      const message = 'A newer callback for this store replaced this activation.';
      const update = await this.activations.update(
        { id: other.id, state: other.state },
        { state: 'failed', failureCode: 'SUPERSEDED', failureReason: message, leaseUntil: null, leaseOwner: null, updatedAt: new Date(this.clock()) },
      );
      if (update.affected) await this.timeline.append(other, { type: 'superseded', message, code: 'SUPERSEDED' });
    }
  }

  /**
   * The store row is kept across Reauthorize; Magento deleted the old token before calling back
   * (MAGENTO.md §2 step 3), so the stored one is dropped.
   */
  private async resetStore(store: StoreEntity, tenant: string, callback: ActivationCallback): Promise<void> {
    await this.stores.update(
      { id: store.id },
      {
        tenant, storeBaseUrl: callback.storeBaseUrl, usesIndexPhp: callback.usesIndexPhp, status: 'activating', statusCode: null, statusReason: null, statusHint: null,
        consumerSecretEnc: this.secrets.seal('magekit_stores', 'consumer_secret_enc', store.id, callback.consumerSecret),
        accessTokenEnc: null, accessTokenSecretEnc: null, updatedAt: new Date(this.clock()),
      },
    );
  }
}
