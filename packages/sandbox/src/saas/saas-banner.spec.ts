import { formatSandboxBanner } from '../sandbox-banner';
import { VERSION_PROFILES } from '../version/version-profile';
import { describeSaasEndpoints } from './saas-endpoints';
import { resolveSaasOptions } from './saas-options';

const url = 'http://127.0.0.1:3001/';
const input = {
  url,
  adminToken: 'sandbox-admin-token',
  adminUser: 'admin',
  adminPassword: 'pw',
  customerPassword: 'cpw',
  modelSource: 'Magento Open Source 2.4.6-p1, Adobe Commerce as a Cloud Service routes',
  profile: VERSION_PROFILES['2.4.8'],
  dataDir: '/srv/.data/sandbox',
};

describe('the start banner of the SaaS edition', () => {
  const saas = describeSaasEndpoints(url, resolveSaasOptions({ tenantId: 'acme', tokenLifetimeSeconds: 600 }));
  const lines = formatSandboxBanner({ ...input, saas }).split('\n');

  it('prints the tenant REST base, the IMS token endpoint and the default credential', () => {
    expect(lines[0]).toBe('magekit sandbox store listening on http://127.0.0.1:3001/');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  edition:           saas, Adobe Commerce as a Cloud Service (--edition paas|saas): no /rest/… or /oauth/…, no token, guest or customer routes',
        '  REST:              http://127.0.0.1:3001/acme/V1/…   (tenant acme; the Store header picks the store view: default, es_mx or all)',
        '  IMS token:         POST http://127.0.0.1:3001/ims/token/v3   grant_type=client_credentials, client_id, client_secret, scope with commerce.accs; expires_in 600 s',
        '  IMS credential:    client id magekit-sandbox-ims-client / client secret p8e-magekit-sandbox-ims-secret / org MAGEKITSANDBOX0000000001@AdobeOrg   (more: POST http://127.0.0.1:3001/sandbox/admin/ims/credentials)',
        '  calls carry:       Authorization: Bearer <access token>, x-api-key: <client id>, x-gw-ims-org-id: <org> (optional)',
        '  routes and ACL:    Magento Open Source 2.4.6-p1, Adobe Commerce as a Cloud Service routes',
      ]),
    );
  });

  it('leaves out what SaaS does not have: /rest/, OAuth, token users, signatures, sign-in locks', () => {
    const banner = lines.join('\n');
    for (const absent of ['rest/V1', 'oauth/token', 'admin user:', 'signatures:', 'sign-in locks:'])
      expect(banner).not.toContain(absent);
    expect(formatSandboxBanner(input)).toContain(`${url}rest/V1/…   OAuth: ${url}oauth/token/request`);
  });
});
