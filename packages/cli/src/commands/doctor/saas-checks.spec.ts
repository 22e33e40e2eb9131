import { loadStockModel } from '@magekit/acl';
import { planCallProbes } from './plan-resource-probes';
import { planSaasProbes, skipNotApplicable } from './saas-checks';

describe('skipNotApplicable', () => {
  it('skips the signature profile and the Authorization passthrough, saying why, without a hint', () => {
    const results = skipNotApplicable();
    expect(results.map((result) => [result.name, result.status, result.hint])).toEqual([
      ['signature-profile', 'skipped', null],
      ['authorization-header', 'skipped', null],
    ]);
    expect(results[0].finding).toMatch(/^not applicable: .*no OAuth 1\.0a integrations/);
    expect(results[1].finding).toMatch(/^not applicable: Adobe runs the tenant's web servers/);
    expect(results.every((result) => result.details['applicable'] === false)).toBe(true);
  });
});

describe('planSaasProbes', () => {
  it('keeps the calls SaaS may have and lists the families it has not, unsent', () => {
    const probes = planCallProbes(loadStockModel(), [
      { method: 'GET', path: '/V1/orders' },
      { method: 'GET', path: '/V1/customers/me' },
      { method: 'GET', path: '/V1/guest-carts/:cartId' },
      { method: 'POST', path: '/V1/products' },
    ]);
    const planned = planSaasProbes(probes);
    expect(planned[0]).toBe(probes[0]);
    expect(planned[1]).toMatchObject({
      request: null,
      reason: 'not checked: Adobe Commerce as a Cloud Service has no such route: the customer REST API (customers/me)',
    });
    expect(planned[2]).toMatchObject({ request: null, reason: expect.stringContaining('the guest REST API') });
    expect(planned[3]).toBe(probes[3]);
  });
});
