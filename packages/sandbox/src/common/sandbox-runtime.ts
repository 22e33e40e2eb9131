import { Injectable } from '@nestjs/common';

/** Facts known only once the server listens: the base URL the store announces. */
@Injectable()
export class SandboxRuntime {
  /** `store_base_url` and store-config base URLs, with a trailing slash. */
  baseUrl = 'http://localhost/';

  /** The admin's `loginSuccessCallback` page (the identity link's `success_call_back`). */
  get successCallbackUrl(): string {
    return `${this.baseUrl}admin/admin/integration/loginSuccessCallback/`;
  }
}

/** Injection token of the Magento route table and ACL tree (`MagentoModel`). */
export const MAGENTO_MODEL = Symbol('MAGENTO_MODEL');

/** Injection token of the `fetch` used for the consumer POST. */
export const FETCH = Symbol('SANDBOX_FETCH');
