import { loadStockModel } from '@magekit/acl';
import { MagentoClientError } from '@magekit/client';
import { classifyCheckFailure, planResourceProbes } from './resource-checks';

describe('resource checks', () => {
  const model = loadStockModel();

  it('plans one GET without path parameters needing exactly the resource, getList first', () => {
    const plan = planResourceProbes(model, [
      'Magento_Sales::actions_view',
      'Magento_Catalog::products',
      'Magento_Backend::store',
      'Magento_Sales::create',
      'Vendor_Module::thing',
    ]);
    expect(plan.map((probe) => [probe.id, probe.route?.id ?? null])).toEqual([
      ['Magento_Sales::actions_view', 'GET /V1/orders'],
      ['Magento_Catalog::products', 'GET /V1/products'],
      ['Magento_Backend::store', 'GET /V1/store/storeGroups'],
      ['Magento_Sales::create', null],
      ['Vendor_Module::thing', null],
    ]);
    for (const probe of plan) if (probe.route) expect(probe.route.resources).toEqual([probe.id]);
  });

  const refusal = new MagentoClientError(
    "The consumer isn't authorized to access Magento_Sales::actions_view.",
    'NOT_AUTHORIZED',
    { status: 401 },
  );
  it.each([
    ['a refusal', refusal, 'refused', 401],
    [
      'an input error after the ACL check',
      new MagentoClientError('"searchCriteria" is required. Enter and try again.', 'BAD_REQUEST', { status: 400 }),
      'allowed',
      400,
    ],
    ['a missing entity', new MagentoClientError('No such entity.', 'NOT_FOUND', { status: 404 }), 'allowed', 404],
    [
      "the sandbox's 501 after the ACL check",
      new MagentoClientError('The sandbox store does not implement GET /V1/invoices', 'SERVER_ERROR', { status: 501 }),
      'allowed',
      501,
    ],
    [
      'no such route on this store',
      new MagentoClientError('Request does not match any route.', 'NOT_FOUND', { status: 404 }),
      'unknown',
      404,
    ],
    [
      'a revoked token',
      new MagentoClientError('The access token has been revoked.', 'TOKEN_REVOKED', { status: 401 }),
      'unknown',
      401,
    ],
    ['a server error', new MagentoClientError('Internal Error.', 'SERVER_ERROR', { status: 500 }), 'unknown', 500],
    ['a network error', new MagentoClientError('connect ECONNREFUSED', 'NETWORK'), 'unknown', null],
    ['something else', new Error('boom'), 'unknown', null],
  ])('reads %s', (_name, error, state, status) => {
    const verdict = classifyCheckFailure(error);
    expect(verdict).toMatchObject({ state, status });
    expect(verdict.detail).toContain(error.message);
  });
});
