/**
 * The admin-api bench's load generator, run as a child process (child_process.fork) so that it does
 * not share the server's event loop: N keep-alive connections (node:http Agent), each sending the next
 * request as soon as the previous answer is read. The parent sends one {@link LoadRequest} per slice
 * and gets a {@link LoadResult} back.
 */
import { Agent, request } from 'node:http';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  failed: number;
  /** Latencies in ms, sorted. */
  latencies: number[];
  elapsedMs: number;
}

const agents = new Map<number, Agent>();

function agentFor(connections: number): Agent {
  let agent = agents.get(connections);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
    agents.set(connections, agent);
  }
  return agent;
}

function get(url: URL, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(url, { agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end();
  });
}

async function run({ url, headers, seconds, connections }: LoadRequest): Promise<LoadResult> {
  const target = new URL(url);
  const agent = agentFor(connections);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        const status = await get(target, headers, agent);
        if (status === 200) latencies.push(performance.now() - sent);
        else failed++;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, failed, latencies, elapsedMs };
}

process.on('message', (message: LoadRequest | 'exit') => {
  if (message === 'exit') {
    for (const agent of agents.values()) agent.destroy();
    process.exit(0);
  }
  run(message).then(
    (result) => process.send?.(result),
    (error: Error) => process.send?.({ error: error.message }),
  );
});
