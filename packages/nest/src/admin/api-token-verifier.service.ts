import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { sha256Hex } from '../crypto/token-hash';
import { ApiTokenEntity } from '../entities/api-token.entity';
import { MAGEKIT_CLOCK, MAGEKIT_CONFIG, MAGEKIT_TOKEN_INVALIDATION } from '../tokens';
import { LastUsedThrottle } from './last-used-throttle';
import { TokenCache, type CachedCaller } from './token-cache';
import type { ApiTokenInvalidation, ApiTokenInvalidationBus } from './token-invalidation-bus';

/** The authenticated caller of the admin API. */
export type ApiCaller = CachedCaller;

/** Shortest and longest string looked up as a token (ours are 46 characters). */
const TOKEN_LENGTH = { min: 20, max: 200 };

/**
 * Verifies admin API tokens: the SHA-256 of a live token is cached for `apiTokens.cacheTtlMs`
 * (unknown tokens are not cached: each costs one lookup on the unique token_hash index, and a
 * flood of guesses cannot push live tokens out of the cache); concurrent lookups of one hash share
 * one query. Revocations heard on the invalidation bus evict at once. `lastUsedAt` is written at
 * most once a minute per token by this instance, in the background (a failed write is logged).
 */
@Injectable()
export class ApiTokenVerifier implements OnModuleDestroy {
  private readonly logger = new Logger('ApiTokens');
  private readonly cache: TokenCache;
  private readonly lastUsed: LastUsedThrottle;
  private readonly lookups = new Map<string, Promise<ApiCaller | null>>();
  private readonly unsubscribe: () => void;

  constructor(
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
    @Inject(MAGEKIT_CONFIG) config: ResolvedMagentoOptions,
    @Inject(MAGEKIT_TOKEN_INVALIDATION) bus: ApiTokenInvalidationBus,
  ) {
    const { cacheTtlMs, cacheMaxEntries } = config.apiTokens;
    this.cache = new TokenCache({ ttlMs: cacheTtlMs, maxEntries: cacheMaxEntries, clock: () => this.clock() });
    this.lastUsed = new LastUsedThrottle({ maxEntries: cacheMaxEntries * 10 });
    this.unsubscribe = bus.subscribe((invalidation) => this.invalidate(invalidation));
  }

  /** The caller of a live token, or null (malformed, unknown or revoked). Database errors are thrown. */
  verify(token: string): ApiCaller | null | Promise<ApiCaller | null> {
    if (typeof token !== 'string' || token.length < TOKEN_LENGTH.min || token.length > TOKEN_LENGTH.max) return null;
    const hash = sha256Hex(token);
    const cached = this.cache.get(hash);
    if (cached) return this.used(cached);
    let lookup = this.lookups.get(hash);
    if (!lookup) {
      lookup = this.lookUp(hash).finally(() => this.lookups.delete(hash));
      this.lookups.set(hash, lookup);
    }
    return lookup.then((caller) => caller && this.used(caller));
  }

  /** Drops revoked tokens from this instance's cache (the module's revoke calls it before publishing). */
  evict(tokenIds: readonly string[]): void {
    this.cache.evictTokens(tokenIds);
    for (const id of tokenIds) this.lastUsed.forget(id);
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private invalidate(invalidation: ApiTokenInvalidation): void {
    if (invalidation.kind === 'all') this.cache.clear();
    else this.evict(invalidation.tokenIds);
  }

  private async lookUp(hash: string): Promise<ApiCaller | null> {
    const generation = this.cache.generation;
    const found = await this.tokens.findOne({
      select: { id: true, name: true, lastUsedAt: true },
      where: { tokenHash: hash, revokedAt: IsNull() },
    });
    if (!found) return null;
    const caller: ApiCaller = { tokenId: found.id, name: found.name };
    this.lastUsed.observe(found.id, found.lastUsedAt?.getTime() ?? null);
    // A revocation heard while the query ran may concern this token: answer, but do not cache.
    if (this.cache.generation === generation) this.cache.set(hash, caller);
    return caller;
  }

  private used(caller: ApiCaller): ApiCaller {
    const now = this.clock();
    if (this.lastUsed.claim(caller.tokenId, now)) {
      this.tokens.update({ id: caller.tokenId }, { lastUsedAt: new Date(now) }).catch((error: unknown) => {
        this.lastUsed.forget(caller.tokenId);
        this.logger.warn(`Could not record the use of API token ${caller.tokenId}: ${(error as Error).message}`);
      });
    }
    return caller;
  }
}
