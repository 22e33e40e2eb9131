import { classifyResources, readCallOutcome, type ProbedCall } from './check-resources';
import { fakeNoAnswer, fakeRefusal, fakeReply } from './fake-replies';
import type { ResourceProbe } from './plan-resource-probes';

function probe(label: string, resources: string[], method = 'GET'): ResourceProbe {
  return {
    label,
    method,
    routeId: label,
    resources,
    request: method === 'GET' ? { path: label.slice(4) } : null,
    ...(method === 'GET' ? {} : { reason: 'not sent: it changes data' }),
  };
}

const views = probe('GET /V1/store/storeViews', ['Magento_Backend::store']);
const orders = probe('GET /V1/orders', ['Magento_Sales::actions_view']);
const save = probe('PUT /V1/products/:sku', ['Magento_Catalog::products'], 'PUT');

describe('readCallOutcome', () => {
  it.each([
    ['allowed', fakeReply(200, [])],
    [
      'allowed',
      fakeReply(400, {
        message: '"%fieldName" is required. Enter and try again.',
        parameters: { fieldName: 'searchCriteria' },
      }),
    ],
    [
      'allowed',
      fakeReply(404, { message: "The entity that was requested doesn't exist. Verify the entity and try again." }),
    ],
    [
      'allowed',
      fakeReply(501, {
        message: 'The sandbox store does not implement %1 (%2::%3); the route and its ACL (%4) were checked.',
        parameters: ['GET /V1/orders', 'X', 'getList', 'Magento_Sales::actions_view'],
      }),
    ],
    ['refused', fakeRefusal('Magento_Sales::actions_view')],
    ['not-routed', fakeReply(404, { message: 'Request does not match any route.' })],
    ['error', fakeReply(502, '<html>Bad gateway</html>')],
    ['error', fakeNoAnswer()],
    ['not-sent', null],
  ])('%s', (outcome, reply) => {
    expect(readCallOutcome(reply)).toBe(outcome);
  });
});

describe('classifyResources', () => {
  it('passes when every GET is allowed and lists what non-GET calls need', () => {
    const result = classifyResources([
      { probe: views, reply: fakeReply(200, []) },
      { probe: save, reply: null },
    ]);
    expect(result.status).toBe('pass');
    expect(result.finding).toBe(
      'the GET call is allowed; 1 non-GET call not sent (it needs Magento_Catalog::products)',
    );
    expect(result.details['requiredResources']).toEqual(['Magento_Backend::store', 'Magento_Catalog::products']);
  });

  it('fails on an ACL refusal, naming the resources to grant', () => {
    const calls: ProbedCall[] = [
      { probe: views, reply: fakeReply(200, []) },
      { probe: orders, reply: fakeRefusal('Magento_Sales::actions_view') },
    ];
    const result = classifyResources(calls);
    expect(result.status).toBe('fail');
    expect(result.finding).toBe('1 of 2 GET calls allowed; 1 refused by the ACL (GET /V1/orders)');
    expect(result.hint).toContain('Grant Magento_Sales::actions_view');
  });

  it('fails on a call no route takes', () => {
    const result = classifyResources([
      {
        probe: probe('GET /V1/acme/widgets', []),
        reply: fakeReply(404, { message: 'Request does not match any route.' }),
      },
    ]);
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('1 not routed (GET /V1/acme/widgets)');
    expect(result.hint).toContain('module');
  });

  it('warns when an answer says nothing about the ACL', () => {
    const result = classifyResources([{ probe: views, reply: fakeNoAnswer() }]);
    expect(result.status).toBe('warn');
    expect(result.finding).toContain('ECONNREFUSED');
  });

  it('is skipped when no GET call could be sent', () => {
    const unknown: ResourceProbe = {
      label: 'Acme_Widgets::manage',
      method: 'GET',
      routeId: null,
      resources: ['Acme_Widgets::manage'],
      request: null,
      reason: 'not checked: not an ACL resource of stock Magento 2.4.6-p1',
    };
    const result = classifyResources([
      { probe: save, reply: null },
      { probe: unknown, reply: null },
    ]);
    expect(result.status).toBe('skipped');
    expect(result.finding).toBe(
      'no GET call to try; 1 non-GET call not sent (it needs Magento_Catalog::products); 1 not checked (Acme_Widgets::manage: not an ACL resource of stock Magento 2.4.6-p1)',
    );
  });
});
