/**
 * The baseline endpoint of bench/activations in its own process: node:http reading the callback form
 * and answering what the service answers (`200 {"status":"accepted","duplicate":false}`), with no
 * framework, no database and no token exchange after it.
 */
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('oauth_consumer_key');
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end('{"status":"accepted","duplicate":false}');
  });
});
server.keepAliveTimeout = 5000;
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address() as { port: number };
  process.send?.({ type: 'ready', port: address.port, pid: process.pid });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
