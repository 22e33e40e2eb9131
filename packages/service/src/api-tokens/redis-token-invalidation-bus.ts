import IORedis from 'ioredis';
import type { ApiTokenInvalidation, ApiTokenInvalidationBus } from '@magekit/nest';
import { closeRedisConnection } from '../redis/close-redis-connection';

/** An {@link ApiTokenInvalidationBus} over Redis pub/sub, with its connections to close. */
export interface RedisTokenInvalidationBus extends ApiTokenInvalidationBus {
  /** Resolves once Redis has confirmed the subscription (after the first `subscribe`); rejects if it failed. */
  subscribed(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link createRedisTokenInvalidationBus}. */
export interface RedisTokenInvalidationOptions {
  /** `REDIS_URL`. */
  url: string;
  /** The pub/sub channel (see {@link tokenInvalidationChannel}). */
  channel: string;
  /** Told each new connection error once (never a token: messages carry token ids only). */
  onError?: (message: string) => void;
}

/** The channel revocations of a service's API tokens go over: one per tenant, so deployments sharing a Redis do not mix. */
export function tokenInvalidationChannel(tenant: string): string {
  return `magekit:api-tokens:revoked:${tenant}`;
}

/** What one message carries: the revoked token ids (uuids). */
interface RevocationMessage {
  tokenIds: string[];
}

/**
 * Revocations of admin API tokens over Redis pub/sub. `publish` sends the ids on one connection
 * (opened on first use, so the CLI's `tokens revoke` opens only that one); `subscribe` listens on
 * another (a subscribed Redis connection can do nothing else). After the subscriber reconnects it
 * says `all`: messages sent while it was away are lost, so every cached token is checked again.
 * Commands fail fast while Redis is down (the caller logs it; the cache TTL still bounds staleness).
 */
export function createRedisTokenInvalidationBus(options: RedisTokenInvalidationOptions): RedisTokenInvalidationBus {
  const listeners = new Set<(invalidation: ApiTokenInvalidation) => void>();
  const connections: IORedis[] = [];
  let closing = false;
  let publisher: IORedis | null = null;
  let subscription: Promise<void> | null = null;
  const deliver = (invalidation: ApiTokenInvalidation) => {
    for (const listener of [...listeners]) listener(invalidation);
  };
  const connect = () => {
    let lastError: string | null = null;
    const connection = new IORedis(options.url, {
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      retryStrategy: (times) => (closing ? null : Math.min(times * 500, 5000)),
    });
    connection.on('error', (error: Error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      options.onError?.(error.message);
    });
    connection.on('ready', () => void (lastError = null));
    connections.push(connection);
    return connection;
  };
  const listen = () => {
    const connection = connect();
    let connectedBefore = false;
    connection.on('ready', () => {
      if (connectedBefore) deliver({ kind: 'all' });
      connectedBefore = true;
    });
    connection.on('message', (channel: string, text: string) => {
      if (channel !== options.channel) return;
      const message = parseMessage(text);
      if (message) deliver({ kind: 'tokens', tokenIds: message.tokenIds });
      else options.onError?.('ignored a malformed API token revocation message');
    });
    const subscribing = connection.subscribe(options.channel).then(() => undefined);
    subscribing.catch((error: Error) => options.onError?.(error.message));
    return subscribing;
  };
  return {
    publish: async (tokenIds) => {
      publisher ??= connect();
      const message: RevocationMessage = { tokenIds: [...tokenIds] };
      await publisher.publish(options.channel, JSON.stringify(message));
    },
    subscribe: (listener) => {
      subscription ??= listen();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    subscribed: () => subscription ?? Promise.reject(new Error('nothing subscribed')),
    close: async () => {
      closing = true;
      listeners.clear();
      await Promise.all(connections.map(closeRedisConnection));
    },
  };
}

/** The ids of a revocation message, or null when it is not one. */
function parseMessage(text: string): RevocationMessage | null {
  try {
    const value = JSON.parse(text) as { tokenIds?: unknown };
    const ids = value?.tokenIds;
    if (!Array.isArray(ids) || ids.length > 1000) return null;
    if (!ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 64)) return null;
    return { tokenIds: ids as string[] };
  } catch {
    return null;
  }
}
