import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeIfAvailable, reachability, REDIS_URL } from '../../test-support/test-databases';
import { startTestService, type TestService } from '../../test-support/test-service';

jest.setTimeout(60_000);

const key = () => randomBytes(24).toString('hex').slice(0, 32);

describeIfAvailable(
  { name: 'Redis', unavailable: reachability('redis', REDIS_URL) },
  'callback limits shared by two instances through Redis',
  () => {
    const tenant = `limits${process.pid}${randomBytes(3).toString('hex')}`;
    let services: TestService[] = [];
    let store: Server;
    let storeUrl: string;

    beforeAll(async () => {
      store = createServer(
        (req, res) =>
          void req.resume().on('end', () => res.writeHead(401).end('oauth_problem=Consumer+key+has+expired')),
      );
      await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
      storeUrl = `http://127.0.0.1:${(store.address() as AddressInfo).port}/`;
      const env = { REDIS_URL, TENANT: tenant, THROTTLE_CALLBACK_PER_ADDRESS: '3', THROTTLE_CALLBACK_GLOBAL: '100' };
      services = [await startTestService({ env }), await startTestService({ env })];
    });
    afterAll(async () => {
      for (const service of services) await service.stop();
      await new Promise((resolve) => store?.close(resolve));
    });

    it('a flood spread over two instances meets one per-address limit: 3 accepted in all, then 429 on either instance', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const service = services[i % 2];
        const body = new URLSearchParams({
          oauth_consumer_key: key(),
          oauth_consumer_secret: key(),
          oauth_verifier: key(),
          store_base_url: storeUrl,
        });
        const answer = await fetch(`${service.base}/magento/callback/${tenant}`, { method: 'POST', body });
        statuses.push(answer.status);
        if (answer.status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    });
  },
);
