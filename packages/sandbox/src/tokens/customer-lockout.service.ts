import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SettingsEntity } from '../db/settings.entity';
import { SettingsService } from '../settings/settings.service';
import { isCustomerLocked, recordCustomerFailure, UNLOCKED, type CustomerLockState } from './customer-lockout';

/**
 * The per-customer lock of `Magento\Customer\Model\AccountManagement::authenticate()`, which the customer
 * token service calls (docs/magento-behaviour.md §3.3): a locked customer is refused before the password
 * is checked; a wrong password counts a failure (`Authentication::processAuthenticationFailure()`); a
 * successful sign-in unlocks (`CustomerLoginSuccessObserver`). The state lives in the sandbox's settings
 * table under `customer-auth:<id>`, standing in for `customer_entity`'s lock columns.
 */
@Injectable()
export class CustomerLockoutService {
  constructor(
    @InjectRepository(SettingsEntity) private readonly rows: Repository<SettingsEntity>,
    private readonly settings: SettingsService,
  ) {}

  async isLocked(customerId: number, nowMs: number): Promise<boolean> {
    return isCustomerLocked(await this.read(customerId), nowMs);
  }

  async recordFailure(customerId: number, nowMs: number): Promise<void> {
    const { customerLockoutFailures, customerLockoutMinutes } = await this.settings.getGlobal();
    const next = recordCustomerFailure(await this.read(customerId), nowMs, {
      failures: customerLockoutFailures,
      minutes: customerLockoutMinutes,
    });
    await this.rows.save({ scope: scopeOf(customerId), values: { ...next } });
  }

  async unlock(customerId: number): Promise<void> {
    await this.rows.delete({ scope: scopeOf(customerId) });
  }

  private async read(customerId: number): Promise<CustomerLockState> {
    const row = await this.rows.findOneBy({ scope: scopeOf(customerId) });
    return row === null ? UNLOCKED : ({ ...UNLOCKED, ...row.values } as CustomerLockState);
  }
}

function scopeOf(customerId: number): string {
  return `customer-auth:${customerId}`;
}
