import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { SettingsEntity } from '../db/settings.entity';
import { STORE_CODES } from '../stores/store-catalog';
import {
  DEFAULT_GLOBAL_SETTINGS,
  DEFAULT_STORE_SETTINGS,
  type FaultBurst,
  type GlobalSettings,
  type StoreSettings,
} from './store-settings';

/** Per-store profiles and faults and the global switches, persisted in `sandbox_settings`. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectRepository(SettingsEntity) private readonly settings: Repository<SettingsEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async getStore(code: string): Promise<StoreSettings> {
    this.assertStore(code);
    return { ...DEFAULT_STORE_SETTINGS, ...(await this.read(`store:${code}`)) } as StoreSettings;
  }

  async updateStore(code: string, patch: Partial<StoreSettings>): Promise<StoreSettings> {
    const next = { ...(await this.getStore(code)), ...patch };
    await this.settings.save({ scope: `store:${code}`, values: next as unknown as Record<string, unknown> });
    return next;
  }

  async getGlobal(): Promise<GlobalSettings> {
    const { jwtSecret: _secret, ...values } = await this.read('global');
    return { ...DEFAULT_GLOBAL_SETTINGS, ...values } as GlobalSettings;
  }

  async updateGlobal(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
    const stored = await this.read('global');
    const next = { ...DEFAULT_GLOBAL_SETTINGS, ...stored, ...patch };
    await this.settings.save({ scope: 'global', values: next });
    const { jwtSecret: _secret, ...visible } = next as Record<string, unknown>;
    return visible as unknown as GlobalSettings;
  }

  /** The JWT key: the configured one, else one generated on first use and kept in the database. */
  async getJwtSecret(generate: () => string): Promise<string> {
    const stored = await this.read('global');
    if (typeof stored['jwtSecret'] === 'string') return stored['jwtSecret'];
    const jwtSecret = generate();
    await this.settings.save({ scope: 'global', values: { ...stored, jwtSecret } });
    return jwtSecret;
  }

  /** Milliseconds on the store's clock (the sandbox clock plus the store's offset). */
  async storeNow(code: string): Promise<number> {
    return this.clock.now() + (await this.getStore(code)).clockOffsetSeconds * 1000;
  }

  /** Consumes one request of an active burst in `current` (the store's settings as just read); returns it, or null. */
  async takeBurst(code: string, current: StoreSettings): Promise<FaultBurst | null> {
    if (current.burst === null || current.burst.remaining <= 0) return null;
    const next = { ...current, burst: { ...current.burst, remaining: current.burst.remaining - 1 } };
    await this.settings.save({ scope: `store:${code}`, values: next as unknown as Record<string, unknown> });
    return current.burst;
  }

  private async read(scope: string): Promise<Record<string, unknown>> {
    return (await this.settings.findOneBy({ scope }))?.values ?? {};
  }

  private assertStore(code: string): void {
    if (!STORE_CODES.includes(code))
      throw new NotFoundException(`Unknown store code "${code}" (known: ${STORE_CODES.join(', ')}).`);
  }
}
