import type { SignatureProfile } from '../profiles';
import type { OAuthConsumerRecord, OAuthTokenRecord, VerifyKind } from '../verify-types';
import { createMemoryVerifyStore } from './memory-store';

type TokenType = OAuthTokenRecord['type'];

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
    token: { token: string; secret: string; type: TokenType; revoked: boolean; consumerKey?: string } | null;
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
