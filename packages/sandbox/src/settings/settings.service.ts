import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { SettingsEntity } from '../db/settings.entity';
import { STORE_CODES } from '../stores/store-catalog';
import { resolveVersionProfile } from '../version/version-profile';
import {
  globalDefaults,
  storeDefaults,
  type FaultBurst,
  type GlobalSettings,
  type StoreSettings,
} from './store-settings';

/**
 * Per-store settings and faults and the global switches, persisted in `sandbox_settings`. Only what was
 * set is stored; the rest comes from the Magento version profile the sandbox runs as, so the same data
 * folder started as another version takes that version's defaults.
 */
@Injectable()
export class SettingsService {
  private readonly storeDefaults: StoreSettings;
  private readonly globalDefaults: GlobalSettings;

  constructor(
    @InjectRepository(SettingsEntity) private readonly settings: Repository<SettingsEntity>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SANDBOX_OPTIONS) options: SandboxOptions,
  ) {
    const profile = resolveVersionProfile(options.magentoVersion);
    this.storeDefaults = storeDefaults(profile);
    this.globalDefaults = globalDefaults(profile);
  }

  async getStore(code: string): Promise<StoreSettings> {
    this.assertStore(code);
    return { ...this.storeDefaults, ...(await this.read(`store:${code}`)) } as StoreSettings;
  }

  async updateStore(code: string, patch: Partial<StoreSettings>): Promise<StoreSettings> {
    this.assertStore(code);
    const stored = { ...(await this.read(`store:${code}`)), ...patch };
    await this.settings.save({ scope: `store:${code}`, values: stored });
    return { ...this.storeDefaults, ...stored } as StoreSettings;
  }

  async getGlobal(): Promise<GlobalSettings> {
    const { jwtSecret: _secret, ...values } = await this.read('global');
    return { ...this.globalDefaults, ...values } as GlobalSettings;
  }

  async updateGlobal(patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
    const stored = { ...(await this.read('global')), ...patch };
    await this.settings.save({ scope: 'global', values: stored });
    const { jwtSecret: _secret, ...visible } = { ...this.globalDefaults, ...stored } as Record<string, unknown>;
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
    const burst = { ...current.burst, remaining: current.burst.remaining - 1 };
    await this.settings.save({ scope: `store:${code}`, values: { ...(await this.read(`store:${code}`)), burst } });
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
