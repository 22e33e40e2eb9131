import { BadRequestException } from '@nestjs/common';
import { validateGlobalSettings, validateStoreSettings } from './settings-validation';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).message;
  }
  throw new Error('expected a 400');
}

describe('sandbox settings validation', () => {
  it("accepts a partial patch and fills a burst's retryAfterSeconds", () => {
    expect(validateStoreSettings({ latencyMs: 250, burst: { status: 429, remaining: 3 } })).toEqual({
      latencyMs: 250,
      burst: { status: 429, remaining: 3, retryAfterSeconds: 0 },
    });
    expect(validateStoreSettings({ burst: null, signatureProfile: 'laminas' })).toEqual({
      burst: null,
      signatureProfile: 'laminas',
    });
    expect(validateGlobalSettings({ twoFactorAuth: true, lockoutSeconds: 60 })).toEqual({
      twoFactorAuth: true,
      lockoutSeconds: 60,
    });
    expect(validateGlobalSettings({})).toEqual({});
  });

  it('names every problem in one 400, in the order of the settings', () => {
    expect(
      refusal(() =>
        validateStoreSettings({
          latencyMs: -1,
          burst: { status: 500 },
          signatureProfile: 'v2',
          repeatLastPage: 'yes',
          maxPageSize: 2.5,
        }),
      ),
    ).toBe(
      'Invalid settings: "signatureProfile" must be "latest" or "laminas"; "latencyMs" must be an integer from 0 to 60000; "burst" must be null or {status: 429|503, remaining, retryAfterSeconds}; "repeatLastPage" must be true or false; "maxPageSize" must be an integer from 0 to 1000000.',
    );
    expect(refusal(() => validateGlobalSettings({ lockoutMaxFailures: 0, adminTokenTtlMinutes: '60' }))).toBe(
      'Invalid settings: "adminTokenTtlMinutes" must be an integer from -1000000 to 1000000; "lockoutMaxFailures" must be an integer from 1 to 1000.',
    );
  });

  it('refuses unknown settings, naming the known ones', () => {
    expect(refusal(() => validateGlobalSettings({ twoFactor: true }))).toBe(
      'Invalid settings: unknown setting "twoFactor" (known: twoFactorAuth, adminTokenTtlMinutes, customerTokenTtlMinutes, lockoutMaxFailures, lockoutSeconds, customerLockoutFailures, customerLockoutMinutes).',
    );
  });

  it.each([null, [], 'latencyMs=5', 5])('refuses %p: the settings must be a JSON object', (input) => {
    expect(refusal(() => validateStoreSettings(input))).toBe('The settings must be a JSON object.');
  });
});
