/**
 * The rows {@link seedStores} writes, built in memory from a seeded pseudo-random spread: stores
 * (OAuth 1.0a integrations and a share of IMS tenants), vendor accounts, activations with their
 * timelines, failed calls and security events. Pure apart from the key ring's random IVs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { secretContext, type KeyRing, type StoreStatus } from '@magekit/nest';

/** What the row builders take (see `SeedStoresOptions`). */
export interface SeedPlan {
  count: number;
  keyRing: KeyRing;
  baseUrl?: (i: number) => string;
  statusOf?: (i: number) => StoreStatus;
  tenantOf?: (i: number) => string;
  imsEvery: number;
  now: number;
  seed: number;
}

/** One seeded store, as a bench needs to find or call it. */
export interface SeededStore {
  index: number;
  id: string;
  status: StoreStatus;
  authKind: 'oauth1' | 'ims';
  tenant: string;
  storeBaseUrl: string;
  /** Null for IMS stores. */
  consumerKey: string | null;
}

/** The plaintext credentials of store `i` (OAuth consumer and access token; IMS client id and secret). */
export interface SeededCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
  imsClientId: string;
  imsClientSecret: string;
}

/** Credentials of the `i`-th seeded store: derived from `i` alone, so a fake store can accept them. */
export function seededCredentials(i: number): SeededCredentials {
  const derive = (kind: string) => createHash('sha256').update(`magekit-bench:${kind}:${i}`).digest('hex').slice(0, 32);
  return {
    consumerKey: derive('consumer-key'),
    consumerSecret: derive('consumer-secret'),
    accessToken: derive('access-token'),
    accessTokenSecret: derive('access-token-secret'),
    imsClientId: derive('ims-client-id'),
    imsClientSecret: `p8e-${derive('ims-client-secret')}`,
  };
}

const DAY = 86_400_000;
const TENANTS = ['default', 'default', 'default', 'default', 'acme', 'acme', 'globex', 'initech', 'umbrella', 'stark'];
const BRANDS = ['shop', 'store', 'outlet', 'boutique', 'market', 'supply', 'goods', 'mode', 'wear', 'home'];
const DOMAINS = ['example.com', 'example.net', 'example.org', 'shop.example', 'store.test'];
const FAILURE_CODES = [
  ['NOT_AUTHORIZED', 401, "The consumer isn't authorized to access %resources."],
  ['NETWORK', null, 'The store did not answer (connect ECONNREFUSED).'],
  ['SERVER_ERROR', 500, 'Internal Error. Details are available in Magento log file.'],
  ['NOT_FOUND', 404, "The requested product doesn't exist. Verify the product and try again."],
  ['TIMEOUT', null, 'The store did not answer within 30000 ms.'],
] as const;

/** A small deterministic PRNG (mulberry32). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function defaultStatus(r: number): StoreStatus {
  if (r < 0.72) return 'active';
  if (r < 0.8) return 'needs_reauth';
  if (r < 0.89) return 'failed';
  if (r < 0.95) return 'revoked';
  return 'activating';
}

function defaultBaseUrl(i: number, r: () => number): string {
  const host = `${BRANDS[i % BRANDS.length]}-${String(i).padStart(5, '0')}.${DOMAINS[Math.floor(r() * DOMAINS.length)]}`;
  const shape = r();
  if (shape < 0.1) return `https://${host}/index.php/`;
  if (shape < 0.2) return `https://www.${host}/magento/`;
  return `https://${host}/`;
}

/** Every row, in insertion order of the tables (accounts before stores before activations …). */
export function buildStoreRows(plan: SeedPlan) {
  const random = createRandom(plan.seed);
  const accounts = buildAccounts(Math.ceil(plan.count / 8), plan.now);
  const rows = {
    accounts,
    stores: [] as Record<string, unknown>[],
    activations: [] as Record<string, unknown>[],
    events: [] as Record<string, unknown>[],
    failures: [] as Record<string, unknown>[],
    securityEvents: [] as Record<string, unknown>[],
    seeded: [] as SeededStore[],
  };
  for (let i = 0; i < plan.count; i++) {
    const ims = plan.imsEvery > 0 && i % plan.imsEvery === plan.imsEvery - 1;
    const status = plan.statusOf ? plan.statusOf(i) : defaultStatus(random());
    const tenant = plan.tenantOf ? plan.tenantOf(i) : TENANTS[Math.floor(random() * TENANTS.length)];
    const age = status === 'activating' ? random() * 600_000 : random() * 365 * DAY;
    const createdAt = new Date(plan.now - age);
    const account = !ims && random() < 0.6 ? accounts[Math.floor(random() * accounts.length)] : null;
    const store = buildStore(plan, i, {
      ims,
      status,
      tenant,
      createdAt,
      accountId: (account?.id as string | undefined) ?? null,
      random,
    });
    rows.stores.push(store);
    rows.seeded.push({
      index: i,
      id: store.id as string,
      status,
      authKind: ims ? 'ims' : 'oauth1',
      tenant,
      storeBaseUrl: store.storeBaseUrl as string,
      consumerKey: store.consumerKey as string | null,
    });
    if (!ims) buildActivations(plan, i, store, random, rows);
    buildFailures(store, status, plan.now, random, rows.failures);
    buildSecurityEvents(store, plan.now, random, rows.securityEvents);
  }
  return rows;
}

function buildAccounts(count: number, now: number): Record<string, unknown>[] {
  // A valid-looking scrypt record nobody signs in with (benches never sign vendors in).
  const passwordHash = `scrypt$16384$8$1$${'A'.repeat(22)}$${'B'.repeat(86)}`;
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `vendor-${i}@example.com`,
    name: `Vendor ${i}`,
    passwordHash,
    disabledAt: null,
    createdAt: new Date(now - 400 * DAY),
    updatedAt: new Date(now - 400 * DAY),
  }));
}

interface StoreShape {
  ims: boolean;
  status: StoreStatus;
  tenant: string;
  createdAt: Date;
  accountId: string | null;
  random: () => number;
}

function buildStore(plan: SeedPlan, i: number, shape: StoreShape): Record<string, unknown> {
  const id = randomUUID();
  const credentials = seededCredentials(i);
  const seal = (column: string, value: string) =>
    plan.keyRing.encrypt(value, secretContext('magekit_stores', column, id));
  const { ims, status, createdAt, random } = shape;
  const holdsCredential = status === 'active' || status === 'needs_reauth' || status === 'failed';
  const storeBaseUrl = plan.baseUrl
    ? plan.baseUrl(i)
    : ims
      ? `https://na1.api.commerce.adobe.com/T${credentials.imsClientId.slice(0, 24).toUpperCase()}/`
      : defaultBaseUrl(i, random);
  const activatedAt = status === 'activating' ? null : new Date(createdAt.getTime() + 5_000);
  const failed = status === 'failed' || status === 'needs_reauth';
  const code = failed ? FAILURE_CODES[Math.floor(random() * 2)] : null;
  return {
    id,
    tenant: shape.tenant,
    authKind: ims ? 'ims' : 'oauth1',
    edition: ims ? 'saas' : 'paas',
    consumerKey: ims ? null : credentials.consumerKey,
    consumerSecretEnc: ims ? null : seal('consumer_secret_enc', credentials.consumerSecret),
    storeBaseUrl,
    saasUrlHash: ims ? createHash('sha256').update(storeBaseUrl).digest('hex') : null,
    imsClientId: ims ? credentials.imsClientId : null,
    imsClientSecretEnc: ims && status !== 'revoked' ? seal('ims_client_secret_enc', credentials.imsClientSecret) : null,
    imsOrgId: ims ? '0123456789ABCDEF01234567@AdobeOrg' : null,
    imsScopes: null,
    imsTokenUrl: null,
    usesIndexPhp: storeBaseUrl.includes('/index.php/'),
    status,
    statusCode: code ? code[0] : null,
    statusReason: code ? code[2] : null,
    statusHint: code ? 'Reauthorize the integration in the Magento admin.' : null,
    accessTokenEnc: !ims && holdsCredential ? seal('access_token_enc', credentials.accessToken) : null,
    accessTokenSecretEnc:
      !ims && holdsCredential ? seal('access_token_secret_enc', credentials.accessTokenSecret) : null,
    signatureProfile: random() < 0.15 ? 'laminas' : 'latest',
    clockSkewMs: random() < 0.05 ? Math.round((random() - 0.5) * 120_000) : null,
    vendorAccountId: shape.accountId,
    facts: activatedAt && status !== 'revoked' ? factsJson(storeBaseUrl, 1 + Math.floor(random() * 3)) : null,
    activatedAt,
    lastProbedAt: activatedAt ? new Date(plan.now - random() * DAY) : null,
    probeLeaseUntil: null,
    createdFromAddress: ims ? null : `203.0.113.${i % 250}`,
    handshakeOwner: null,
    handshakeLeaseUntil: null,
    createdAt,
    updatedAt: new Date(Math.max(createdAt.getTime(), plan.now - random() * 30 * DAY)),
  };
}

function factsJson(baseUrl: string, views: number): string {
  const storeViews = Array.from({ length: views }, (_, v) => ({
    id: v + 1,
    code: v === 0 ? 'default' : `view_${v}`,
    websiteId: 1,
    locale: ['en_US', 'de_DE', 'fr_FR'][v % 3],
    baseCurrency: ['USD', 'EUR', 'EUR'][v % 3],
    timezone: 'UTC',
    baseUrl,
    secureBaseUrl: baseUrl,
  }));
  return JSON.stringify({ storeViews, baseUrls: [baseUrl], probePath: '/V1/store/storeConfigs' });
}

type Rows = ReturnType<typeof buildStoreRows>;

const TIMELINES: Record<StoreStatus, string[]> = {
  active: ['callback_received', 'request_token', 'access_token', 'active', 'identity_linked', 'probe_ok'],
  needs_reauth: ['callback_received', 'request_token', 'access_token', 'active', 'probe_failed', 'needs_reauth'],
  failed: ['callback_received', 'retry_scheduled', 'request_token', 'retry_scheduled', 'failed'],
  revoked: ['callback_received', 'request_token', 'access_token', 'active', 'revoked'],
  activating: ['callback_received', 'request_token'],
};
const FINAL_STATE: Record<StoreStatus, string> = {
  active: 'active',
  needs_reauth: 'needs_reauth',
  failed: 'failed',
  revoked: 'active',
  activating: 'request_token',
};

function buildActivations(
  plan: SeedPlan,
  i: number,
  store: Record<string, unknown>,
  random: () => number,
  rows: Pick<Rows, 'activations' | 'events'>,
): void {
  const status = store.status as StoreStatus;
  const reauthorized = status !== 'activating' && random() < 0.25;
  const createdAt = (store.createdAt as Date).getTime();
  const count = reauthorized ? 2 : 1;
  for (let n = 0; n < count; n++) {
    const latest = n === count - 1;
    const id = randomUUID();
    const at = latest && reauthorized ? createdAt + (plan.now - createdAt) * random() : createdAt;
    const state = latest ? FINAL_STATE[status] : 'active';
    const seal = (column: string, value: string) =>
      plan.keyRing.encrypt(value, secretContext('magekit_activations', column, id));
    const verifier = createHash('sha256').update(`magekit-bench:verifier:${plan.seed}:${i}:${n}`).digest('hex');
    rows.activations.push({
      id,
      storeId: store.id,
      state,
      verifierHash: createHash('sha256').update(verifier.slice(0, 32)).digest('hex'),
      verifierEnc: seal('verifier_enc', verifier.slice(0, 32)),
      requestTokenEnc: null,
      requestTokenSecretEnc: null,
      accessTokenEnc: null,
      accessTokenSecretEnc: null,
      attempts: state === 'failed' ? 3 : 1,
      windowEndsAt: new Date(at + 300_000),
      nextAttemptAt: null,
      leaseUntil: null,
      leaseOwner: null,
      failureCode: state === 'failed' ? 'NETWORK' : n < count - 1 ? 'SUPERSEDED' : null,
      failureReason: state === 'failed' ? 'The store did not answer (connect ECONNREFUSED).' : null,
      failureHint: null,
      createdAt: new Date(at),
      updatedAt: new Date(at + 4_000),
    });
    const types = latest ? TIMELINES[status] : TIMELINES.active.slice(0, 4);
    types.forEach((type, position) =>
      rows.events.push({
        id: randomUUID(),
        activationId: id,
        storeId: store.id,
        position,
        type,
        message: `${type.replace(/_/g, ' ')} (seeded)`,
        code: type === 'failed' ? 'NETWORK' : null,
        hint: null,
        occurredAt: new Date(at + position * 800),
      }),
    );
  }
}

function buildFailures(
  store: Record<string, unknown>,
  status: StoreStatus,
  now: number,
  random: () => number,
  failures: Record<string, unknown>[],
): void {
  const count = Math.floor(random() * (status === 'failed' || status === 'needs_reauth' ? 8 : 3));
  for (let f = 0; f < count; f++) {
    const [code, httpStatus, message] = FAILURE_CODES[Math.floor(random() * FAILURE_CODES.length)];
    failures.push({
      id: randomUUID(),
      storeId: store.id,
      method: random() < 0.7 ? 'GET' : 'POST',
      path: `/rest/V1/orders?searchCriteria[pageSize]=50&searchCriteria[currentPage]=${f + 1}`,
      status: httpStatus,
      code,
      message,
      hint: null,
      attempts: 1 + Math.floor(random() * 3),
      baseString: null,
      signatureProfile: store.signatureProfile,
      occurredAt: new Date(now - random() * 7 * DAY),
    });
  }
}

function buildSecurityEvents(
  store: Record<string, unknown>,
  now: number,
  random: () => number,
  events: Record<string, unknown>[],
): void {
  if (random() >= 0.2) return;
  const moved = random() < 0.3;
  events.push({
    id: randomUUID(),
    type: moved ? 'store_moved' : 'callback_rejected',
    code: moved ? null : 'CALLBACK_MISMATCH',
    tenant: store.tenant,
    storeId: store.id,
    consumerKey: store.consumerKey,
    storeBaseUrl: store.storeBaseUrl,
    sourceAddress: '198.51.100.7',
    message: moved
      ? `The store moved to ${String(store.storeBaseUrl)} (the callback carried the stored consumer secret).`
      : 'A callback named this consumer key with another consumer secret.',
    occurredAt: new Date(now - random() * 30 * DAY),
  });
}
