import { hashPassword, verifyPassword } from './password-hash';

const cost = { N: 2 ** 14, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('correct horse battery', cost);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', cost), hashPassword('same password', cost)]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('treats malformed stored values and unknown accounts as a mismatch', async () => {
    await expect(verifyPassword('x', null)).resolves.toBe(false);
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$3$8$1$c2FsdA$aGFzaA')).resolves.toBe(false); // N not a power of two
    await expect(verifyPassword('x', 'scrypt$16384$8$1$c2FsdA$c2hvcnQ')).resolves.toBe(false); // short hash
  });

  it('normalises Unicode (NFKC) before hashing', async () => {
    const stored = await hashPassword('caf\u00e9 password', cost);
    await expect(verifyPassword('cafe\u0301 password', stored)).resolves.toBe(true);
  });
});
