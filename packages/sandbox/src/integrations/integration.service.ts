import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { IntegrationEntity, INTEGRATION_STATUS } from '../db/integration.entity';
import { OAuthStoreService } from '../oauth/oauth-store.service';
import type { IntegrationInput } from './integration-input';

/** An integration as the admin API shows it (no secrets). */
export interface IntegrationView {
  id: number;
  name: string;
  email: string | null;
  endpoint: string | null;
  identity_link_url: string | null;
  status: number;
  setup_type: number;
  consumer_id: number;
  consumer_key: string | null;
  all_resources: boolean;
  resources: string[];
  /** Which flow Activate runs: the OAuth handshake needs both URLs (`isTokenExchange`). */
  activation: 'handshake' | 'direct';
}

/** Integration CRUD (`IntegrationService`): the consumer is created with the integration. */
@Injectable()
export class IntegrationService {
  constructor(
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
    private readonly oauth: OAuthStoreService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: IntegrationInput): Promise<IntegrationEntity> {
    if (await this.integrations.existsBy({ name: input.name }))
      throw new ConflictException(`The integration with name "${input.name}" exists.`);
    const consumer = await this.oauth.createConsumer(input.name);
    const now = Math.floor(this.clock.now() / 1000);
    return this.integrations.save(
      this.integrations.create({
        name: input.name,
        email: input.email,
        endpoint: input.endpointUrl,
        identityLinkUrl: input.identityLinkUrl,
        status: INTEGRATION_STATUS.inactive,
        consumerId: consumer.id,
        setupType: 0,
        allResources: input.resources === 'all',
        resources: input.resources === 'all' ? [] : input.resources,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  list(): Promise<IntegrationEntity[]> {
    return this.integrations.find({ order: { id: 'ASC' } });
  }

  async get(id: number): Promise<IntegrationEntity> {
    const integration = await this.integrations.findOneBy({ id });
    if (!integration) throw new NotFoundException(`The integration with ID "${id}" doesn't exist.`);
    return integration;
  }

  findByConsumerId(consumerId: number): Promise<IntegrationEntity | null> {
    return this.integrations.findOneBy({ consumerId });
  }

  async setStatus(integration: IntegrationEntity, status: number): Promise<void> {
    integration.status = status;
    integration.updatedAt = Math.floor(this.clock.now() / 1000);
    await this.integrations.save(integration);
  }

  async delete(id: number): Promise<void> {
    const integration = await this.get(id);
    await this.oauth.deleteConsumer(integration.consumerId);
    await this.integrations.delete({ id });
  }

  async toView(integration: IntegrationEntity): Promise<IntegrationView> {
    const consumer = await this.oauth.findConsumer(integration.consumerId);
    return {
      id: integration.id,
      name: integration.name,
      email: integration.email,
      endpoint: integration.endpoint,
      identity_link_url: integration.identityLinkUrl,
      status: integration.status,
      setup_type: integration.setupType,
      consumer_id: integration.consumerId,
      consumer_key: consumer?.key ?? null,
      all_resources: integration.allResources,
      resources: integration.resources,
      activation: isTokenExchange(integration) ? 'handshake' : 'direct',
    };
  }
}

/** `isTokenExchange = endpoint && identity_link_url` (Save.php, Link/Activate.php). */
export function isTokenExchange(integration: IntegrationEntity): boolean {
  return Boolean(integration.endpoint) && Boolean(integration.identityLinkUrl);
}
