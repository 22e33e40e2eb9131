import { IMS_COMMERCE_SCOPES } from '@magekit/client';
import { iso, readTimestamp, toStoreDtoOfRow, type StoreRow } from './store-row';

const IMS_TOKEN_URL = 'https://ims.example.com/ims/token/v3';

function row(overrides: Partial<StoreRow> = {}): StoreRow {
  return {
    id: 'a8a1b2c3-0000-4000-8000-000000000001',
    tenant: 'acme',
    authKind: 'oauth1',
    edition: 'paas',
    consumerKey: 'k'.repeat(32),
    storeBaseUrl: 'https://shop.example.com/',
    status: 'active',
    statusCode: null,
    statusReason: null,
    statusHint: null,
    signatureProfile: 'latest',
    imsClientId: null,
    imsOrgId: null,
    imsScopes: null,
    imsTokenUrl: null,
    facts: null,
    hasCredential: 1,
    activatedAt: '2025-01-01 12:00:00.000',
    lastProbedAt: null,
    createdAt: '2025-01-01 11:59:59.5',
    updatedAt: new Date(Date.UTC(2025, 0, 2, 8, 30, 0, 42)),
    accountId: null,
    accountEmail: null,
    accountName: null,
    ...overrides,
  };
}

describe('toStoreDtoOfRow', () => {
  it('maps an OAuth row field by field, in the API order, times as ISO 8601 UTC', () => {
    const dto = toStoreDtoOfRow(row(), IMS_TOKEN_URL);
    expect(JSON.stringify(dto)).toBe(
      JSON.stringify({
        id: 'a8a1b2c3-0000-4000-8000-000000000001',
        tenant: 'acme',
        authKind: 'oauth1',
        edition: 'paas',
        consumerKey: 'k'.repeat(32),
        ims: null,
        storeBaseUrl: 'https://shop.example.com/',
        status: 'active',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        signatureProfile: 'latest',
        hasAccessToken: true,
        vendorAccount: null,
        facts: null,
        activatedAt: '2025-01-01T12:00:00.000Z',
        lastProbedAt: null,
        createdAt: '2025-01-01T11:59:59.500Z',
        updatedAt: '2025-01-02T08:30:00.042Z',
      }),
    );
  });

  it.each([
    [1, true],
    ['1', true],
    [true, true],
    [0, false],
    ['0', false],
    [false, false],
  ])('reads the credential flag %j as %j', (hasCredential, expected) => {
    expect(toStoreDtoOfRow(row({ hasCredential }), IMS_TOKEN_URL).hasAccessToken).toBe(expected);
  });

  it('shows an IMS credential without secret: own scopes and endpoint, else the defaults; none without a client id', () => {
    const ims = row({
      authKind: 'ims',
      edition: 'saas',
      consumerKey: null,
      imsClientId: 'client',
      imsOrgId: 'org@AdobeOrg',
    });
    expect(toStoreDtoOfRow(ims, IMS_TOKEN_URL).ims).toEqual({
      clientId: 'client',
      orgId: 'org@AdobeOrg',
      scopes: [...IMS_COMMERCE_SCOPES],
      tokenUrl: IMS_TOKEN_URL,
    });
    const own = { ...ims, imsScopes: 'openid,commerce.accs', imsTokenUrl: 'https://other.example.com/token' };
    expect(toStoreDtoOfRow(own, IMS_TOKEN_URL).ims).toMatchObject({
      scopes: ['openid', 'commerce.accs'],
      tokenUrl: 'https://other.example.com/token',
    });
    expect(toStoreDtoOfRow({ ...ims, imsClientId: null }, IMS_TOKEN_URL).ims).toBeNull();
  });

  it('shows the vendor account when the join found one', () => {
    const linked = row({ accountId: 'acc-1', accountEmail: 'owner@example.com', accountName: 'Owner' });
    expect(toStoreDtoOfRow(linked, IMS_TOKEN_URL).vendorAccount).toEqual({
      id: 'acc-1',
      email: 'owner@example.com',
      name: 'Owner',
    });
  });

  it('shows store views, base URLs and probe path of the facts, null for unreadable facts', () => {
    const facts = JSON.stringify({ baseUrls: ['https://shop.example.com/'], probePath: '/rest/V1', resources: [] });
    expect(toStoreDtoOfRow(row({ facts }), IMS_TOKEN_URL).facts).toEqual({
      storeViews: [],
      baseUrls: ['https://shop.example.com/'],
      probePath: '/rest/V1',
    });
    expect(toStoreDtoOfRow(row({ facts: '{oops' }), IMS_TOKEN_URL).facts).toBeNull();
  });
});

describe('readTimestamp', () => {
  it.each([
    ['2025-03-04 05:06:07.089', '2025-03-04T05:06:07.089Z'],
    ['2025-03-04 05:06:07', '2025-03-04T05:06:07.000Z'],
    ['2025-03-04T05:06', '2025-03-04T05:06:00.000Z'],
    ['2025-03-04T05:06:07.089+02:00', '2025-03-04T03:06:07.089Z'],
  ])('reads SQLite text %s as UTC', (text, iso) => {
    expect(readTimestamp(text).toISOString()).toBe(iso);
  });

  it('keeps a Date', () => {
    const date = new Date(Date.UTC(2025, 0, 1));
    expect(readTimestamp(date)).toBe(date);
  });
});

describe('iso', () => {
  it.each([
    '2025-03-04 05:06:07.089',
    '1999-12-31 23:59:59.999',
    '2025-03-04 05:06:07',
    '2025-03-04T05:06:07.089+02:00',
  ])('writes %s as the Date read from it would', (text) => {
    expect(iso(text)).toBe(readTimestamp(text).toISOString());
  });

  it('writes a Date as toISOString does', () => {
    expect(iso(new Date(Date.UTC(2025, 5, 6, 7, 8, 9, 10)))).toBe('2025-06-06T07:08:09.010Z');
  });
});
