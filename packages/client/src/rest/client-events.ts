import type { SignatureProfile } from '@magekit/oauth1';

/** What the client reports through `onEvent`. Secrets are already redacted. */
export type ClientEvent =
  | { type: 'request'; method: string; url: string; attempt: number; headers: Record<string, string>; body?: string }
  | { type: 'response'; method: string; url: string; attempt: number; status: number; durationMs: number }
  | { type: 'retry'; method: string; url: string; attempt: number; delayMs: number; reason: string }
  | { type: 'clock-skew'; skewMs: number; previousMs: number }
  | { type: 'profile-fallback'; store: string; from: SignatureProfile; to: SignatureProfile }
  | { type: 'token'; action: 'issued' | 'invalidated'; auth: string; expiresAt?: number }
  | { type: 'warning'; message: string };

/** Receives {@link ClientEvent}s (logging, metrics). Must not throw. */
export type ClientEventHandler = (event: ClientEvent) => void;
