import { STOCK_RELEASE } from '@magekit/acl';
import { describeStartError, formatSandboxBanner, type SandboxBannerInput } from './sandbox-banner';
import { DEFAULT_STORE_SETTINGS } from './settings/store-settings';
import { VERSION_PROFILES } from './version/version-profile';

const input: SandboxBannerInput = {
  url: 'http://127.0.0.1:3001/',
  adminToken: 'sandbox-admin-token',
  adminUser: 'admin',
  adminPassword: 'pw',
  customerPassword: 'cpw',
  modelSource: STOCK_RELEASE,
  profile: VERSION_PROFILES['2.4.8'],
  dataDir: '/srv/.data/sandbox',
};

describe('the sandbox start banner', () => {
  it('names the version profile, the route table release and the signature profile with the releases it follows', () => {
    const lines = formatSandboxBanner(input).split('\n');
    expect(lines[0]).toBe('magekit sandbox store listening on http://127.0.0.1:3001/');
    expect(lines).toContain(
      '  magento:           2.4.8 profile (--magento 2.4.6-p1|2.4.7|2.4.8); every answer carries X-Magekit-Sandbox-Version: 2.4.8; http://127.0.0.1:3001/magento_version answers "Magento/2.4 (Community)"',
    );
    expect(lines).toContain(
      "  routes and ACL:    Magento Open Source 2.4.6-p1 (the bundled stock route table and ACL tree, for every --magento version; SANDBOX_MAGENTO_XML_DIR for another release's)",
    );
    expect(lines).toContain(
      '  signatures:        "latest" profile for every store (Magento 2.4.7+ / 2.4-develop); "laminas" (Magento 2.4.4–2.4.6) per store: PUT http://127.0.0.1:3001/sandbox/admin/stores/<code>/settings {"signatureProfile":"laminas"}',
    );
    expect(lines).toContain(
      '  searches:          no default pageSize (every row, as a stock store with Web API input limits off); pageSize above 300 refused (store setting maxPageSize, 0 for no limit)',
    );
    expect(lines).toContain(
      '  sign-in locks:     6 failed token requests lock a user name for 1800 s (lockoutMaxFailures); 10 wrong passwords lock a customer for 10 min (customerLockoutFailures)',
    );
    expect(formatSandboxBanner(input)).not.toMatch(/signatures:.*2\.4\.6-p1/);
  });

  it('the banner follows the chosen profile, whose signature profile is the one stores get', () => {
    expect(DEFAULT_STORE_SETTINGS.signatureProfile).toBe(VERSION_PROFILES['2.4.8'].signatureProfile);
    const banner = formatSandboxBanner({ ...input, profile: VERSION_PROFILES['2.4.6-p1'] });
    expect(banner).toContain('  magento:           2.4.6-p1 profile');
    expect(banner).toContain('X-Magekit-Sandbox-Version: 2.4.6-p1;');
    expect(banner).toContain(
      '"laminas" profile for every store (Magento 2.4.4–2.4.6); "latest" (Magento 2.4.7+ / 2.4-develop)',
    );
  });

  it('names a model read from SANDBOX_MAGENTO_XML_DIR as it is', () => {
    expect(formatSandboxBanner({ ...input, modelSource: '/srv/magento-xml' })).toContain(
      '  routes and ACL:    /srv/magento-xml\n',
    );
  });
});

describe('the sandbox start error', () => {
  it('a taken port: names it and the --port / SANDBOX_PORT that move it', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3001'), {
      code: 'EADDRINUSE',
    });
    expect(describeStartError(error, { port: 3001, host: '127.0.0.1' })).toBe(
      'Cannot listen on port 3001 (127.0.0.1): it is already in use (another sandbox or service listens there). Start the sandbox on another port: npx magekit sandbox start --port 3002 (SANDBOX_PORT=3002 for node apps/sandbox/dist/main.js), or --port 0 for any free one.',
    );
  });

  it('anything else: its own message', () => {
    expect(
      describeStartError(new Error('Invalid sandbox configuration: SANDBOX_PORT …'), { port: 3001, host: '127.0.0.1' }),
    ).toBe('Invalid sandbox configuration: SANDBOX_PORT …');
  });
});
