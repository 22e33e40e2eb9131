/**
 * bench/oauth1: signatures per second over the Magento-verified vector corpus for
 * @magekit/oauth1 and for `oauth-1.0a` used directly, measured in alternating slices of one run.
 * Every call signs with a fresh consumer/token secret pair, as a service signing for many stores
 * does, so nothing a signer could keep per secret pair helps either side.
 */
import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { signRequest, type SignInput } from '@magekit/oauth1';
import { readFixture, type SignVector } from '@magekit/oauth1/testing';
import { measurePaired, printTable } from '../lib/measure';

const SECRET_PAIRS = 1 << 14;
const SECRET_BYTES = 16;

const vectors = readFixture<SignVector[]>('sign.json');
const secrets = Array.from({ length: SECRET_PAIRS }, () => ({
  consumerSecret: randomBytes(SECRET_BYTES).toString('hex'),
  tokenSecret: randomBytes(SECRET_BYTES).toString('hex'),
}));
let next = 0;
/** The next secret pair, never the one a previous call of the same request used. */
const freshSecrets = () => secrets[next++ % SECRET_PAIRS];

/** One input per vector (without its nonce); each call sets a fresh secret pair on it (signRequest keeps and changes no input). */
const inputs: SignInput[] = vectors.map(({ nonce: _nonce, ...input }) => input);

const hash = (base: string, key: string) => createHmac('sha256', key).update(base).digest('base64');
/** oauth-1.0a used directly, on the raw URL. */
const createDirectSigner = (v: SignVector, consumerSecret: string) =>
  new OAuth({
    consumer: { key: v.consumerKey, secret: consumerSecret },
    signature_method: 'HMAC-SHA256',
    hash_function: hash,
  });
const tokenOf = (v: SignVector, secret: string) => (v.token ? { key: v.token, secret } : undefined);
const signDirectly = (v: SignVector, consumerSecret: string, tokenSecret: string) => {
  const oauth = createDirectSigner(v, consumerSecret);
  return oauth.toHeader(oauth.authorize({ method: v.method, url: v.url }, tokenOf(v, tokenSecret)));
};

// Correctness first: the measured code must produce Magento's signatures.
for (const [i, v] of vectors.entries()) {
  const signed = signRequest({ ...inputs[i], nonce: v.nonce });
  if (signed.signature !== v.expected.signature) throw new Error(`bench input ${v.id} does not sign correctly`);
}
const directMismatches = vectors.filter((v) => {
  const oauth = createDirectSigner(v, v.consumerSecret);
  oauth.getNonce = () => v.nonce;
  oauth.getTimeStamp = () => Number(v.timestamp);
  const authorized = oauth.authorize({ method: v.method, url: v.url }, tokenOf(v, v.tokenSecret ?? ''));
  return authorized.oauth_signature !== v.expected.signature;
}).length;

const signOurs = () => {
  for (const input of inputs) {
    const { consumerSecret, tokenSecret } = freshSecrets();
    input.consumerSecret = consumerSecret;
    input.tokenSecret = tokenSecret;
    signRequest(input);
  }
};
const signTheirs = () => {
  for (const v of vectors) {
    const { consumerSecret, tokenSecret } = freshSecrets();
    signDirectly(v, consumerSecret, tokenSecret);
  }
};
const paired = measurePaired(
  ['@magekit/oauth1 signRequest', 'oauth-1.0a authorize + toHeader'],
  [inputs.length, vectors.length],
  [signOurs, signTheirs],
);

console.log(
  `corpus: ${vectors.length} Magento-verified requests (both profiles), a fresh secret pair per call; oauth-1.0a used directly gets ${directMismatches} of them wrong`,
);
printTable('signatures per second (medians of alternating slices)', 'sig', [paired.ours, paired.theirs], paired.theirs);
const [low, high] = paired.range.map((ratio) => ratio.toFixed(2));
console.log(
  `\n  @magekit/oauth1 vs oauth-1.0a: ${paired.ratio.toFixed(2)}x, median of per-slice ratios (range ${low}–${high}; goal ≥ 1.00x)`,
);
