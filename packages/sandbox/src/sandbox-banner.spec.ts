import { STOCK_RELEASE } from '@magekit/acl';
import { describeStartError, formatSandboxBanner, type SandboxBannerInput } from './sandbox-banner';
import { DEFAULT_STORE_SETTINGS } from './settings/store-settings';

const input: SandboxBannerInput = {
  url: 'http://127.0.0.1:3001/',
  adminToken: 'sandbox-admin-token',
  adminUser: 'admin',
  adminPassword: 'pw',
  customerPassword: 'cpw',
  modelSource: STOCK_RELEASE,
  signatureProfile: DEFAULT_STORE_SETTINGS.signatureProfile,
  dataDir: '/srv/.data/sandbox',
};

describe('the sandbox start banner', () => {
  it('names the route table release and the default signature profile with the releases it follows', () => {
    const lines = formatSandboxBanner(input).split('\n');
    expect(lines[0]).toBe('magekit sandbox store listening on http://127.0.0.1:3001/');
    expect(lines).toContain(
      "  routes and ACL:    Magento Open Source 2.4.6-p1 (the bundled stock route table and ACL tree; SANDBOX_MAGENTO_XML_DIR for another release's)",
    );
    expect(lines).toContain(
      '  signatures:        "latest" profile for every store (Magento 2.4.8+ / 2.4-develop); "laminas" (Magento 2.4.4–2.4.6) per store: PUT http://127.0.0.1:3001/sandbox/admin/stores/<code>/settings {"signatureProfile":"laminas"}',
    );
    expect(formatSandboxBanner(input)).not.toMatch(/signatures:.*2\.4\.6-p1/);
  });

  it('the default profile is the one stores get', () => {
    expect(DEFAULT_STORE_SETTINGS.signatureProfile).toBe('latest');
    expect(formatSandboxBanner({ ...input, signatureProfile: 'laminas' })).toContain(
      '"laminas" profile for every store (Magento 2.4.4–2.4.6); "latest" (Magento 2.4.8+ / 2.4-develop)',
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
