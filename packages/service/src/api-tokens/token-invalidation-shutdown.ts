import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { TOKEN_INVALIDATION_SETUP, type TokenInvalidationSetup } from './token-invalidation-setup';

/** Closes the Redis connections of the API token invalidation bus when the app shuts down. */
@Injectable()
export class TokenInvalidationShutdown implements OnApplicationShutdown {
  constructor(@Inject(TOKEN_INVALIDATION_SETUP) private readonly setup: TokenInvalidationSetup) {}

  onApplicationShutdown(): Promise<void> {
    return this.setup.close();
  }
}
