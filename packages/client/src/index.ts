export {
  MagentoClientError,
  isMagentoClientError,
  type MagentoClientErrorCode,
  type MagentoClientErrorOptions,
  type MagentoMessage,
} from './errors/magento-client-error';
export { classifyMagentoMessage, classifyStatus, type MessageClass } from './errors/classify-magento-message';
export { parseRestError } from './errors/parse-rest-error';
export { parseFormBody } from './handshake/parse-form-body';
export {
  parseRequestTokenResponse,
  parseAccessTokenResponse,
  type OAuthTokenPair,
} from './handshake/parse-token-response';
export {
  parseActivationCallback,
  MAX_STORE_BASE_URL_LENGTH,
  type ActivationCallback,
} from './handshake/parse-activation-callback';
export {
  requestRequestToken,
  requestAccessToken,
  exchangeTokens,
  type HandshakeOptions,
  type AccessTokenOptions,
  type SkewState,
} from './handshake/request-tokens';
export { estimateClockSkew, chooseSkewCorrection } from './http/clock-skew';
export type { Clock, Sleep, SetTimer, FetchLike } from './http/side-effects';
export { path, restPath, checkRestPath } from './url/rest-path';
export { buildQueryString, type QueryValue } from './url/build-query-string';
export { buildRestRoot, joinRestUrl, checkStoreCode, type RestScope } from './url/build-rest-url';
export { describeStoreUrl, type StoreEdition, type StoreUrlDescription } from './url/describe-store-url';
export { buildSaasRestPath, findSaasMissingRoute } from './url/saas-rest-path';
export type { AuthStrategy, AuthContext, AuthRequest } from './auth/auth-strategy';
export { createOAuthAuth, type OAuthCredentials } from './auth/oauth-auth';
export { createBearerAuth, createGuestAuth, type BearerOptions } from './auth/bearer-auth';
export { createTokenAuth, type TokenAuth, type TokenAuthOptions, type IssueToken } from './auth/token-auth';
export {
  createAdminTokenAuth,
  createCustomerTokenAuth,
  ADMIN_TOKEN_PATH,
  GOOGLE_TFA_PATH,
  type AdminTokenOptions,
  type TwoFactorOptions,
} from './auth/admin-token-auth';
export { readJwtExpiry } from './auth/jwt-expiry';
export { createImsAuth, createImsAuth as imsAuth, type ImsAuth } from './auth/ims-auth';
export { IMS_TOKEN_URL, IMS_COMMERCE_SCOPES, type ImsAuthOptions } from './auth/ims-options';
export { requestImsToken } from './auth/request-ims-token';
export { parseImsTokenResponse, type ImsToken } from './auth/parse-ims-token-response';
export { checkAuthForEdition } from './auth/edition-auth';
export { createMagentoClient, type MagentoClient, type CallOptions } from './rest/create-magento-client';
export type { MagentoClientOptions, ClientConfig } from './rest/client-options';
export type { RestRequest } from './rest/prepare-request';
export type { ClientEvent, ClientEventHandler } from './rest/client-events';
export { createConcurrencyLimiter, nestLimiters, type ConcurrencyLimiter } from './rest/concurrency-limiter';
export { createMemoryProfileStore, otherProfile, type ProfileStore } from './rest/profile-store';
export {
  parseRetryAfter,
  computeBackoff,
  canRetryMethod,
  RETRYABLE_STATUSES,
  type RetryOptions,
} from './rest/retry-policy';
export { REDACTED, SECRET_FIELD_NAME, isSecretName, redactText } from './redaction/redaction-rules';
export { redact } from './redaction/redact';
export { redactHeaders, redactUrl, redactBody } from './redaction/redact-http';
export { revokeCustomerToken, CUSTOMER_REVOKE_PATH } from './auth/revoke-customer-token';
export {
  searchCriteria,
  SearchCriteria,
  CONDITION_TYPES,
  type ConditionType,
  type Filter,
  type FilterInput,
  type FilterValue,
  type SearchCriteriaData,
} from './search/search-criteria';
export { paginate, type PaginateOptions, type SearchResults } from './search/paginate';
export { sendAsync, sendBulk, bulkPath, type AsyncRequest, type BulkRequest } from './async/send-async';
export {
  waitForBulk,
  getBulkStatus,
  BULK_STATUS_RESOURCE,
  type WaitForBulkOptions,
  type BulkStatusOptions,
} from './async/wait-for-bulk';
export { parseAsyncResponse } from './async/parse-async-response';
export { parseBulkStatus } from './async/parse-bulk-status';
export {
  OPERATION_STATUSES,
  type AsyncAccepted,
  type AcceptedItem,
  type BulkStatus,
  type BulkOperation,
  type OperationState,
} from './async/bulk-types';
