import type { SignatureProfile } from '@magekit/oauth1';
import type { AuthContext } from '../auth/auth-strategy';
import { estimateClockSkew } from '../http/clock-skew';
import type { HttpResponse } from '../http/send-http';
import type { ClientConfig } from './client-options';

/** What one client learns about its store while it runs. */
export class ClientState {
  /** Offset (ms) added to the client clock when signing, adopted after a timestamp rejection. */
  appliedSkewMs = 0;
  /** The latest estimate from a response `Date` header, or null. */
  estimatedSkewMs: number | null = null;

  constructor(readonly config: ClientConfig) {}

  /** The clock used for signing and token expiry: the client clock plus the adopted skew. */
  readonly signingClock = (): number => this.config.clock() + this.appliedSkewMs;

  /** Updates the skew estimate from a response. */
  observe(response: HttpResponse): void {
    const estimate = estimateClockSkew(response.headers.get('date'), response.receivedAt);
    if (estimate !== null) this.estimatedSkewMs = estimate;
  }

  /** The profile to sign with for this store. */
  async resolveProfile(): Promise<SignatureProfile> {
    return (await this.config.profileStore.get(this.config.storeKey)) ?? this.config.profile;
  }

  /** The context handed to auth strategies; `postAnonymous` is wired by the client. */
  buildAuthContext(profile: SignatureProfile, postAnonymous: AuthContext['postAnonymous']): AuthContext {
    return {
      profile,
      clock: this.signingClock,
      randomBytes: this.config.randomBytes,
      fetch: this.config.fetch,
      setTimer: this.config.setTimer,
      emit: this.config.emit,
      postAnonymous,
    };
  }
}
