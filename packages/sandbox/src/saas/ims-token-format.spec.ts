import {
  buildImsAccessToken,
  hashImsToken,
  imsTokenId,
  readImsTokenClaims,
  technicalAccountId,
  type ImsTokenClaims,
} from './ims-token-format';

const bytes = (fill: number) => (size: number) => new Uint8Array(size).fill(fill);
const claims: ImsTokenClaims = {
  id: '1_x_ue1',
  type: 'access_token',
  client_id: 'c',
  user_id: 'U@techacct.adobe.com',
  as: 'ims-na1',
  aa_id: 'U@techacct.adobe.com',
  scope: 'openid,commerce.accs',
  created_at: '1767268800000',
  expires_in: '86399000',
};

describe('IMS access tokens', () => {
  it("are three base64url parts: IMS's header, the claims, 256 random bytes", () => {
    const token = buildImsAccessToken(claims, bytes(7));
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'RS256',
      x5u: 'ims_na1-key-at-1.cer',
      kid: 'ims_na1-key-at-1',
      itt: 'at',
    });
    expect(readImsTokenClaims(token)).toEqual(claims);
    expect(Buffer.from(signature, 'base64url')).toEqual(Buffer.alloc(256, 7));
    expect(buildImsAccessToken(claims, bytes(8))).not.toBe(token);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reads no claims from what is not a JWT', () => {
    expect(readImsTokenClaims('abc')).toBeNull();
    expect(readImsTokenClaims('a.!!!.c')).toBeNull();
    expect(readImsTokenClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toBeNull();
  });

  it('hashes with SHA-256, and gives stable technical accounts and IMS-shaped ids', () => {
    expect(hashImsToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(technicalAccountId('client')).toMatch(/^[0-9A-F]{24}@techacct\.adobe\.com$/);
    expect(technicalAccountId('client')).toBe(technicalAccountId('client'));
    expect(technicalAccountId('client')).not.toBe(technicalAccountId('other'));
    expect(imsTokenId(1767268800000, bytes(0xab))).toBe('1767268800000_abababab-abab-abab-abab-abababababab_ue1');
  });
});
