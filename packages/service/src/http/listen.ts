import type { INestApplication } from '@nestjs/common';
import { IntegrationServiceError } from '../service-error';

/**
 * `app.listen(port, host)`, with a port that is taken (or not allowed) turned into an error that
 * names the port and says how to pick another.
 *
 * @throws IntegrationServiceError `PORT_IN_USE` (EADDRINUSE, EACCES); other errors as they come
 */
export async function listenOnPort(app: INestApplication, port: number, host: string): Promise<void> {
  try {
    await app.listen(port, host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    throw portProblem(port, host, code, error);
  }
}

/** The error of a port the service cannot listen on, with the variable that moves it. */
export function portProblem(
  port: number,
  host: string,
  code: 'EADDRINUSE' | 'EACCES',
  cause?: unknown,
): IntegrationServiceError {
  const other = port >= 65535 ? port - 1 : port + 1;
  const what =
    code === 'EADDRINUSE'
      ? `is already in use (another process listens on ${host}:${port}, perhaps this service started twice)`
      : `may not be used by this user (ports below 1024 need privileges)`;
  return new IntegrationServiceError(`Cannot listen on port ${port}: it ${what}.`, 'PORT_IN_USE', {
    hint: `Start it on another port, e.g. PORT=${other} (or PORT=0 for any free one); set PUBLIC_URL too if Magento reaches it through a proxy.`,
    cause,
  });
}
