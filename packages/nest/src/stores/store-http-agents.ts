import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Idle connections are closed after this long: below the keep-alive timeouts of common store
 * front ends (nginx 75 s, Apache 5 s), so a request rarely meets a connection the store just closed.
 */
export const STORE_KEEP_ALIVE_MS = 4_000;

/**
 * The keep-alive agents the module's guarded fetch sends store calls through: one pool of
 * connections per store origin, shared by every client, closed when the app shuts down.
 */
@Injectable()
export class StoreHttpAgents implements OnApplicationShutdown {
  readonly http = new HttpAgent({ keepAlive: true, timeout: STORE_KEEP_ALIVE_MS });
  readonly https = new HttpsAgent({ keepAlive: true, timeout: STORE_KEEP_ALIVE_MS });

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
