import { Inject, Injectable } from '@nestjs/common';
import { MAGEKIT_DNS_LOOKUP, MAGEKIT_URL_POLICY } from '../tokens';
import { checkStoreUrl, type CheckedStoreUrl } from './store-url-guard';
import type { LookupAll, StoreUrlPolicy } from './store-url-policy';

/** The store-URL guard with the module's policy and DNS lookup. */
@Injectable()
export class StoreUrlGuard {
  constructor(
    @Inject(MAGEKIT_URL_POLICY) private readonly policy: StoreUrlPolicy,
    @Inject(MAGEKIT_DNS_LOOKUP) private readonly lookup: LookupAll,
  ) {}

  /** @throws MagentoIntegrationError `STORE_URL_REFUSED` */
  check(url: string): Promise<CheckedStoreUrl> {
    return checkStoreUrl(url, this.policy, this.lookup);
  }
}
