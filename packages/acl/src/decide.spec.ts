import type { Caller } from './caller';
import { assertCaller } from './caller';
import { decide } from './decide';
import { loadMiniModel } from './test-helpers/fixtures';

const model = loadMiniModel();
const integration = (resources: readonly string[] | 'all', savedWith?: string[]): Caller => ({
  type: 'integration',
  resources,
  ...(savedWith ? { savedWith } : {}),
});
const admin = (resources: readonly string[] | 'all'): Caller => ({ type: 'admin', resources });
const guest: Caller = { type: 'guest' };
const customer: Caller = { type: 'customer', customerId: 42 };

/** The tree as it was before Acme_Crm (notes, crm) was installed. */
const beforeCrm = [
  'Magento_Backend::all',
  'Magento_Backend::admin',
  'Acme_Shop::shop',
  'Acme_Shop::products',
  'Acme_Shop::products_edit',
  'Acme_Shop::orders',
];

describe('decide: every ACL rule of docs/magento-behaviour.md §4 (mini fixtures)', () => {
  it.each<[string, Caller, string, string, boolean, string[]]>([
    ['anonymous: allowed for a guest', guest, 'GET', '/V1/shop/products/types', true, []],
    [
      'anonymous: allowed for an integration with no resources',
      integration([]),
      'POST',
      '/rest/V1/shop/token',
      true,
      [],
    ],
    ['self: allowed for a customer with an id', customer, 'GET', '/V1/shop/me/orders', true, []],
    ['self: refused for a customer without an id', { type: 'customer' }, 'GET', '/V1/shop/me/orders', false, ['self']],
    ['self: refused for a guest', guest, 'GET', '/V1/shop/me/orders', false, ['self']],
    [
      'self: refused for an integration with a resource list (self is in no acl.xml)',
      integration(['Acme_Shop::shop', 'Acme_Shop::orders']),
      'GET',
      '/V1/shop/me/orders',
      false,
      ['self'],
    ],
    ['self: allowed for an "All resources" integration', integration('all'), 'GET', '/V1/shop/me/orders', true, []],
    [
      'self: allowed for an admin whose role is Magento_Backend::all',
      admin(['Magento_Backend::all']),
      'GET',
      '/V1/shop/me/orders',
      true,
      [],
    ],
    ['customers are refused any ACL resource', customer, 'GET', '/V1/shop/products', false, ['Acme_Shop::products']],
    ['guests are refused any ACL resource', guest, 'GET', '/V1/shop/orders/1', false, ['Acme_Shop::orders']],
    ['explicit allow of a ticked id', integration(['Acme_Shop::products']), 'GET', '/V1/shop/products', true, []],
    [
      'ticking a parent does not grant its children (saved roles deny every unticked id)',
      integration(['Acme_Shop::shop']),
      'GET',
      '/V1/shop/products',
      false,
      ['Acme_Shop::products'],
    ],
    [
      'missing resources treated as none for an integration',
      { type: 'integration' },
      'GET',
      '/V1/shop/products',
      false,
      ['Acme_Shop::products'],
    ],
    [
      'an admin caller uses the same ACL model',
      admin(['Acme_Shop::orders']),
      'GET',
      '/rest/all/V1/shop/orders/3',
      true,
      [],
    ],
    [
      'multiple resources are ANDed: one missing refuses',
      integration(['Acme_Shop::products']),
      'PUT',
      '/V1/shop/products/abc',
      false,
      ['Acme_Shop::products_edit'],
    ],
    [
      'multiple resources are ANDed: both ticked allows',
      integration(['Acme_Shop::products', 'Acme_Shop::products_edit']),
      'PUT',
      '/V1/shop/products/abc',
      true,
      [],
    ],
    ['all: allows a resource defined in no acl.xml', integration('all'), 'GET', '/V1/shop/ghost', true, []],
    [
      'a resource defined in no acl.xml is refused without all',
      integration(['Acme_Shop::shop', 'Acme_Shop::products']),
      'GET',
      '/V1/shop/ghost',
      false,
      ['Acme_Ghost::undefined'],
    ],
    [
      'a disabled resource is not in the ACL: refused without all',
      integration(['Acme_Shop::shop']),
      'GET',
      '/V1/shop/legacy',
      false,
      ['Acme_Shop::legacy'],
    ],
    [
      'Magento_Backend::all among other ids is still all',
      integration(['Acme_Shop::orders', 'Magento_Backend::all']),
      'GET',
      '/V1/shop/ghost',
      true,
      [],
    ],
    [
      'resources added after the save inherit from the nearest saved ancestor (allow)',
      integration(['Acme_Shop::shop'], beforeCrm),
      'GET',
      '/V1/crm/notes/1',
      true,
      [],
    ],
    [
      'resources added after the save inherit from the nearest saved ancestor (deny)',
      integration(['Acme_Shop::orders'], beforeCrm),
      'GET',
      '/V1/crm/notes/1',
      false,
      ['Acme_Crm::notes'],
    ],
    [
      'a new top-level resource inherits Magento_Backend::admin, always allowed on save',
      integration(['Acme_Shop::orders'], beforeCrm),
      'GET',
      '/V1/crm/contacts',
      true,
      [],
    ],
    [
      'resources present at save time keep their explicit deny',
      integration(['Acme_Shop::shop']),
      'GET',
      '/V1/crm/notes/1',
      false,
      ['Acme_Crm::notes'],
    ],
    [
      'an empty saved list saves no rules: even later resources are refused',
      integration([], beforeCrm),
      'GET',
      '/V1/crm/notes/1',
      false,
      ['Acme_Crm::notes'],
    ],
  ])('%s', (_rule, caller, method, path, allowed, missing) => {
    const decision = decide(model, caller, method, path);
    expect(decision.route).not.toBeNull();
    expect(decision.allowed).toBe(allowed);
    expect(decision.missing).toEqual(missing);
  });

  it("a refusal carries Magento's phrase with every route resource, comma-joined", () => {
    const decision = decide(model, integration(['Acme_Shop::products']), 'PUT', '/rest/V1/shop/products/abc');
    expect(decision.error).toEqual({
      httpStatus: 401,
      message: "The consumer isn't authorized to access %resources.",
      parameters: { resources: 'Acme_Shop::products, Acme_Shop::products_edit' },
      rendered: "The consumer isn't authorized to access Acme_Shop::products, Acme_Shop::products_edit.",
    });
    expect(decision.message).toBe(decision.error?.rendered);
  });

  it('no route: 404 Request does not match any route., not allowed, route null', () => {
    const decision = decide(model, integration('all'), 'GET', '/rest/V1/shop/none/at/all');
    expect(decision).toMatchObject({
      route: null,
      allowed: false,
      resources: [],
      missing: [],
      message: 'Request does not match any route.',
      error: { httpStatus: 404 },
    });
  });

  it.each<[string, Caller, unknown]>([
    ['%customer_id% is the customer id for customers', customer, 42],
    ['%customer_id% is null for an "All resources" integration', integration('all'), null],
    ['%customer_id% is null for a guest', guest, null],
  ])('forced parameters: %s', (_rule, caller, value) => {
    const decision = decide(model, caller, 'GET', '/V1/shop/me/orders');
    expect(decision.forcedParams).toEqual([
      { name: 'customerId', force: true, declared: '%customer_id%', value },
      { name: 'pageSize', force: false, declared: '20', value: '20' },
    ]);
  });

  it('inherited verdicts name the ancestor whose rule applied', () => {
    const decision = decide(model, integration(['Acme_Shop::shop'], beforeCrm), 'GET', '/V1/crm/notes/1');
    expect(decision.verdicts).toEqual([
      { resource: 'Acme_Crm::notes', allowed: true, reason: 'inherited-allow', from: 'Acme_Shop::shop' },
    ]);
  });
});

describe('assertCaller', () => {
  it.each([
    [{ type: 'robot' }, 'UNKNOWN_CALLER_TYPE'],
    [null, 'INVALID_CALLER'],
    [{ type: 'guest', resources: 'all' }, 'INVALID_CALLER'],
    [{ type: 'integration', resources: 'some' }, 'INVALID_CALLER'],
    [{ type: 'integration', resources: [1] }, 'INVALID_CALLER'],
    [{ type: 'customer', customerId: {} }, 'INVALID_CALLER'],
  ])('refuses %j with %s', (value, code) => {
    expect(() => assertCaller(value)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts every caller type and defaults role resources to none', () => {
    expect(assertCaller({ type: 'admin' })).toEqual({ type: 'admin', resources: [] });
    expect(assertCaller({ type: 'integration', resources: 'all' })).toEqual({ type: 'integration', resources: 'all' });
    expect(assertCaller({ type: 'customer', customerId: '7' })).toEqual({ type: 'customer', customerId: '7' });
    expect(assertCaller({ type: 'guest' })).toEqual({ type: 'guest' });
    expect(assertCaller({ type: 'admin', resources: ['A::b'], savedWith: ['A::b'] })).toEqual({
      type: 'admin',
      resources: ['A::b'],
      savedWith: ['A::b'],
    });
    expect(() => assertCaller({ type: 'admin', savedWith: 'A::b' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CALLER' }),
    );
  });
});
