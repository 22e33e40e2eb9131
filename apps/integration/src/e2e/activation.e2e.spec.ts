import { createMagentoClient, createOAuthAuth, isMagentoClientError } from '@magekit/client';
import { SecretBox, StoreEntity } from '@magekit/nest';
import { startSandbox, type RunningSandbox } from '@magekit/sandbox/testing';
import { openSignInForm, readReturnTarget, submitSignIn } from '../test-support/identity-popup';
import { activate, createIntegration, settledStore, storesOf } from '../test-support/sandbox-flow';
import { describeIfAvailable, listTestDatabases } from '../test-support/test-databases';
import { startTestService, type TestService } from '../test-support/test-service';

jest.setTimeout(60_000);

for (const database of listTestDatabases()) {
  describeIfAvailable(database, 'integration service against the sandbox store over loopback', () => {
    let db: { url: string | null; drop(): Promise<void> };
    let sandbox: RunningSandbox;
    let service: TestService;
    let account: { email: string; password: string };

    beforeAll(async () => {
      db = await database.create();
      [sandbox, service] = await Promise.all([startSandbox(), startTestService({ databaseUrl: db.url })]);
      account = service.firstStart!.account;
    });
    afterAll(async () => {
      await service?.stop();
      await sandbox?.close();
      await db?.drop();
    });

    async function storeRow(id: string): Promise<StoreEntity> {
      return service.dataSource.getRepository(StoreEntity).findOneByOrFail({ id });
    }

    /** A @magekit/client REST client with the tokens a store row holds (decrypted with the service's keys). */
    function clientFor(row: StoreEntity) {
      const secrets = service.app.get(SecretBox);
      const open = (column: string, value: string | null) =>
        secrets.open('magekit_stores', column, row.id, value ?? '');
      const auth = createOAuthAuth({
        consumerKey: row.consumerKey ?? '',
        consumerSecret: open('consumer_secret_enc', row.consumerSecretEnc),
        accessToken: open('access_token_enc', row.accessTokenEnc),
        accessTokenSecret: open('access_token_secret_enc', row.accessTokenSecretEnc),
      });
      return createMagentoClient({ baseUrl: row.storeBaseUrl, auth, retry: { retries: 0 } });
    }

    it('create -> activate -> active -> probe, with the timeline in the admin API', async () => {
      const integration = await createIntegration(sandbox, service);
      const activation = await activate(sandbox, integration.id);
      expect(activation.endpoint_status).toBe(200);
      const store = await settledStore(service, integration.consumer_key);
      expect(store).toMatchObject({
        status: 'active',
        storeBaseUrl: sandbox.baseUrl,
        hasAccessToken: true,
        statusCode: null,
      });
      expect(store.facts?.storeViews.map((view) => view.code)).toEqual(expect.arrayContaining(['default']));
      expect((await sandbox.admin.getIntegration(integration.id)).status).toBe(1);

      const probe = await service.api<{ outcome: string; store: { status: string } }>(`/api/stores/${store.id}/probe`, {
        method: 'POST',
      });
      expect(probe).toMatchObject({ status: 200, body: { outcome: 'ok', store: { status: 'active' } } });
      const activations = await service.api<Array<{ state: string; events: Array<{ type: string }> }>>(
        `/api/stores/${store.id}/activations`,
      );
      expect(activations.body).toHaveLength(1);
      expect(activations.body[0].state).toBe('active');
      expect(activations.body[0].events.map((event) => event.type)).toEqual(
        expect.arrayContaining(['callback_received', 'probe_ok']),
      );
      const unauthenticated = await service.api(`/api/stores/${store.id}`, {
        token: 'mk_not-a-real-token-at-all-000000',
      });
      expect(unauthenticated.status).toBe(401);

      // Nothing secret reached the logs: consumer secret, access token and its secret, the API token.
      const row = await storeRow(store.id);
      const secrets = service.app.get(SecretBox);
      const logs = service.logs.join('');
      expect(logs).toContain(`"path":"/magento/callback/acme","status":200`);
      for (const [column, value] of [
        ['consumer_secret_enc', row.consumerSecretEnc],
        ['access_token_enc', row.accessTokenEnc],
        ['access_token_secret_enc', row.accessTokenSecretEnc],
      ] as const) {
        expect(logs).not.toContain(secrets.open('magekit_stores', column, row.id, value ?? ''));
      }
      expect(logs).not.toContain(service.firstStart!.apiToken);
    });

    it('identity link after the callback: sign-in page, vendor account, redirect to the store admin success page', async () => {
      const integration = await createIntegration(sandbox, service);
      const activation = await activate(sandbox, integration.id);
      await settledStore(service, integration.consumer_key);
      const form = await openSignInForm(activation.popup_url);
      expect(form.status).toBe(200);
      expect(form.hidden['oauth_consumer_key']).toBe(integration.consumer_key);
      const signedIn = await submitSignIn(form, account);
      expect(signedIn.status).toBe(200);
      const location = readReturnTarget(await signedIn.text()) ?? '';
      expect(location).toBe(`${sandbox.baseUrl}admin/admin/integration/loginSuccessCallback/`);
      const success = await fetch(location);
      expect(success.status).toBe(200);
      const [store] = await storesOf(service, integration.consumer_key);
      expect(store.vendorAccount).toMatchObject({ email: account.email });
    });

    it('identity link before the callback: the link is kept and the callback attaches the account', async () => {
      const integration = await createIntegration(sandbox, service);
      const early = await openSignInForm(
        `${service.urls.identityLink}?oauth_consumer_key=${integration.consumer_key}&success_call_back=${sandbox.baseUrl}admin/admin/integration/loginSuccessCallback/`,
      );
      const linked = await submitSignIn(early, account);
      expect(linked.status).toBe(200);
      expect(await linked.text()).toContain('You can close this window');
      await activate(sandbox, integration.id);
      const store = await settledStore(
        service,
        integration.consumer_key,
        (candidate) => candidate.vendorAccount !== null,
      );
      expect(store).toMatchObject({ status: 'active', vendorAccount: { email: account.email } });
    });

    it('Reauthorize rotates the tokens and keeps the store row; the old token is refused', async () => {
      const integration = await createIntegration(sandbox, service);
      await activate(sandbox, integration.id);
      const first = await settledStore(service, integration.consumer_key);
      const before = await storeRow(first.id);
      await expect(clientFor(before).get('/V1/store/storeConfigs')).resolves.toEqual(expect.any(Array));

      await activate(sandbox, integration.id, true);
      const after = await settledStore(service, integration.consumer_key, (store) => store.status === 'active');
      const activations = await service.api<Array<{ state: string }>>(`/api/stores/${first.id}/activations`);
      expect(activations.body.map((entry) => entry.state)).toEqual(['active', expect.any(String)]);
      expect(after.id).toBe(first.id);
      expect(await storesOf(service, integration.consumer_key)).toHaveLength(1);
      const rotated = await storeRow(first.id);
      expect(rotated.accessTokenEnc).not.toBe(before.accessTokenEnc);
      await expect(clientFor(rotated).get('/V1/store/storeConfigs')).resolves.toEqual(expect.any(Array));
      const refused = await clientFor(before)
        .get('/V1/store/storeConfigs')
        .catch((error: unknown) => error);
      expect(isMagentoClientError(refused)).toBe(true);
      expect((refused as { status?: number }).status).toBe(401);
    });

    it('an expired consumer ends failed with CONSUMER_EXPIRED and the hint to Reauthorize', async () => {
      const expiring = await startSandbox({ consumerExpirySeconds: 0 });
      try {
        const integration = await createIntegration(expiring, service);
        await activate(expiring, integration.id);
        const store = await settledStore(service, integration.consumer_key);
        expect(store).toMatchObject({ status: 'failed', statusCode: 'CONSUMER_EXPIRED', hasAccessToken: false });
        expect(store.statusHint).toMatch(/Reauthorize/);
      } finally {
        await expiring.close();
      }
    });

    it('refuses a store URL on a private address unless allow-listed (STORE_URL_ALLOWED_NETWORKS)', async () => {
      // Same database (and DATA_DIR for SQLite) as the main service: passport's bearer strategy is
      // registered process-wide, so the /api of both apps answers from the app started last.
      // Kept as the last test of the suite for that reason.
      const strict = await startTestService({
        databaseUrl: db.url,
        dataDir: service.dataDir,
        env: { STORE_URL_ALLOWED_NETWORKS: '' },
        token: service.firstStart!.apiToken,
      });
      try {
        const integration = await sandbox.admin.createIntegration({
          name: `strict-${Date.now()}`,
          endpointUrl: strict.urls.callback,
          identityLinkUrl: strict.urls.identityLink,
          resources: 'all',
        });
        const activation = await activate(sandbox, integration.id);
        expect(activation.endpoint_status).toBe(400);
        const direct = await fetch(strict.urls.callback, {
          method: 'POST',
          body: new URLSearchParams({
            oauth_consumer_key: 'a'.repeat(32),
            oauth_consumer_secret: 'b'.repeat(32),
            store_base_url: sandbox.baseUrl,
            oauth_verifier: 'c'.repeat(32),
          }),
        });
        expect(direct.status).toBe(400);
        const body = (await direct.json()) as { error: { code: string; message: string; hint: string } };
        expect(body.error.code).toBe('STORE_URL_REFUSED');
        // The hint names what the user of the service sets: environment variables, not option paths.
        expect(body.error.hint).toContain('STORE_URL_ALLOWED_NETWORKS');
        expect(body.error.hint).not.toContain('storeUrl.');
        expect(await storesOf(service, integration.consumer_key ?? '')).toHaveLength(0);
        expect(strict.logs.join('')).not.toContain('b'.repeat(32));
      } finally {
        await strict.stop();
      }
    });
  });
}
