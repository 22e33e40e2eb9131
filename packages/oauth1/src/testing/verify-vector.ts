import type { SignatureProfile } from '../profiles';
import type { OAuthConsumerRecord, VerifyInput, VerifyKind } from '../verify-types';
import { createMemoryVerifyStore } from './memory-store';

interface VectorConsumer {
  id: number;
  key: string;
  secret: string;
  updatedAtOffsetSeconds: number;
}

/** A case of `verify.json` (the vectors' README documents every field). */
export interface VerifyVector {
  id: string;
  note: string;
  profile: SignatureProfile;
  kind: VerifyKind;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  state: {
    consumer: VectorConsumer;
    token: { token: string; secret: string; type: 'verifier' | 'request' | 'access'; revoked: boolean; consumerKey?: string } | null;
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

function toConsumer(c: VectorConsumer, now: number): OAuthConsumerRecord {
  return { id: c.id, key: c.key, secret: c.secret, updatedAt: now + c.updatedAtOffsetSeconds };
}

/** The request of a verify vector as a {@link VerifyInput}. */
export function toVerifyInput(v: Pick<VerifyVector, 'kind' | 'method' | 'url' | 'headers' | 'body' | 'profile'>): VerifyInput {
  return { kind: v.kind, method: v.method, url: v.url, headers: v.headers, body: v.body, profile: v.profile };
}

/** The store state of a verify vector as an in-memory store (consumers, the token row, used nonces). */
export function createVectorStore(state: VerifyVector['state'], now: number) {
  const consumers = [state.consumer, ...(state.otherConsumers ?? [])].map((c) => toConsumer(c, now));
  const owner = state.token?.consumerKey ? consumers.find((c) => c.key === state.token?.consumerKey) : consumers[0];
  const tokens = state.token
    ? [{ token: state.token.token, secret: state.token.secret, type: state.token.type, revoked: state.token.revoked, consumerId: owner?.id ?? -1, verifier: state.verifier }]
    : [];
  return createMemoryVerifyStore({ consumers, tokens, nonces: { [String(state.consumer.id)]: state.usedNonces } });
}
