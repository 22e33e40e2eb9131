import { createServer } from 'node:net';

/** True when nothing listens on `port` of `host` (we could bind it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port the operating system gives out as free now. */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The first free port of `preferred` (skipping null), else any free port. */
export async function pickPort(
  preferred: ReadonlyArray<number | null | undefined>,
  host = '127.0.0.1',
): Promise<number> {
  for (const port of preferred) {
    if (typeof port === 'number' && port > 0 && (await isPortFree(port, host))) return port;
  }
  return findFreePort(host);
}
