import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignatureProfile } from '../profiles';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyKind } from '../verify-types';
import { createMemoryVerifyStore } from './memory-store';

/** What every vector has: its id and a request for one of Magento's OAuth entry points. */
interface VectorRequest {
  id: string;
  profile: SignatureProfile;
  kind: VerifyKind;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A case of `sign.json` (the vectors' README documents every field). */
export interface SignVector extends VectorRequest {
  consumerKey: string;
  consumerSecret: string;
  token: string | null;
  tokenSecret: string | null;
  verifier: string | null;
  nonce: string;
  timestamp: string;
  signatureMethod: 'HMAC-SHA256';
  oauthVersion: string;
  extraOauthParams?: Record<string, string>;
  expected: { baseString: string; signature: string; signingKey: string };
  authorizationHeader: string;
  tags: string[];
}

/** The vectors kept in the project as fixtures (a copy of `shared/vectors/oauth`). */
export function readFixture<T>(name: 'sign.json' | 'verify.json'): T {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'vectors', name), 'utf8')) as T;
}

interface VectorConsumer {
  id: number;
  key: string;
  secret: string;
  updatedAtOffsetSeconds: number;
}

/** A case of `verify.json` (the vectors' README documents every field). */
export interface VerifyVector extends VectorRequest {
  state: {
    consumer: VectorConsumer;
    token: (Pick<OAuthTokenRecord, 'token' | 'secret' | 'type' | 'revoked'> & { consumerKey?: string }) | null;
    verifier: string | null;
    usedNonces: string[];
    otherConsumers?: VectorConsumer[];
  };
  now: number;
  expected: {
    valid: boolean;
    httpStatus: number;
    error: string | null;
    exception: string | null;
    responseBody: string | null;
    responseBodyPattern?: string;
    restError?: { message: string; parameters?: unknown; errors?: unknown[] };
    treatedAsGuest?: boolean;
  };
}

/** The store state of a verify vector as an in-memory store (consumers, the token row, used nonces). */
export function createVectorStore(state: VerifyVector['state'], now: number) {
  const consumers = [state.consumer, ...(state.otherConsumers ?? [])].map(
    ({ updatedAtOffsetSeconds, ...consumer }): OAuthConsumerRecord => ({
      ...consumer,
      updatedAt: now + updatedAtOffsetSeconds,
    }),
  );
  const tokens: OAuthTokenRecord[] = [];
  if (state.token) {
    const { consumerKey, ...row } = state.token;
    const owner = consumerKey ? consumers.find((c) => c.key === consumerKey) : consumers[0];
    tokens.push({ ...row, consumerId: owner?.id ?? -1, verifier: state.verifier });
  }
  return createMemoryVerifyStore({ consumers, tokens, nonces: { [String(state.consumer.id)]: state.usedNonces } });
}
