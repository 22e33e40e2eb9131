import type IORedis from 'ioredis';

/** Quits a Redis connection (or drops it when it is not ready) and waits for its end, at most 2 s. */
export async function closeRedisConnection(connection: IORedis): Promise<void> {
  if (connection.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => {
    connection.once('end', resolve);
    timer = setTimeout(resolve, 2000);
  });
  if (connection.status === 'ready') await connection.quit().catch(() => undefined);
  connection.disconnect();
  await ended.finally(() => clearTimeout(timer));
}
