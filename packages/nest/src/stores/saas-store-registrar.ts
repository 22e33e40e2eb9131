import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { createImsAuth, isMagentoClientError, redactText } from '@magekit/client';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { SecretBox } from '../crypto/secret-box';
import { sha256Hex } from '../crypto/token-hash';
import { StoreEntity } from '../entities/store.entity';
import { isMagentoIntegrationError, MagentoIntegrationError } from '../errors/magento-integration-error';
import { isUniqueViolation } from '../storage/unique-violation';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import { StoreUrlGuard } from '../url-guard/store-url-guard.service';
import { parseSaasStoreInput, type SaasStoreInput } from './saas-store-input';
import { StoreHealthService } from './store-health.service';
import type { ProbeOutcome } from './store-prober';

/** What a registration did. */
export interface SaasRegistration {
  storeId: string;
  /** False when the URL was registered already: its credential was replaced. */
  created: boolean;
  /** The first probe with the credential. */
  outcome: ProbeOutcome['kind'];
}

/**
 * Registers Adobe Commerce as a Cloud Service stores: a tenant REST URL and an OAuth
 * Server-to-Server credential, no activation handshake. The input is validated, both URLs (the
 * store's and the IMS token endpoint) pass the store-URL guard, the client secret is encrypted
 * with the key ring, and the store is probed at once with the credential. One row per tenant URL:
 * registering the URL again replaces its credential (and probes again).
 */
@Injectable()
export class SaasStoreRegistrar {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    private readonly secrets: SecretBox,
    private readonly guard: StoreUrlGuard,
    private readonly health: StoreHealthService,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
  ) {}

  /**
   * @throws MagentoIntegrationError `INVALID_INPUT` (bad fields, each named in `details.problems`),
   *   `STORE_URL_REFUSED` (the store or IMS URL, named in `details.field`).
   */
  async register(body: unknown): Promise<SaasRegistration> {
    const input = parseSaasStoreInput(body);
    const tenant = this.tenantOf(input.tenant);
    const tokenUrl = input.tokenUrl ?? this.config.ims.tokenUrl;
    checkImsOptions(input, tokenUrl);
    await this.checkUrl('url', input.url);
    await this.checkUrl('tokenUrl', tokenUrl);
    const { id, created } = await this.save(input, tenant);
    return { storeId: id, created, outcome: await this.health.probe(id) };
  }

  private tenantOf(requested: string | null): string {
    const tenants = this.config.tenants;
    if (requested === null) return tenants?.[0] ?? 'default';
    if (tenants === null || tenants.includes(requested)) return requested;
    throw new MagentoIntegrationError(
      `Invalid SaaS store: tenant ${JSON.stringify(requested)} is not one of this service's tenants (${tenants.join(', ')}).`,
      'INVALID_INPUT',
      {
        hint: `Leave tenant out, or use one of ${this.config.settingNames.tenants}.`,
        details: { problems: { tenant: 'is not a tenant of this service' } },
      },
    );
  }

  /** The store-URL guard's rules, for the store's REST base and the IMS token endpoint alike. */
  private async checkUrl(field: 'url' | 'tokenUrl', url: string): Promise<void> {
    try {
      await this.guard.check(url);
    } catch (error) {
      if (!isMagentoIntegrationError(error, 'STORE_URL_REFUSED') || field === 'url') throw withField(error, field);
      throw new MagentoIntegrationError(
        error.message.replace(/^Store URL refused/, 'IMS token URL refused'),
        error.code,
        {
          hint: error.hint,
          details: { ...error.details, field },
          cause: error,
        },
      );
    }
  }

  private async save(input: SaasStoreInput, tenant: string): Promise<{ id: string; created: boolean }> {
    const saasUrlHash = sha256Hex(input.url);
    const existing = await this.stores.findOneBy({ saasUrlHash });
    if (existing) return { id: await this.replaceCredential(existing.id, input, tenant), created: false };
    const now = new Date(this.clock());
    const id = randomUUID();
    try {
      await this.stores.insert({
        ...EMPTY_STORE,
        id,
        tenant,
        authKind: 'ims',
        edition: 'saas',
        storeBaseUrl: input.url,
        saasUrlHash,
        ...this.credentialColumns(id, input),
        createdAt: now,
        updatedAt: now,
      });
      return { id, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.stores.findOneByOrFail({ saasUrlHash });
      return { id: await this.replaceCredential(winner.id, input, tenant), created: false };
    }
  }

  /** A new credential for a registered store: unproven until the probe that follows. */
  private async replaceCredential(id: string, input: SaasStoreInput, tenant: string): Promise<string> {
    await this.stores.update(
      { id },
      {
        tenant,
        ...this.credentialColumns(id, input),
        status: 'activating',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        updatedAt: new Date(this.clock()),
      },
    );
    return id;
  }

  private credentialColumns(id: string, input: SaasStoreInput): Partial<StoreEntity> {
    return {
      imsClientId: input.clientId,
      imsClientSecretEnc: this.secrets.seal('magekit_stores', 'ims_client_secret_enc', id, input.clientSecret),
      imsOrgId: input.orgId,
      imsScopes: input.scopes?.join(',') ?? null,
      imsTokenUrl: input.tokenUrl,
    };
  }
}

/** The columns of a new `ims` store that only an OAuth store or a later probe fills. */
const EMPTY_STORE: Partial<StoreEntity> = {
  consumerKey: null,
  consumerSecretEnc: null,
  usesIndexPhp: false,
  status: 'activating',
  statusCode: null,
  statusReason: null,
  statusHint: null,
  accessTokenEnc: null,
  accessTokenSecretEnc: null,
  signatureProfile: 'latest',
  clockSkewMs: null,
  vendorAccountId: null,
  facts: null,
  activatedAt: null,
  lastProbedAt: null,
  probeLeaseUntil: null,
  createdFromAddress: null,
  handshakeOwner: null,
  handshakeLeaseUntil: null,
};

/**
 * What @magekit/client's IMS strategy checks on top of the input (e.g. plain http for the token
 * endpoint only on loopback).
 *
 * @throws MagentoIntegrationError `INVALID_INPUT`
 */
function checkImsOptions(input: SaasStoreInput, tokenUrl: string): void {
  try {
    createImsAuth({
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      orgId: input.orgId,
      ...(input.scopes ? { scopes: input.scopes } : {}),
      tokenUrl,
    });
  } catch (error) {
    if (!isMagentoClientError(error, 'INVALID_INPUT')) throw error;
    throw new MagentoIntegrationError(`Invalid SaaS store: ${redactText(error.message)}`, 'INVALID_INPUT', {
      hint: error.hint,
      cause: error,
    });
  }
}

/** The guard's refusal, naming the field it was about. */
function withField(error: unknown, field: string): unknown {
  if (!isMagentoIntegrationError(error)) return error;
  return new MagentoIntegrationError(error.message, error.code, {
    hint: error.hint,
    details: { ...error.details, field },
    cause: error,
  });
}
