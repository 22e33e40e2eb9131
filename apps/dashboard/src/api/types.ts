/** Shapes of the integration app's admin API (`/api`) as the dashboard reads them. */

export type StoreStatus = 'pending' | 'active' | 'failed' | 'needs_reauth' | 'revoked';

export interface StoreView {
  code: string;
  name: string;
}

export interface StoreSummary {
  id: string;
  baseUrl: string;
  status: StoreStatus;
  storeViews: StoreView[];
  magentoVersion: string | null;
  activatedAt: string | null;
  lastProbeAt: string | null;
  lastError: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TimelineEvent {
  at: string;
  type: string;
  ok: boolean;
  /** Magento's message on failure. */
  message: string | null;
  /** What to do about it. */
  hint: string | null;
}

export interface FailedCall {
  at: string;
  method: string;
  path: string;
  status: number;
  message: string;
  /** The explained base string, secrets masked. */
  baseString: string | null;
}

export interface ResourceCheck {
  id: string;
  title: string;
  granted: boolean;
}

export interface StoreDetail extends StoreSummary {
  consumerKeyHint: string;
  tokenHealth: { ok: boolean; checkedAt: string | null; message: string | null };
  grantedResources: string[] | 'all';
  requiredResources: ResourceCheck[];
  timeline: TimelineEvent[];
  failedCalls: FailedCall[];
}

export interface ActivityPoint {
  date: string;
  activations: number;
  failures: number;
}

export interface StoreQuery {
  q?: string;
  status?: StoreStatus | '';
  page?: number;
  pageSize?: number;
}
