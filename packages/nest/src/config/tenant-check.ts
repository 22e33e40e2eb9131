import { Inject, Injectable } from '@nestjs/common';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MAGEKIT_CONFIG } from '../tokens';
import type { ResolvedMagentoOptions } from './module-options';
import { TENANT_PATTERN } from './module-options';

/** Checks the `:tenant` path segment against the pattern and the configured `tenants`. */
@Injectable()
export class TenantCheck {
  constructor(@Inject(MAGEKIT_CONFIG) private readonly config: ResolvedMagentoOptions) {}

  /** @throws MagentoIntegrationError `UNKNOWN_TENANT` */
  check(tenant: string): void {
    const known = TENANT_PATTERN.test(tenant) && (this.config.tenants === null || this.config.tenants.includes(tenant));
    if (!known) {
      throw new MagentoIntegrationError(
        `Unknown tenant ${JSON.stringify(String(tenant).slice(0, 64))}.`,
        'UNKNOWN_TENANT',
        {
          hint: `The Callback URL and Identity link configured in Magento must end in the service's tenant (${this.config.settingNames.tenants}).`,
        },
      );
    }
  }
}
