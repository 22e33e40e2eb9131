import { randomBytes } from 'node:crypto';
import type { ActivationCallback } from '@magekit/client';
import { ActivationRecorder, type RecordedCallback } from '../activation/activation-recorder';
import { CallbackAdmission } from '../activation/callback-admission';

/** 32 characters of `[0-9a-z]`, like Magento's keys, secrets and verifiers. */
export function magentoToken(): string {
  let out = '';
  while (out.length < 32)
    out += randomBytes(32)
      .toString('base64')
      .replace(/[^0-9a-z]/g, '');
  return out.slice(0, 32);
}

/** An activation callback as `parseActivationCallback` returns it. */
export function makeCallback(overrides: Partial<ActivationCallback> = {}): ActivationCallback {
  return {
    consumerKey: magentoToken(),
    consumerSecret: magentoToken(),
    verifier: magentoToken(),
    storeBaseUrl: 'https://shop.example.com/',
    usesIndexPhp: false,
    ...overrides,
  };
}

/** Records a callback as the controller does (admission, then the recorder), without the HTTP layer or the URL guard. */
export async function recordCallback(
  module: { get<T>(type: new (...args: never[]) => T): T },
  tenant: string,
  callback: ActivationCallback,
  address: string | null = '127.0.0.1',
): Promise<RecordedCallback> {
  const admitted = await module.get(CallbackAdmission).admit(callback, address);
  return module.get(ActivationRecorder).record(callback, admitted, { tenant, address });
}
