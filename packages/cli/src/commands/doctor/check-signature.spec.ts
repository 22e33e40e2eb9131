import { MagentoClientError } from '@magekit/client';
import { classifySignatureProfile, readDetectedProfile, readProfileOutcome } from './check-signature';
import { fakeNoAnswer, fakeRefusal, fakeReply } from './fake-replies';
import type { StoreReply } from './store-reply';

const invalid = () => fakeReply(401, { message: 'The signature is invalid. Verify and try again.' });
const ok = () => fakeReply(200, []);

describe('readProfileOutcome', () => {
  it.each([
    ['invalid', invalid()],
    ['acl', fakeRefusal('Magento_Backend::store')],
    ['accepted', ok()],
    [
      'accepted',
      fakeReply(404, { message: "The store that was requested wasn't found. Verify the store and try again." }),
    ],
    ['error', fakeReply(401, { message: 'Access token has been revoked' })],
    ['error', fakeReply(404, { message: 'Request does not match any route.' })],
    ['error', fakeNoAnswer()],
  ])('%s', (outcome, reply) => {
    expect(readProfileOutcome(reply)).toBe(outcome);
  });
});

describe('classifySignatureProfile', () => {
  it('finds the current line when only latest passes', () => {
    const result = classifySignatureProfile({ latest: ok(), laminas: invalid() }, true);
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('latest profile');
    expect(result.finding).toContain('2.4-develop');
    expect(readDetectedProfile(result)).toBe('latest');
  });

  it('finds 2.4.4–2.4.6 when only laminas passes', () => {
    const result = classifySignatureProfile({ latest: invalid(), laminas: ok() }, true);
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('2.4.4 – 2.4.6');
    expect(readDetectedProfile(result)).toBe('laminas');
  });

  it('still tells the profile when the ACL refuses the test call', () => {
    const result = classifySignatureProfile(
      { latest: fakeRefusal('Magento_Backend::store'), laminas: invalid() },
      true,
    );
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('refused by the ACL');
  });

  it('fails when both are invalid, pointing at secrets and proxies', () => {
    const result = classifySignatureProfile({ latest: invalid(), laminas: invalid() }, true);
    expect(result.status).toBe('fail');
    expect(result.hint).toContain('X-Forwarded-Proto');
    expect(readDetectedProfile(result)).toBeNull();
  });

  it("fails with the store's own reason for other OAuth errors", () => {
    const revoked: StoreReply = { ...fakeReply(401, { message: 'Access token has been revoked' }) };
    const result = classifySignatureProfile({ latest: revoked, laminas: revoked }, true);
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('Access token has been revoked');
    expect(result.hint).toMatch(/Reauthorize/i);
  });

  it('is skipped when the Authorization header does not arrive', () => {
    expect(classifySignatureProfile({ latest: fakeRefusal('x::y'), laminas: fakeRefusal('x::y') }, false).status).toBe(
      'skipped',
    );
  });

  it('warns when neither was verified or both were accepted', () => {
    expect(
      classifySignatureProfile(
        { latest: fakeRefusal('Magento_Backend::store'), laminas: fakeRefusal('Magento_Backend::store') },
        null,
      ).finding,
    ).toContain('verified neither');
    expect(classifySignatureProfile({ latest: ok(), laminas: ok() }, true).status).toBe('warn');
  });

  it('fails on a network error of one profile', () => {
    const result = classifySignatureProfile(
      {
        latest: ok(),
        laminas: { ...fakeNoAnswer(), error: new MagentoClientError('GET … timed out after 15000 ms.', 'TIMEOUT') },
      },
      true,
    );
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('laminas');
  });
});
