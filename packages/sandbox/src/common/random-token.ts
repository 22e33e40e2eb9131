import { generateNonce } from '@magekit/oauth1';
import type { RandomBytes } from './clock';

/** 32 chars of `[0-9a-z]`, like Magento's consumer keys, secrets, tokens and verifiers (`Framework\Oauth\Helper\Oauth`, docs/magento-behaviour.md §1.8). */
export function generateToken(randomBytes: RandomBytes): string {
  return generateNonce(randomBytes, 32);
}
