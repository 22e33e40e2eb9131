import { randomBytes } from 'node:crypto';
import type { ActivationCallback } from '@magekit/client';

/** 32 characters of `[0-9a-z]`, like Magento's keys, secrets and verifiers. */
export function magentoToken(): string {
  let out = '';
  while (out.length < 32) out += randomBytes(32).toString('base64').replace(/[^0-9a-z]/g, '');
  return out.slice(0, 32);
}

/** An activation callback as `parseActivationCallback` returns it. */
export function makeCallback(overrides: Partial<ActivationCallback> = {}): ActivationCallback {
  return { consumerKey: magentoToken(), consumerSecret: magentoToken(), verifier: magentoToken(), storeBaseUrl: 'https://shop.example.com/', usesIndexPhp: false, ...overrides };
}
