/**
 * Shapes of the integration service's admin API (`/api`, @magekit/nest), as the dashboard reads them.
 * Names follow the API (`StoreDto`, `StoreDetailDto`, `ActivationDto`, `FailedCallDto`, `ActivityDto`).
 */

export type StoreStatus = 'activating' | 'active' | 'failed' | 'needs_reauth' | 'revoked';

export interface StoreViewFacts {
  id: number;
  code: string;
  websiteId: number | null;
  locale: string | null;
  baseCurrency: string | null;
  timezone: string | null;
  baseUrl: string | null;
  secureBaseUrl: string | null;
}

export interface StoreFacts {
  storeViews: StoreViewFacts[];
  baseUrls: string[];
  probePath: string;
}

export interface VendorAccount {
  id: string;
  email: string;
  name: string;
}

export interface Store {
  id: string;
  tenant: string;
  /** Magento's consumer key: an identifier, not a secret. */
  consumerKey: string;
  storeBaseUrl: string;
  status: StoreStatus;
  /** Code, reason and hint of the last problem (null when none). */
  statusCode: string | null;
  statusReason: string | null;
  statusHint: string | null;
  /** `latest` (current Magento) or `laminas` (Magento 2.4.4–2.4.6), as detected from the store's answers. */
  signatureProfile: 'latest' | 'laminas';
  hasAccessToken: boolean;
  vendorAccount: VendorAccount | null;
  facts: StoreFacts | null;
  activatedAt: string | null;
  lastProbedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type TokenHealthState = 'ok' | 'rejected' | 'failing' | 'unknown' | 'none';

export interface TokenHealth {
  state: TokenHealthState;
  checkedAt: string | null;
  code: string | null;
  message: string | null;
  hint: string | null;
}

export interface ResourceCheck {
  id: string;
  /** Title from Magento's ACL tree. */
  title: string;
  breadcrumb: string | null;
  state: 'allowed' | 'refused' | 'unknown';
  /** The representative call, e.g. `GET /V1/orders`. */
  route: string | null;
  status: number | null;
  detail: string | null;
}

export interface StoreDetail extends Store {
  tokenHealth: TokenHealth;
  resources: { checkedAt: string | null; items: ResourceCheck[] };
}

export interface ActivationEvent {
  position: number;
  type: string;
  message: string;
  code: string | null;
  hint: string | null;
  occurredAt: string;
}

export interface Activation {
  id: string;
  state: 'callback_received' | 'request_token' | 'access_token' | 'active' | 'failed' | 'needs_reauth';
  attempts: number;
  failureCode: string | null;
  failureReason: string | null;
  failureHint: string | null;
  windowEndsAt: string;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  events: ActivationEvent[];
}

export interface FailedCall {
  id: string;
  occurredAt: string;
  method: string;
  /** Path and query, secret-looking query values redacted. */
  path: string;
  status: number | null;
  code: string;
  message: string;
  hint: string | null;
  attempts: number;
  /** The OAuth base string of the last attempt, secrets masked. */
  baseString: string | null;
  signatureProfile: string | null;
}

export interface ActivityDay {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  started: number;
  failed: number;
}

export interface Activity {
  days: number;
  points: ActivityDay[];
}

export interface StoreQuery {
  search?: string;
  status?: StoreStatus | '';
  page?: number;
  pageSize?: number;
}

export interface ProbeResult {
  outcome: 'ok' | 'rejected' | 'error';
  store: Store;
}

/** What the security log records (`SecurityEventDto.type`). */
export type SecurityEventType = 'callback_rejected' | 'store_moved' | 'pending_expired' | 'sign_in_throttled';

export interface SecurityEvent {
  id: string;
  type: SecurityEventType;
  /** Why a callback was refused: `CALLBACK_MISMATCH`, `STORE_URL_REFUSED`, `PENDING_LIMIT`, `UNKNOWN_TENANT`, `INVALID_CALLBACK`. */
  code: string | null;
  tenant: string | null;
  /** The store concerned; it may have been removed since (`storeExists: false`). */
  storeId: string | null;
  storeExists: boolean;
  /** The consumer key the request named (public). */
  consumerKey: string | null;
  /** The store URL the request claimed. */
  storeBaseUrl: string | null;
  sourceAddress: string | null;
  message: string;
  occurredAt: string;
}

export interface SecurityEventPage {
  /** Newest first. */
  items: SecurityEvent[];
  /** Events per type over the last 24 hours. */
  counts: Record<SecurityEventType, number>;
}

export interface SecurityEventQuery {
  type?: SecurityEventType | '';
  storeId?: string;
  /** 1–200, default 50. */
  limit?: number;
  /** Only events older than this ISO time (the `occurredAt` of the last event shown). */
  before?: string;
}

/** `GET /api/service`: the service's name (a generated app's, or "magekit integration service") and version. */
export interface ServiceInfo {
  name: string;
  version: string;
}
