import { loadStockModel } from '@magekit/acl';
import { readImsCredentialInput, readImsCredentialPatch } from './ims-credential-input';

const model = loadStockModel();
const messageOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as { message: string }).message;
  }
  return '';
};

describe('IMS credential input', () => {
  it('takes every field, or none', () => {
    expect(readImsCredentialInput({}, model)).toEqual({});
    expect(readImsCredentialInput(undefined, model)).toEqual({});
    expect(
      readImsCredentialInput(
        {
          name: ' app ',
          clientId: 'abc',
          clientSecret: 'p8e-x',
          orgId: 'O@AdobeOrg',
          scopes: ['openid', 'openid', 'commerce.accs'],
          resources: ['Magento_Catalog::products'],
          tokenLifetimeSeconds: 60,
        },
        model,
      ),
    ).toEqual({
      name: 'app',
      clientId: 'abc',
      clientSecret: 'p8e-x',
      orgId: 'O@AdobeOrg',
      scopes: ['openid', 'commerce.accs'],
      resources: ['Magento_Catalog::products'],
      tokenLifetimeSeconds: 60,
    });
    expect(readImsCredentialInput({ resources: 'all', tokenLifetimeSeconds: null }, model)).toEqual({
      resources: 'all',
      tokenLifetimeSeconds: null,
    });
  });

  it('names every problem in one 400', () => {
    const message = messageOf(() =>
      readImsCredentialInput(
        {
          name: '',
          clientId: 'has space',
          scopes: ['a,b'],
          resources: ['Magento_Nope::x'],
          tokenLifetimeSeconds: 0,
          extra: 1,
        },
        model,
      ),
    );
    expect(message).toBe(
      'Invalid IMS credential: unknown field "extra" (allowed: name, clientId, clientSecret, orgId, scopes, resources, tokenLifetimeSeconds); "name" must be a non-empty string; "clientId" must be 1 to 255 printable characters without spaces; "scopes" must be a non-empty array of scope names (no commas or spaces); unknown ACL resource ids: Magento_Nope::x; "tokenLifetimeSeconds" must be an integer from 1 to 604800 seconds (got 0).',
    );
  });

  it('lets a change touch name, organization, scopes, resources and lifetime only', () => {
    expect(readImsCredentialPatch({ orgId: 'P@AdobeOrg', resources: 'all' }, model)).toEqual({
      orgId: 'P@AdobeOrg',
      resources: 'all',
    });
    expect(messageOf(() => readImsCredentialPatch({ clientSecret: 'p8e-new' }, model))).toMatch(
      /^Invalid IMS credential change: unknown field "clientSecret"/,
    );
  });
});
