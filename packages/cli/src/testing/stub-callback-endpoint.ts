import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exchangeTokens, parseActivationCallback } from '@magekit/client';

/** What the stub Callback URL does with Magento's POST. */
export type StubBehaviour =
  { answer: 'refuse'; status: number; body: string } | { answer: 'accept' } | { answer: 'exchange' };

/** A tiny Callback URL (and identity link) on loopback for CLI tests. */
export interface StubEndpoint {
  callbackUrl: string;
  identityUrl: string;
  /** Token exchanges finished (or failed) so far. */
  exchanges: Array<'ok' | string>;
  close(): Promise<void>;
}

/**
 * Answers the callback POST as told: `refuse` with the given status and body, `accept` with 200 and
 * nothing more (the handshake never completes), or `exchange`: 200, then the token exchange against
 * the store (@magekit/client), which makes the integration Active.
 */
export async function startStubEndpoint(behaviour: StubBehaviour): Promise<StubEndpoint> {
  const exchanges: StubEndpoint['exchanges'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.method !== 'POST')
        return void response.writeHead(200, { 'content-type': 'text/plain' }).end('identity link');
      if (behaviour.answer === 'refuse')
        return void response.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(behaviour.body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      if (behaviour.answer === 'exchange') {
        exchangeTokens(parseActivationCallback(body)).then(
          () => exchanges.push('ok'),
          (error: Error) => exchanges.push(error.message),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    callbackUrl: `${base}/callback`,
    identityUrl: `${base}/identity`,
    exchanges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
