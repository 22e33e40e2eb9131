import type { Request } from 'express';
import { checkFormToken, FORM_COOKIE } from './form-token';

function requestWithCookie(cookie: string | undefined): Request {
  return { headers: cookie === undefined ? {} : { cookie } } as unknown as Request;
}

describe('form token (double-submit cookie)', () => {
  it('accepts the posted field equal to the cookie, decoded', () => {
    expect(checkFormToken(requestWithCookie(`other=1; ${FORM_COOKIE}=abc%2Bdef`), 'abc+def')).toBe(true);
  });

  it.each([
    ['no cookie header', undefined, 'abc'],
    ['another cookie only', 'other=abc', 'abc'],
    ['a different value', `${FORM_COOKIE}=abc`, 'abd'],
    ['a different length', `${FORM_COOKIE}=abc`, 'abcd'],
    ['a posted array', `${FORM_COOKIE}=abc`, ['abc']],
  ])('refuses %s', (_name, cookie, posted) => {
    expect(checkFormToken(requestWithCookie(cookie), posted)).toBe(false);
  });

  it.each(['%E0%A4%A', '%', '%ZZ', '%C0%80'])(
    'refuses a malformed cookie %s instead of throwing (400 FORM_EXPIRED, not 500)',
    (value) => {
      expect(() => checkFormToken(requestWithCookie(`${FORM_COOKIE}=${value}`), value)).not.toThrow();
      expect(checkFormToken(requestWithCookie(`${FORM_COOKIE}=${value}`), value)).toBe(false);
    },
  );
});
