import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A form POST the sandbox sent to an integration's endpoint. */
export interface ReceivedPost {
  path: string;
  contentType: string | undefined;
  fields: Record<string, string>;
}

/** A loopback HTTP server standing in for an integration's Endpoint URL; records each POST. */
export class CallbackServer {
  readonly posts: ReceivedPost[] = [];
  /** Status to answer with (Magento ignores it). */
  status = 200;
  /** Delay before answering, ms (to test the 5 s timeout). */
  delayMs = 0;
  private server: Server | null = null;
  private waiting: Array<(post: ReceivedPost) => void> = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const post = {
          path: req.url ?? '/',
          contentType: req.headers['content-type'],
          fields: Object.fromEntries(new URLSearchParams(body)),
        };
        this.posts.push(post);
        for (const resolve of this.waiting.splice(0)) resolve(post);
        setTimeout(
          () => res.writeHead(this.status, { location: 'http://127.0.0.1:9/elsewhere' }).end('ok'),
          this.delayMs,
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  nextPost(): Promise<ReceivedPost> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
