import { Logger } from '@nestjs/common';
import type { Repository } from 'typeorm';
import type { ResolvedMagentoOptions } from '../config/module-options';
import { sha256Hex } from '../crypto/token-hash';
import type { ApiTokenEntity } from '../entities/api-token.entity';
import { ApiTokenVerifier } from './api-token-verifier.service';
import {
  createInProcessTokenInvalidationBus,
  type ApiTokenInvalidation,
  type ApiTokenInvalidationBus,
} from './token-invalidation-bus';

const TOKEN = 'mk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER = 'mk_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

/** A token table in memory that counts lookups and records lastUsedAt writes (failing on demand). */
function fakeTokens() {
  const rows = new Map([[sha256Hex(TOKEN), { id: 'id-1', name: 'ci', lastUsedAt: null as Date | null }]]);
  const state = { lookups: 0, writes: [] as Array<{ id: string; at: number }>, failWrites: false };
  let pending: Promise<unknown> = Promise.resolve();
  const repository = {
    findOne: async ({ where }: { where: { tokenHash: string } }) => {
      state.lookups++;
      return rows.get(where.tokenHash) ?? null;
    },
    update: (criteria: { id: string }, values: { lastUsedAt: Date }) => {
      pending = state.failWrites
        ? Promise.reject(new Error('database is locked'))
        : Promise.resolve().then(() => state.writes.push({ id: criteria.id, at: values.lastUsedAt.getTime() }));
      return pending;
    },
  };
  return { repository, rows, state, written: () => pending.catch(() => undefined) };
}

function setUp(cacheTtlMs = 5000, bus: ApiTokenInvalidationBus = createInProcessTokenInvalidationBus()) {
  let now = Date.UTC(2026, 0, 1);
  const tokens = fakeTokens();
  const config = { apiTokens: { cacheTtlMs, cacheMaxEntries: 100, invalidation: null } } as ResolvedMagentoOptions;
  const verifier = new ApiTokenVerifier(
    tokens.repository as unknown as Repository<ApiTokenEntity>,
    () => now,
    config,
    bus,
  );
  return { verifier, tokens, bus, advance: (ms: number) => (now += ms), now: () => now };
}

describe('ApiTokenVerifier', () => {
  it('looks a token up once, then answers from the cache until the TTL has passed', async () => {
    const { verifier, tokens, advance } = setUp();
    expect(await verifier.verify(TOKEN)).toEqual({ tokenId: 'id-1', name: 'ci' });
    const cached = verifier.verify(TOKEN);
    expect(cached).toEqual({ tokenId: 'id-1', name: 'ci' }); // no promise: answered from memory
    expect(tokens.state.lookups).toBe(1);
    advance(5000);
    await verifier.verify(TOKEN);
    expect(tokens.state.lookups).toBe(2);
  });

  it('shares one lookup between concurrent requests of the same token', async () => {
    const { verifier, tokens } = setUp();
    await Promise.all([verifier.verify(TOKEN), verifier.verify(TOKEN), verifier.verify(TOKEN)]);
    expect(tokens.state.lookups).toBe(1);
  });

  it('never caches an unknown token, and refuses malformed ones without a lookup', async () => {
    const { verifier, tokens } = setUp();
    expect(await verifier.verify(OTHER)).toBeNull();
    expect(await verifier.verify(OTHER)).toBeNull();
    expect(tokens.state.lookups).toBe(2);
    expect(verifier.verify('short')).toBeNull();
    expect(verifier.verify('x'.repeat(201))).toBeNull();
    expect(tokens.state.lookups).toBe(2);
  });

  it('drops a token at once when the bus announces its revocation', async () => {
    const { verifier, tokens, bus } = setUp();
    await verifier.verify(TOKEN);
    tokens.rows.clear(); // revoked in the database
    await bus.publish(['id-1']);
    expect(await verifier.verify(TOKEN)).toBeNull();
  });

  it('clears everything when the bus may have lost messages (it says "all" after reconnecting)', async () => {
    const listeners: Array<(invalidation: ApiTokenInvalidation) => void> = [];
    const bus: ApiTokenInvalidationBus = {
      publish: async () => undefined,
      subscribe: (listener) => {
        listeners.push(listener);
        return () => undefined;
      },
    };
    const { verifier, tokens } = setUp(5000, bus);
    await verifier.verify(TOKEN);
    tokens.rows.clear();
    for (const listener of listeners) listener({ kind: 'all' });
    expect(await verifier.verify(TOKEN)).toBeNull();
  });

  it('unsubscribes from the bus when the module is destroyed', () => {
    const unsubscribe = jest.fn();
    const { verifier } = setUp(5000, { publish: async () => undefined, subscribe: () => unsubscribe });
    verifier.onModuleDestroy();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('does not cache a lookup that a revocation overtook', async () => {
    const { verifier, tokens, bus } = setUp();
    const lookup = verifier.verify(TOKEN); // the query is under way
    await bus.publish(['id-1']);
    tokens.rows.clear();
    expect(await lookup).toEqual({ tokenId: 'id-1', name: 'ci' });
    expect(await verifier.verify(TOKEN)).toBeNull();
  });

  it('with a TTL of 0, looks up every request', async () => {
    const { verifier, tokens } = setUp(0);
    await verifier.verify(TOKEN);
    await verifier.verify(TOKEN);
    expect(tokens.state.lookups).toBe(2);
  });

  it('writes lastUsedAt at most once a minute per token, on the injected clock', async () => {
    const { verifier, tokens, advance, now } = setUp();
    const first = now();
    await verifier.verify(TOKEN);
    await tokens.written();
    advance(30_000);
    await verifier.verify(TOKEN);
    advance(29_999);
    await verifier.verify(TOKEN);
    await tokens.written();
    expect(tokens.state.writes).toEqual([{ id: 'id-1', at: first }]);
    advance(1);
    await verifier.verify(TOKEN);
    await tokens.written();
    expect(tokens.state.writes).toEqual([
      { id: 'id-1', at: first },
      { id: 'id-1', at: first + 60_000 },
    ]);
  });

  it('does not write again a token whose stored lastUsedAt is less than a minute old', async () => {
    const { verifier, tokens, now } = setUp();
    tokens.rows.get(sha256Hex(TOKEN))!.lastUsedAt = new Date(now() - 10_000);
    await verifier.verify(TOKEN);
    await tokens.written();
    expect(tokens.state.writes).toEqual([]);
  });

  it('logs a failed lastUsedAt write (without the token) and tries again on the next request', async () => {
    const { verifier, tokens } = setUp();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      tokens.state.failWrites = true;
      await verifier.verify(TOKEN);
      await tokens.written();
      await Promise.resolve();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Could not record the use of API token id-1'));
      expect(JSON.stringify(warn.mock.calls)).not.toContain(TOKEN);
      tokens.state.failWrites = false;
      await verifier.verify(TOKEN);
      await tokens.written();
      expect(tokens.state.writes).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});
