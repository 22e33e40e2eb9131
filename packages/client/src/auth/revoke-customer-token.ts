import type { MagentoClient } from '../rest/create-magento-client';
import type { TokenAuth } from './token-auth';

export const CUSTOMER_REVOKE_PATH = '/V1/integration/customer/revoke-customer-token';

/**
 * Revokes the customer's tokens: `POST /V1/integration/customer/revoke-customer-token` as that
 * customer (resource `self`, `customerId` forced to `%customer_id%`, docs/magento-behaviour.md §3.1) — all tokens of
 * the customer issued before now stop working — then drops the cached token.
 *
 * @returns Magento's answer (`true`).
 * @throws MagentoClientError as any REST call (`NOT_AUTHORIZED` when the token already expired).
 */
export async function revokeCustomerToken(
  client: MagentoClient,
  auth: TokenAuth,
  signal?: AbortSignal,
): Promise<boolean> {
  const result = await client.post(CUSTOMER_REVOKE_PATH, undefined, { auth, signal });
  auth.invalidate();
  return result === true;
}
