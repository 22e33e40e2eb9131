import { decide, loadStockModel } from '@magekit/acl';
import { MAGENTO_PROBLEMS } from '@magekit/oauth1';
import { readFixture, type VerifyVector } from '@magekit/oauth1/testing';
import { DataSource } from 'typeorm';
import { INTEGRATION_STATUS, IntegrationEntity } from '../db/integration.entity';
import { OAuthConsumerEntity } from '../db/oauth-consumer.entity';
import { OAuthNonceEntity } from '../db/oauth-nonce.entity';
import { OAuthTokenEntity } from '../db/oauth-token.entity';
import { INTERNAL_ERROR_PHRASE } from '../common/magento-exception';
import { STORE_CODES } from '../stores/store-catalog';
import { sendRaw, splitRawUrl } from '../test-support/raw-request';
import { startSandbox, type RunningSandbox } from '../testing';

const vectors = readFixture<VerifyVector[]>('verify.json');
const model = loadStockModel();
const oauthMessages = new Set(MAGENTO_PROBLEMS.map((problem) => problem.phrase));

/**
 * Magento authenticates a REST caller only when the route is not anonymous (`GuestAuthorization`
 * answers first) and only after routing; a vector on a path the stock table does not route, or on an
 * anonymous route, never reaches the OAuth check in Magento either.
 */
function reachesOAuth(vector: VerifyVector): boolean {
  if (vector.kind !== 'api') return true;
  const path = splitRawUrl(vector.url).requestUri.split('?')[0];
  const decision = decide(model, { type: 'guest' }, vector.method, path, { storeCodes: STORE_CODES });
  return decision.route !== null && !decision.resources.includes('anonymous');
}

const routed = vectors.filter(reachesOAuth);
const unrouted = vectors.filter((vector) => !reachesOAuth(vector));

describe('sandbox: every verify vector (packages/oauth1/fixtures, from Magento) through HTTP', () => {
  let sandbox: RunningSandbox;
  let nowSeconds = 0;
  let data: DataSource;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false, clock: { now: () => nowSeconds * 1000 } });
    data = sandbox.app.get(DataSource);
  });
  afterAll(() => sandbox.close());

  async function loadState(vector: VerifyVector): Promise<void> {
    for (const entity of [IntegrationEntity, OAuthNonceEntity, OAuthTokenEntity, OAuthConsumerEntity])
      await data.getRepository(entity).clear();
    nowSeconds = vector.now;
    const consumers = [vector.state.consumer, ...(vector.state.otherConsumers ?? [])];
    for (const c of consumers) {
      await data.getRepository(OAuthConsumerEntity).insert({
        id: c.id,
        name: `consumer ${c.id}`,
        key: c.key,
        secret: c.secret,
        callbackUrl: null,
        createdAt: 0,
        updatedAt: vector.now + c.updatedAtOffsetSeconds,
      });
      await data.getRepository(IntegrationEntity).insert({
        name: `integration ${c.id}`,
        email: null,
        endpoint: null,
        identityLinkUrl: null,
        status: INTEGRATION_STATUS.active,
        consumerId: c.id,
        setupType: 0,
        allResources: true,
        resources: [],
        createdAt: 0,
        updatedAt: 0,
      });
    }
    const token = vector.state.token;
    if (token) {
      const owner = consumers.find((c) => c.key === token.consumerKey) ?? vector.state.consumer;
      await data.getRepository(OAuthTokenEntity).insert({
        consumerId: owner.id,
        type: token.type,
        token: token.token,
        secret: token.secret,
        verifier: vector.state.verifier,
        callbackUrl: 'oob',
        revoked: token.revoked,
        createdAt: 0,
      });
    }
    for (const nonce of vector.state.usedNonces)
      await data
        .getRepository(OAuthNonceEntity)
        .insert({ nonce, consumerId: vector.state.consumer.id, timestamp: vector.now });
    await sandbox.admin.updateStoreSettings('default', { signatureProfile: vector.profile });
  }

  function send(vector: VerifyVector) {
    const { scheme, authority, requestUri } = splitRawUrl(vector.url);
    const headers: Record<string, string> = { host: authority, ...vector.headers };
    // The store sits behind TLS termination: an https URL reached it as http with the offloader header.
    if (scheme === 'https' && headers['x-forwarded-proto'] === undefined) headers['x-forwarded-proto'] = 'https';
    if (vector.body) headers['content-length'] = String(Buffer.byteLength(vector.body));
    return sendRaw(sandbox.port, vector.method, requestUri, headers, vector.body || null);
  }

  it('routes most vectors to the OAuth check (the rest are on anonymous or unrouted paths)', () => {
    expect(routed.length).toBeGreaterThan(90);
  });

  it.each(routed.map((v) => [v.id, v] as const))('%s', async (_id, vector) => {
    await loadState(vector);
    const response = await send(vector);
    const expected = vector.expected;
    if (vector.kind !== 'api') {
      expect(response.status).toBe(expected.httpStatus);
      if (expected.responseBodyPattern) expect(response.body).toMatch(new RegExp(expected.responseBodyPattern));
      else expect(response.body).toBe(expected.responseBody);
      return;
    }
    const body = JSON.parse(response.body) as { message?: string; parameters?: unknown };
    if (expected.valid) {
      expect(response.status).not.toBe(401);
      // The route's service may answer with a phrase the OAuth check uses too (GET /V1/orders without
      // searchCriteria: `"%fieldName" is required.` for searchCriteria); OAuth fields start with oauth_.
      const fieldName = (body.parameters as { fieldName?: unknown } | undefined)?.fieldName;
      const serviceField = typeof fieldName === 'string' && !fieldName.startsWith('oauth_');
      expect(oauthMessages.has(body.message ?? '') && !serviceField).toBe(false);
      return;
    }
    expect(response.status).toBe(expected.httpStatus);
    if (!expected.restError) {
      // Magento's own code threw (TypeError): a production store masks it.
      expect(body.message).toBe(INTERNAL_ERROR_PHRASE);
      return;
    }
    expect(body.message).toBe(expected.restError.message);
    if (!expected.treatedAsGuest && expected.restError?.parameters !== undefined)
      expect(body.parameters).toEqual(expected.restError.parameters);
  });

  it.each(unrouted.map((v) => [v.id, v] as const))(
    '%s: not authenticated, as in Magento (anonymous or unrouted path)',
    async (_id, vector) => {
      await loadState(vector);
      const response = await send(vector);
      const body = JSON.parse(response.body) as { message?: string };
      expect(oauthMessages.has(body.message ?? '')).toBe(false);
    },
  );
});
