import { buildResult, hasFailure, sortResults, type DoctorReport } from './doctor-check';
import { formatReport } from './format-report';

describe('formatReport', () => {
  const report: DoctorReport = {
    store: 'https://shop.example.com/',
    version: null,
    checks: sortResults([
      buildResult('clock-skew', 'warn', 'the store is 90 s ahead', 'Use NTP.'),
      buildResult('reachability', 'pass', 'Magento answered', 'never shown for a pass'),
      buildResult('page-size', 'skipped', 'not checked: no credentials given', 'Pass credentials.'),
      buildResult('resources', 'skipped', 'not checked: no credentials given', 'Pass credentials.'),
    ]),
  };

  it('prints one row per check in report order, hints below, a repeated hint once, and a summary', () => {
    expect(formatReport(report).split('\n')).toEqual([
      'magekit doctor https://shop.example.com/',
      '',
      'PASS  reachability          Magento answered',
      'WARN  clock-skew            the store is 90 s ahead',
      '                            hint: Use NTP.',
      'SKIP  page-size             not checked: no credentials given',
      '                            hint: Pass credentials.',
      'SKIP  resources             not checked: no credentials given',
      '                            hint: (as above)',
      '',
      '1 passed, 1 warnings, 0 failed, 2 skipped',
      '',
    ]);
  });

  it('prints the version below the title when the store was reached, a sandbox profile beside it', () => {
    const url = 'https://shop.example.com/magento_version';
    const lines = (version: DoctorReport['version']) =>
      formatReport({ ...report, version })
        .split('\n')
        .slice(0, 3);
    expect(lines({ magento: 'Magento/2.4 (Community)', sandboxProfile: null, url })).toEqual([
      'magekit doctor https://shop.example.com/',
      'version: Magento/2.4 (Community) (GET /magento_version)',
      '',
    ]);
    expect(lines({ magento: 'Magento/2.4 (Community)', sandboxProfile: '2.4.6-p1', url })[1]).toBe(
      'version: Magento/2.4 (Community) (GET /magento_version); a magekit sandbox store with the 2.4.6-p1 profile (X-Magekit-Sandbox-Version)',
    );
    expect(lines({ magento: null, sandboxProfile: null, url })[1]).toBe(
      'version: not shown (GET /magento_version gave no "Magento/<major.minor> (<edition>)")',
    );
  });

  it('prints the edition of a SaaS tenant and why its version is not asked; the rows keep their width', () => {
    const saas: DoctorReport = {
      store: 'https://na1.api.commerce.adobe.com/T1/',
      edition: 'saas',
      saas: {
        tenantId: 'T1',
        region: 'na1',
        environment: null,
        restBaseUrl: 'https://na1.api.commerce.adobe.com/T1/',
        recognisedFrom: 'url',
      },
      version: {
        magento: null,
        sandboxProfile: '2.4.8',
        url: 'https://na1.api.commerce.adobe.com/T1/V1/store/storeConfigs',
      },
      checks: sortResults([
        buildResult('authenticated-call', 'pass', 'the tenant took the IMS token'),
        buildResult('ims-token', 'fail', 'no IMS token', 'Check the secret.'),
        buildResult('reachability', 'pass', "the tenant's API gateway answered"),
      ]),
    };
    expect(formatReport(saas).split('\n')).toEqual([
      'magekit doctor https://na1.api.commerce.adobe.com/T1/',
      'edition: Adobe Commerce as a Cloud Service (SaaS), region na1, tenant T1 (told by the host)',
      'version: not asked (Adobe keeps Adobe Commerce as a Cloud Service up to date; its API host has no /magento_version); a magekit sandbox store with the 2.4.8 profile (X-Magekit-Sandbox-Version)',
      '',
      "PASS  reachability          the tenant's API gateway answered",
      'FAIL  ims-token             no IMS token',
      '                            hint: Check the secret.',
      'PASS  authenticated-call    the tenant took the IMS token',
      '',
      '2 passed, 0 warnings, 1 failed, 0 skipped',
      '',
    ]);
    expect(hasFailure(saas)).toBe(true);
  });

  it('drops the hint of a pass and tells failures apart', () => {
    expect(report.checks[0].hint).toBeNull();
    expect(hasFailure(report)).toBe(false);
    expect(hasFailure({ ...report, checks: [buildResult('reachability', 'fail', 'no answer')] })).toBe(true);
  });
});
