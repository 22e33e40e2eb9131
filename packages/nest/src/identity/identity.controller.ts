import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { Repository } from 'typeorm';
import { TenantCheck } from '../config/tenant-check';
import { VendorAccountEntity } from '../entities/vendor-account.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { SignInAttemptEntity } from '../entities/sign-in-attempt.entity';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { PAGE_HEADERS } from './html';
import { IdentityLinkService } from './identity-link.service';
import { ActivationOutcomeReader } from './activation-outcome';
import { renderLinkedPage, renderNotConnectedPage, renderReturnPage, renderSignInPage } from './identity-pages';
import { checkFormToken, issueFormToken, pagePath } from './form-token';
import { SignInAttempts } from './sign-in-attempts';
import { describeWait, type SignInLockout } from './sign-in-lockout';
import { Throttled } from '../security/request-throttle.guard';
import { SecurityEventLog } from '../security/security-event-log';
import { authenticateVendor } from './vendor-accounts';

const CONSUMER_KEY = /^[0-9a-z]{32}$/i;

type SignInForm = {
  email?: string;
  password?: string;
  oauth_consumer_key?: string;
  success_call_back?: string;
  form_token?: string;
};

/**
 * `GET|POST /magento/identity/:tenant`: the identity link Magento opens in a popup after the
 * callback, with `oauth_consumer_key` and `success_call_back` (docs/magento-behaviour.md §2.5). The merchant
 * signs in to the vendor's account, which is linked to the consumer key; the popup then goes to
 * `success_call_back` if it is on the calling store, else shows "you can close this window".
 */
@ApiExcludeController()
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('magento/identity')
export class IdentityController {
  private readonly attempts: SignInAttempts;

  constructor(
    @InjectRepository(VendorAccountEntity) private readonly accounts: Repository<VendorAccountEntity>,
    private readonly links: IdentityLinkService,
    private readonly tenants: TenantCheck,
    @Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions,
    @InjectRepository(SignInAttemptEntity) attempts: Repository<SignInAttemptEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    private readonly securityLog: SecurityEventLog,
    private readonly outcomes: ActivationOutcomeReader,
  ) {
    this.attempts = new SignInAttempts(attempts, clock, config.signIn);
  }

  @Get(':tenant')
  show(
    @Param('tenant') tenant: string,
    @Query() query: SignInForm,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    this.tenants.check(tenant);
    const consumerKey = checkConsumerKey(query.oauth_consumer_key);
    const formToken = issueFormToken(request, response);
    this.sendPage(
      response,
      200,
      renderSignInPage({
        productName: this.config.productName,
        action: pagePath(request),
        consumerKey,
        successCallBack: String(query.success_call_back ?? ''),
        formToken,
      }),
    );
  }

  @Post(':tenant')
  @Throttled('signIn')
  async signIn(
    @Param('tenant') tenant: string,
    @Body() form: SignInForm,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.tenants.check(tenant);
    const consumerKey = checkConsumerKey(form.oauth_consumer_key);
    const successCallBack = String(form.success_call_back ?? '');
    if (!checkFormToken(request, form.form_token)) {
      throw new MagentoIntegrationError(
        'This sign-in form has expired or was not opened from the identity link.',
        'FORM_EXPIRED',
        { hint: 'Open the integration again from the Magento admin (Activate or Reauthorize).' },
      );
    }
    const email = String(form.email ?? '');
    const lockout = await this.attempts.check(email, request.ip);
    if (lockout.by === 'ip') this.throttleAddress(lockout);
    if (lockout.locked) return this.refuse(request, response, { consumerKey, successCallBack, email }, lockout);
    const account = await authenticateVendor(this.accounts, email, String(form.password ?? ''));
    if (!account) {
      const after = await this.attempts.recordFailure(email, request.ip);
      if (after.by === 'ip') await this.noteThrottledAddress(tenant, consumerKey, request.ip);
      return this.refuse(request, response, { consumerKey, successCallBack, email }, after);
    }
    await this.attempts.recordSuccess(email);
    const redirect = await this.links.link(tenant, consumerKey, account.id, successCallBack);
    const outcome = await this.outcomes.settle(consumerKey);
    if (outcome.kind === 'refused' || outcome.kind === 'failed' || outcome.kind === 'activating') {
      const code = outcome.kind === 'activating' ? (outcome.store.statusCode ?? 'ACTIVATING') : outcome.code;
      const message =
        outcome.kind === 'activating'
          ? (outcome.store.statusReason ?? 'The store is still exchanging tokens with the integration service.')
          : outcome.message;
      return this.sendPage(
        response,
        200,
        renderNotConnectedPage({
          productName: this.config.productName,
          accountName: account.name,
          kind: outcome.kind,
          code,
          message,
          returnTo: redirect,
        }),
      );
    }
    // A page that navigates on, not a 303: Chromium applies the form's CSP `form-action 'self'` to a redirect after the POST.
    if (redirect)
      return this.sendPage(response, 200, renderReturnPage(this.config.productName, account.name, redirect));
    this.sendPage(response, 200, renderLinkedPage(this.config.productName, account.name));
  }

  /**
   * A client address over its failure limit gets 429, never "wrong password": behind a proxy
   * without `trust proxy`, every merchant would share that address and see their right password refused.
   */
  private throttleAddress(lockout: SignInLockout): never {
    const seconds = Math.max(1, Math.ceil(((lockout.until?.getTime() ?? this.clock()) - this.clock()) / 1000));
    throw new MagentoIntegrationError(
      `Too many failed sign-ins from your network address. Please wait ${Math.ceil(seconds / 60)} minute(s) and try again.`,
      'TOO_MANY_REQUESTS',
      {
        hint: 'Your account is not locked; sign-ins from this address are paused. Operators behind a load balancer: set TRUST_PROXY so that each merchant has their own address.',
        details: { retryAfterSeconds: seconds },
      },
    );
  }

  private async noteThrottledAddress(tenant: string, consumerKey: string, address: string | undefined): Promise<void> {
    await this.securityLog.record({
      type: 'sign_in_throttled',
      tenant,
      consumerKey,
      sourceAddress: address ?? null,
      message:
        'A client address reached the identity sign-in failure limit; its sign-ins are refused with 429 until the window ends.',
    });
  }

  /** The same answer for a wrong password, an unknown e-mail and a locked e-mail (plus "wait" when locked). */
  private refuse(
    request: Request,
    response: Response,
    fields: { consumerKey: string; successCallBack: string; email: string },
    lockout: SignInLockout,
  ): void {
    const formToken = issueFormToken(request, response);
    const notice = lockout.until
      ? describeWait(lockout.until, this.clock(), lockout.by === 'ip' ? 'from your network address' : undefined)
      : undefined;
    const page = renderSignInPage({
      productName: this.config.productName,
      action: pagePath(request),
      ...fields,
      formToken,
      error: 'The e-mail address or password is not correct.',
      notice,
    });
    this.sendPage(response, 401, page);
  }

  private sendPage(response: Response, status: number, html: string): void {
    response.status(status).set(PAGE_HEADERS).type('html').send(html);
  }
}

function checkConsumerKey(value: unknown): string {
  if (typeof value === 'string' && CONSUMER_KEY.test(value)) return value;
  throw new MagentoIntegrationError(
    'This link is missing its oauth_consumer_key (32 letters/digits).',
    'INVALID_INPUT',
    { hint: 'Open the identity link from the Magento admin (System > Extensions > Integrations > Activate).' },
  );
}
