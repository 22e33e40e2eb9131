import type { SignatureProfile } from '@magekit/oauth1';
import type { MagentoClientError } from '../errors/magento-client-error';
import type { Clock, FetchLike, SetTimer } from '../http/side-effects';
import type { ClientEvent } from '../rest/client-events';

/** The request to authorize: the exact URL and body that will be sent. */
export interface AuthRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
}

/** What the client gives a strategy. */
export interface AuthContext {
  /** The store's signature profile for this attempt. */
  profile: SignatureProfile;
  /** Client clock corrected by the adopted store clock skew (ms). */
  clock: Clock;
  randomBytes?: (size: number) => Uint8Array;
  /** The client's `fetch` and timer, for strategies that call an identity service (IMS). */
  fetch?: FetchLike;
  setTimer?: SetTimer;
  emit(event: ClientEvent): void;
  /**
   * Sends an anonymous JSON POST to a REST path (e.g. `/V1/integration/admin/token`) through the
   * client's transport, never retried; resolves the parsed JSON.
   *
   * @throws MagentoClientError as for any REST call.
   */
  postAnonymous(path: string, body: unknown, signal?: AbortSignal): Promise<unknown>;
}

/** How a client authenticates: one of integration OAuth, Bearer, admin/customer token, Adobe IMS or guest. */
export interface AuthStrategy {
  /** `oauth` requests take part in signature-profile detection; the kind also decides what an edition accepts (docs/magento-behaviour.md §11.1). */
  readonly kind: 'oauth' | 'bearer' | 'admin-token' | 'customer-token' | 'ims' | 'guest';
  /** Headers to add to this attempt (called for every attempt: a fresh nonce/timestamp each time). */
  authorize(
    request: AuthRequest,
    context: AuthContext,
    signal?: AbortSignal,
  ): Promise<Record<string, string>> | Record<string, string>;
  /**
   * After a 401 to an attempt authorized with `used` headers: drop those credentials if they are
   * still cached; resolve true to re-send the request once.
   */
  refresh?(
    error: MagentoClientError,
    context: AuthContext,
    used: Readonly<Record<string, string>>,
  ): Promise<boolean> | boolean;
}
