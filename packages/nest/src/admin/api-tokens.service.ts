import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MAGEKIT_CLOCK, MAGEKIT_TOKEN_INVALIDATION } from '../tokens';
import { ApiTokenVerifier } from './api-token-verifier.service';
import { createApiToken, revokeApiToken, type CreatedApiToken } from './api-tokens';
import type { ApiTokenInvalidationBus } from './token-invalidation-bus';

/**
 * Admin API tokens from inside the app: create, and revoke so that this instance refuses the token
 * at once and every instance listening on the invalidation bus does on delivery (the others within
 * `apiTokens.cacheTtlMs`).
 */
@Injectable()
export class ApiTokens {
  private readonly logger = new Logger('ApiTokens');

  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: ApiTokenVerifier,
    @Inject(MAGEKIT_TOKEN_INVALIDATION) private readonly bus: ApiTokenInvalidationBus,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  /** See {@link createApiToken}. @throws MagentoIntegrationError `INVALID_INPUT` */
  create(name: string): Promise<CreatedApiToken> {
    return createApiToken(this.dataSource, name, this.clock);
  }

  /**
   * Revokes the live tokens with this id or name; returns how many. A failure to publish (Redis
   * down) is logged, not thrown: the tokens are revoked, and other instances drop them within the TTL.
   */
  revoke(idOrName: string): Promise<number> {
    return revokeApiToken(this.dataSource, idOrName, {
      clock: this.clock,
      invalidation: {
        publish: async (tokenIds) => {
          this.verifier.evict(tokenIds);
          await this.bus.publish(tokenIds).catch((error: unknown) => {
            this.logger.warn(
              `Revoked API token(s) ${tokenIds.join(', ')}, but could not tell the other instances (they refuse them once their cache entry expires): ${(error as Error).message}`,
            );
          });
        },
      },
    });
  }
}
