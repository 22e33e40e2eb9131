import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A case of `sign.json` (the vectors' README documents every field). */
export interface SignVector {
  id: string;
  note: string;
  profile: 'latest' | 'laminas';
  kind: 'request_token' | 'access_token' | 'api';
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
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
  rfc5849Compatible: boolean;
  tags: string[];
}

/** The vectors kept in the project as fixtures (a copy of `shared/vectors/oauth`). */
export function readFixture<T>(name: 'sign.json' | 'verify.json'): T {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'vectors', name), 'utf8')) as T;
}
