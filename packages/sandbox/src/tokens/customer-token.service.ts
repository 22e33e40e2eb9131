import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { MagentoException, SIGN_IN_FAILED } from '../common/magento-exception';
import { verifyPassword } from '../common/password';
import { CustomerEntity } from '../db/customer.entity';
import { STORE_VIEWS } from '../stores/store-catalog';
import { CustomerLockoutService } from './customer-lockout.service';
import { JwtTokenService } from './jwt-token.service';
import { RequestThrottlerService, THROTTLED_USER_TYPE } from './request-throttler.service';
import { requiredFields, validateCredentials } from './service-input';

/** `EmailNotConfirmedException` (an `AuthenticationException`: 401), rethrown by the token service. */
export const EMAIL_NOT_CONFIRMED = "This account isn't confirmed. Verify and try again.";

/**
 * `Magento\Integration\Model\CustomerTokenService` (docs/magento-behaviour.md §3.2–§3.3): `createCustomerAccessToken()` runs
 * `CredentialsValidator`, the request throttler and `AccountManagement::authenticate()` (the customer
 * by e-mail in the website of the request's store, the customer's own lock, the password, then the
 * e-mail confirmation); every failure counts toward the throttler's lockout, a wrong password also
 * toward the customer's, and all but the unconfirmed e-mail answer the one sign-in message.
 * `revokeCustomerAccessToken()` revokes every token of the customer issued so far.
 */
@Injectable()
export class CustomerTokenService {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    private readonly throttler: RequestThrottlerService,
    private readonly lockout: CustomerLockoutService,
    private readonly jwt: JwtTokenService,
  ) {}

  /**
   * @param storeCode the store of the request (its website scopes the e-mail)
   * @throws MagentoException 400 required fields, 401 {@link SIGN_IN_FAILED} or {@link EMAIL_NOT_CONFIRMED}
   */
  async createToken(username: string, password: string, storeCode: string, nowMs: number): Promise<string> {
    validateCredentials(username, password);
    await this.throttler.throttle(username, THROTTLED_USER_TYPE.customer, nowMs);
    const customer = await this.findCustomer(username, websiteOf(storeCode));
    // `UserLockedException` before the password is looked at.
    const locked = customer !== null && (await this.lockout.isLocked(customer.id, nowMs));
    const passwordOk = customer !== null && !locked && (await verifyPassword(password, customer.passwordHash));
    if (customer !== null && !locked && !passwordOk) await this.lockout.recordFailure(customer.id, nowMs);
    if (customer === null || !passwordOk || isAwaitingConfirmation(customer)) {
      await this.throttler.logFailure(username, THROTTLED_USER_TYPE.customer, nowMs);
      throw new MagentoException(401, passwordOk ? EMAIL_NOT_CONFIRMED : SIGN_IN_FAILED);
    }
    await this.lockout.unlock(customer.id);
    await this.throttler.reset(username, THROTTLED_USER_TYPE.customer);
    return this.jwt.issue({ type: 'customer', userId: customer.id }, nowMs);
  }

  /**
   * `revokeCustomerAccessToken($customerId)` with the id `ParamsOverrider` forced to `%customer_id%`:
   * a customer caller's own id; for any other caller it is null, which `ServiceInputProcessor` reports
   * as a missing required field.
   */
  async revokeTokens(forcedCustomerId: unknown, nowMs: number): Promise<true> {
    if (forcedCustomerId === null || forcedCustomerId === undefined) throw requiredFields(['customerId']);
    await this.jwt.revokeAll({ type: 'customer', userId: Number(forcedCustomerId) }, nowMs);
    return true;
  }

  /** `CustomerRepository::get($email)`: e-mails are matched case-insensitively (MySQL collation). */
  private findCustomer(email: string, websiteId: number): Promise<CustomerEntity | null> {
    return this.customers
      .createQueryBuilder('customer')
      .where('LOWER(customer.email) = LOWER(:email)', { email })
      .andWhere('customer.websiteId = :websiteId', { websiteId })
      .getOne();
  }
}

/** The website of a store code (`PathProcessor` already mapped unknown codes to `default`); `all` is the admin website 0. */
function websiteOf(storeCode: string): number {
  if (storeCode === 'all') return 0;
  return (STORE_VIEWS.find((view) => view.code === storeCode) ?? STORE_VIEWS[0]).websiteId;
}

/**
 * A customer with a pending confirmation key (`CustomerInterface::confirmation`): the sandbox treats
 * it as Magento does when `customer/create_account/confirm` is on for the website.
 */
function isAwaitingConfirmation(customer: CustomerEntity): boolean {
  const confirmation = customer.data['confirmation'];
  return typeof confirmation === 'string' && confirmation !== '';
}
