import { CliError } from '../../cli-error';
import { describeSaasTarget, readEditionFlag, readSaasTarget } from './saas-target';

describe('readEditionFlag', () => {
  it('takes paas, saas or nothing', () => {
    expect(readEditionFlag(undefined)).toBeUndefined();
    expect(readEditionFlag('paas')).toBe('paas');
    expect(readEditionFlag('saas')).toBe('saas');
  });

  it('refuses anything else with a typed error', () => {
    expect(() => readEditionFlag('cloud')).toThrow(
      new CliError('--edition must be one of paas, saas (got "cloud").', 'INVALID_INPUT'),
    );
  });
});

describe('readSaasTarget', () => {
  it("tells a tenant on Adobe's host from the URL, with region and environment", () => {
    expect(readSaasTarget('https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY', undefined)).toEqual({
      tenantId: 'X2duJmy3FaTKf1Mmr4GiQY',
      region: 'na1',
      environment: null,
      restBaseUrl: 'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY/',
      recognisedFrom: 'url',
    });
    expect(readSaasTarget('https://eu1-sandbox.api.commerce.adobe.com/T1/', 'saas')).toMatchObject({
      region: 'eu1',
      environment: 'sandbox',
      recognisedFrom: 'url',
    });
  });

  it('takes --edition saas for a tenant on another host (a sandbox)', () => {
    expect(readSaasTarget('http://127.0.0.1:7001/sandbox-tenant/', 'saas')).toEqual({
      tenantId: 'sandbox-tenant',
      region: null,
      environment: null,
      restBaseUrl: 'http://127.0.0.1:7001/sandbox-tenant/',
      recognisedFrom: '--edition',
    });
  });

  it('leaves every other URL to the PaaS checks, bad ones included (they refuse them as before)', () => {
    expect(readSaasTarget('https://shop.example.com/', undefined)).toBeNull();
    expect(readSaasTarget('https://shop.example.com/magento/', undefined)).toBeNull();
    expect(readSaasTarget('not a url', undefined)).toBeNull();
    expect(readSaasTarget('https://na1.api.commerce.adobe.com/T1/', 'paas')).toBeNull();
  });

  it.each([
    ['https://na1.api.commerce.adobe.com/', undefined],
    ['https://na1.api.commerce.adobe.com/T1/rest/V1/', undefined],
    ['https://na1.api.commerce.adobe.com/rest/', undefined],
    ['http://127.0.0.1:7001/', 'saas'],
    ['not a url', 'saas'],
  ] as const)('refuses %s (edition %s) as a SaaS URL whose path is not one tenant id', (url, edition) => {
    let error: unknown;
    try {
      readSaasTarget(url, edition);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('INVALID_INPUT');
    expect((error as CliError).hint).toContain('<tenant id>');
  });
});

describe('describeSaasTarget', () => {
  it('names the edition, region, environment and tenant, and how it was recognised', () => {
    expect(
      describeSaasTarget({
        tenantId: 'T1',
        region: 'na1',
        environment: 'sandbox',
        restBaseUrl: 'https://na1-sandbox.api.commerce.adobe.com/T1/',
        recognisedFrom: 'url',
      }),
    ).toBe('Adobe Commerce as a Cloud Service (SaaS), region na1, environment sandbox, tenant T1 (told by the host)');
    expect(
      describeSaasTarget({
        tenantId: 'sandbox-tenant',
        region: null,
        environment: null,
        restBaseUrl: 'http://127.0.0.1:7001/sandbox-tenant/',
        recognisedFrom: '--edition',
      }),
    ).toBe('Adobe Commerce as a Cloud Service (SaaS), tenant sandbox-tenant (declared with --edition saas)');
  });
});
