import { ConflictException, Inject, Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK, RANDOM_BYTES, type Clock, type RandomBytes } from '../common/clock';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { ImsCredentialEntity } from './ims-credential.entity';
import type { ImsCredentialInput, ImsCredentialPatch } from './ims-credential-input';
import { ImsTokenEntity } from './ims-token.entity';
import { technicalAccountId } from './ims-token-format';
import { IMS_COMMERCE_SCOPES, SAAS_OPTIONS, type SaasOptions } from './saas-options';

/** An IMS credential as the admin API shows it. */
export interface ImsCredentialView {
  clientId: string;
  clientSecret: string;
  name: string;
  orgId: string;
  /** The technical account's user id (the tokens' `user_id`). */
  technicalAccountId: string;
  scopes: string[];
  resources: 'all' | string[];
  /** `expires_in` of its tokens, in seconds. */
  tokenLifetimeSeconds: number;
  createdAt: string;
}

/**
 * The SaaS edition's OAuth Server-to-Server credentials (docs/magento-behaviour.md §11.6): the default
 * one from the options, created at start in the SaaS edition, and the ones tests create through the
 * admin API. Deleting a credential or rotating its secret takes effect at once, as in Developer Console.
 */
@Injectable()
export class ImsCredentialsService implements OnModuleInit {
  constructor(
    @InjectRepository(ImsCredentialEntity) private readonly credentials: Repository<ImsCredentialEntity>,
    @InjectRepository(ImsTokenEntity) private readonly tokens: Repository<ImsTokenEntity>,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
    @Inject(SAAS_OPTIONS) private readonly saas: SaasOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RANDOM_BYTES) private readonly randomBytes: RandomBytes,
  ) {}

  /** The default credential exists in the SaaS edition (kept as it is when the database has it). */
  async onModuleInit(): Promise<void> {
    if (this.options.edition !== 'saas') return;
    const seed = this.saas.credential;
    if ((await this.find(seed.clientId)) === null)
      await this.create({ ...seed, name: 'Default server-to-server credential' });
  }

  list(): Promise<ImsCredentialEntity[]> {
    return this.credentials.find({ order: { id: 'ASC' } });
  }

  find(clientId: string): Promise<ImsCredentialEntity | null> {
    return this.credentials.findOneBy({ clientId });
  }

  /** @throws NotFoundException for an unknown client id */
  async get(clientId: string): Promise<ImsCredentialEntity> {
    const found = await this.find(clientId);
    if (found === null) throw new NotFoundException(`No IMS credential with client id ${JSON.stringify(clientId)}.`);
    return found;
  }

  /** @throws ConflictException when the client id exists */
  async create(input: ImsCredentialInput): Promise<ImsCredentialEntity> {
    const clientId = input.clientId ?? this.randomHex(16);
    if ((await this.find(clientId)) !== null)
      throw new ConflictException(`An IMS credential with client id ${JSON.stringify(clientId)} exists.`);
    const resources = input.resources ?? 'all';
    return this.credentials.save(
      this.credentials.create({
        clientId,
        clientSecret: input.clientSecret ?? this.newSecret(),
        name: input.name ?? clientId,
        orgId: input.orgId ?? this.saas.credential.orgId,
        scopes: input.scopes ?? [...IMS_COMMERCE_SCOPES],
        allResources: resources === 'all',
        resources: resources === 'all' ? [] : resources,
        tokenLifetimeSeconds: input.tokenLifetimeSeconds ?? null,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** Changes name, organization, scopes, resources or token lifetime; issued tokens keep their scopes. */
  async update(clientId: string, patch: ImsCredentialPatch): Promise<ImsCredentialEntity> {
    const credential = await this.get(clientId);
    if (patch.name !== undefined) credential.name = patch.name;
    if (patch.orgId !== undefined) credential.orgId = patch.orgId;
    if (patch.scopes !== undefined) credential.scopes = patch.scopes;
    if (patch.resources !== undefined) {
      credential.allResources = patch.resources === 'all';
      credential.resources = patch.resources === 'all' ? [] : patch.resources;
    }
    if (patch.tokenLifetimeSeconds !== undefined) credential.tokenLifetimeSeconds = patch.tokenLifetimeSeconds;
    return this.credentials.save(credential);
  }

  /** A new client secret; the old one is refused from now on (its tokens stay valid, as at Adobe). */
  async rotateSecret(clientId: string): Promise<ImsCredentialEntity> {
    const credential = await this.get(clientId);
    credential.clientSecret = this.newSecret();
    return this.credentials.save(credential);
  }

  /** Deletes the credential and its tokens. */
  async delete(clientId: string): Promise<void> {
    await this.get(clientId);
    await this.tokens.delete({ clientId });
    await this.credentials.delete({ clientId });
  }

  toView(credential: ImsCredentialEntity): ImsCredentialView {
    return {
      clientId: credential.clientId,
      clientSecret: credential.clientSecret,
      name: credential.name,
      orgId: credential.orgId,
      technicalAccountId: technicalAccountId(credential.clientId),
      scopes: [...credential.scopes],
      resources: credential.allResources ? 'all' : [...credential.resources],
      tokenLifetimeSeconds: this.lifetimeOf(credential),
      createdAt: new Date(credential.createdAt).toISOString(),
    };
  }

  /** `expires_in` of the credential's new tokens. */
  lifetimeOf(credential: ImsCredentialEntity): number {
    return credential.tokenLifetimeSeconds ?? this.saas.tokenLifetimeSeconds;
  }

  /** A secret of Developer Console's shape (`p8e-…`). */
  private newSecret(): string {
    return `p8e-${Buffer.from(this.randomBytes(24)).toString('base64url')}`;
  }

  private randomHex(size: number): string {
    return Buffer.from(this.randomBytes(size)).toString('hex');
  }
}
