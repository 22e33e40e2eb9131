import type { MagentoIntegrationErrorCode } from './magento-integration-error';

/** The HTTP status each {@link MagentoIntegrationErrorCode} is answered with. */
export const ERROR_HTTP_STATUS: Readonly<Record<MagentoIntegrationErrorCode, number>> = {
  INVALID_CONFIG: 500,
  INVALID_CALLBACK: 400,
  UNKNOWN_TENANT: 404,
  STORE_URL_REFUSED: 400,
  STORE_NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  INVALID_INPUT: 400,
  UNKNOWN_KEY_ID: 500,
  DECRYPT_FAILED: 500,
  UNAUTHORIZED: 401,
  FORM_EXPIRED: 400,
  STORE_NOT_ACTIVE: 409,
  WINDOW_CLOSED: 409,
  CALLBACK_MISMATCH: 403,
  PENDING_LIMIT: 429,
  TOO_MANY_REQUESTS: 429,
  TOKEN_NOT_IN_HEADER: 400,
  INTERNAL_ERROR: 500,
};

/** The HTTP status for `code` (500 for anything unknown). */
export function errorHttpStatus(code: string): number {
  return (ERROR_HTTP_STATUS as Record<string, number>)[code] ?? 500;
}
