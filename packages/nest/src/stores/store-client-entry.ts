import {
  createMagentoClient,
  type AuthStrategy,
  type ClientEvent,
  type FetchLike,
  type MagentoClient,
} from '@magekit/client';
import { FailedCallCapture, type FailedCallSink } from '../admin/failed-call-capture';
import type { StoreEntity } from '../entities/store.entity';
import type { UsageTrackingLimiter } from './store-client-usage';

/** What one store's clients have learnt, carried over when its client is replaced. */
export interface StoreKnowledge {
  profile: StoreEntity['signatureProfile'];
  /** The clock correction (ms) the store's current client started from. */
  baseSkewMs: number;
}

/** The client of one store and what it was built from. */
export interface StoreClientEntry {
  /**
   * The encrypted credential the client works with (an `oauth1` store's access token, an `ims`
   * store's client secret): another value on the row means the credential changed.
   */
  readonly credentialEnc: string;
  /** `updated_at` of the row the client was built from (ms). */
  readonly builtFrom: number;
  /** `oauth1` or `ims`: an `ims` client holds an access token, so it is kept idle for longer. */
  readonly authKind: StoreEntity['authKind'];
  /** The store's limiter, noting when it was last used. */
  readonly limiter: UsageTrackingLimiter;
  readonly knowledge: StoreKnowledge;
  /** Records calls that fail for good. */
  readonly recording: MagentoClient;
  /** The same client, recording nothing. */
  readonly quiet: MagentoClient;
}

/** What {@link buildStoreClientEntry} needs besides the store. */
export interface StoreClientParts {
  /** The store's auth strategy (`buildStoreAuth`): OAuth 1.0a or Adobe IMS. */
  auth: AuthStrategy;
  /** The encrypted credential it was built from (`storeCredentialOf`). */
  credentialEnc: string;
  limiter: UsageTrackingLimiter;
  knowledge: StoreKnowledge;
  fetch: FetchLike;
  clock: () => number;
  /** Persists the store's signature profile. */
  saveProfile(profile: StoreEntity['signatureProfile']): Promise<void>;
  /** Persists the store's clock skew (base plus what the client adopted). */
  saveSkew(skewMs: number): void;
  recordFailure: FailedCallSink;
}

const RECORD_NOTHING: FailedCallSink = async () => undefined;

/**
 * Builds the one client of a store: authenticated by its strategy (OAuth 1.0a with its tokens, or
 * Adobe IMS with its credential and token cache), for its edition, through the shared limiter,
 * signing with the clock plus the store's known skew, remembering a detected signature profile
 * and an adopted skew, and watched by one failed-call capture.
 */
export function buildStoreClientEntry(store: StoreEntity, parts: StoreClientParts): StoreClientEntry {
  const { knowledge } = parts;
  const capture = new FailedCallCapture();
  const baseSkewMs = knowledge.baseSkewMs;
  const onEvent = (event: ClientEvent) => {
    capture.onEvent(event);
    if (event.type === 'clock-skew') parts.saveSkew(baseSkewMs + event.skewMs);
  };
  const client = createMagentoClient({
    baseUrl: store.storeBaseUrl,
    edition: store.edition,
    indexPhp: store.usesIndexPhp,
    auth: capture.wrapAuth(parts.auth),
    profile: knowledge.profile,
    profileStore: {
      get: () => knowledge.profile,
      set: async (_key, profile) => {
        knowledge.profile = profile;
        await parts.saveProfile(profile);
      },
    },
    limiter: parts.limiter,
    fetch: parts.fetch,
    clock: () => parts.clock() + baseSkewMs,
    timeoutMs: 30_000,
    onEvent,
  });
  return {
    credentialEnc: parts.credentialEnc,
    builtFrom: store.updatedAt?.getTime() ?? 0,
    authKind: store.authKind,
    limiter: parts.limiter,
    knowledge,
    recording: capture.wrapClient(client, parts.recordFailure),
    quiet: capture.wrapClient(client, RECORD_NOTHING),
  };
}

/** The clock correction an entry's client signs with now (its base plus what it adopted). */
export function currentSkewMs(entry: StoreClientEntry): number {
  return entry.knowledge.baseSkewMs + entry.recording.clockSkew.appliedMs;
}
