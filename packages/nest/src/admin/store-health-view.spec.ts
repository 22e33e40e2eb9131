import { loadStockModel } from '@magekit/acl';
import type { ActivationEventEntity, ActivationEventType } from '../entities/activation-event.entity';
import type { StoreEntity } from '../entities/store.entity';
import { buildResourceReport, readTokenHealth } from './store-health-view';

const store = (patch: Partial<StoreEntity> = {}) =>
  ({
    authKind: 'oauth1',
    consumerKey: 'c'.repeat(32),
    consumerSecretEnc: 'mk1.c',
    accessTokenEnc: 'mk1.x',
    accessTokenSecretEnc: 'mk1.y',
    statusCode: null,
    statusReason: null,
    statusHint: null,
    ...patch,
  }) as StoreEntity;
const imsStore = (patch: Partial<StoreEntity> = {}) =>
  store({
    authKind: 'ims',
    consumerKey: null,
    consumerSecretEnc: null,
    accessTokenEnc: null,
    accessTokenSecretEnc: null,
    imsClientId: 'client',
    imsClientSecretEnc: 'mk1.s',
    lastProbedAt: new Date(Date.UTC(2026, 0, 2)),
    facts: JSON.stringify({
      storeViews: [{ id: 1, code: 'default' }],
      baseUrls: [],
      probePath: '/V1/store/storeConfigs',
    }),
    ...patch,
  });
let minute = 0;
const event = (type: ActivationEventType, code: string | null = null) =>
  ({
    type,
    code,
    message: `${type} message`,
    hint: code ? 'hint' : null,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute++)),
  }) as ActivationEventEntity;

describe('token health', () => {
  it.each([
    [
      'ok after activation',
      [event('callback_received'), event('request_token'), event('access_token'), event('active')],
      'ok',
    ],
    ['ok after a later probe', [event('active'), event('probe_failed', 'NETWORK'), event('probe_ok')], 'ok'],
    ['failing when the last probe failed', [event('active'), event('probe_failed', 'NETWORK')], 'failing'],
    [
      'rejected when the store refused the token',
      [event('active'), event('needs_reauth', 'TOKEN_REVOKED')],
      'rejected',
    ],
    ['the last probe, not an operator request', [event('active'), event('needs_reauth', 'REAUTH_REQUESTED')], 'ok'],
    ['unknown before any probe', [event('callback_received')], 'unknown'],
  ])('%s', (_name, events, state) => {
    const health = readTokenHealth(store(), events);
    expect(health.state).toBe(state);
    if (state !== 'unknown')
      expect(health.checkedAt).toBe(
        events.at(-1)?.type === 'needs_reauth' && state === 'ok'
          ? events.at(-2)?.occurredAt.toISOString()
          : events.at(-1)?.occurredAt.toISOString(),
      );
  });

  describe('of an IMS store (no activation timeline: its row)', () => {
    it.each([
      ['ok after a probe that worked', imsStore(), 'ok', null],
      ['unknown before the first probe', imsStore({ lastProbedAt: null }), 'unknown', null],
      [
        'rejected when IMS refused the credential',
        imsStore({
          status: 'failed',
          statusCode: 'IMS_CLIENT_REJECTED',
          statusReason: 'IMS refused the client credentials (HTTP 401: invalid_client).',
        }),
        'rejected',
        'IMS_CLIENT_REJECTED',
      ],
      [
        'failing when the probe found no verdict',
        imsStore({ statusCode: 'NETWORK', statusReason: 'Probe failed: connect ECONNREFUSED' }),
        'failing',
        'NETWORK',
      ],
      [
        'none once the secret is deleted',
        imsStore({ imsClientSecretEnc: null, statusCode: 'REVOKED' }),
        'none',
        'REVOKED',
      ],
    ])('%s', (_name, row, state, code) => {
      const health = readTokenHealth(row, [event('active')]);
      expect(health).toMatchObject({ state, code });
      if (state === 'ok')
        expect(health.message).toBe('Probe ok: an IMS token was issued and the store answered (1 store view(s)).');
      if (state === 'ok' || state === 'rejected') expect(health.checkedAt).toBe('2026-01-02T00:00:00.000Z');
    });
  });

  it('is none without a stored token, with the reason', () => {
    expect(
      readTokenHealth(store({ accessTokenEnc: null, statusCode: 'REVOKED', statusReason: 'Revoked by an operator' }), [
        event('active'),
      ]),
    ).toMatchObject({ state: 'none', code: 'REVOKED', message: 'Revoked by an operator' });
  });
});

describe('resource report', () => {
  it('lists required resources with ACL titles and the last verdicts; unchecked ones are unknown', () => {
    const facts = {
      storeViews: [],
      baseUrls: [],
      probePath: '/V1/store/storeConfigs',
      resourcesCheckedAt: '2026-01-01T00:00:00.000Z',
      resources: [
        {
          id: 'Magento_Sales::actions_view',
          state: 'refused' as const,
          route: 'GET /V1/orders',
          status: 401,
          detail: 'refused',
        },
      ],
    };
    const report = buildResourceReport(
      ['Magento_Sales::actions_view', 'Magento_Catalog::products', 'Vendor_X::y'],
      facts,
      loadStockModel(),
    );
    expect(report.checkedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(report.items).toEqual([
      {
        id: 'Magento_Sales::actions_view',
        title: 'View',
        breadcrumb: expect.stringMatching(/Sales > Operations > Orders > Actions > View$/),
        state: 'refused',
        route: 'GET /V1/orders',
        status: 401,
        detail: 'refused',
      },
      {
        id: 'Magento_Catalog::products',
        title: 'Products',
        breadcrumb: expect.stringContaining('Catalog > Inventory > Products'),
        state: 'unknown',
        route: null,
        status: null,
        detail: expect.stringContaining('Not checked yet'),
      },
      {
        id: 'Vendor_X::y',
        title: 'Vendor_X::y',
        breadcrumb: null,
        state: 'unknown',
        route: null,
        status: null,
        detail: expect.stringContaining('Not checked yet'),
      },
    ]);
  });
});
