import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinAsync } from '../../testing/run-bin-async';
import { startSandboxProcess } from '../../testing/sandbox-process';

jest.setTimeout(60_000);

/** `magekit sandbox start` through the built bin and the built sandbox. */
describe('magekit sandbox start', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mk-cli-sandbox-start-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the route table release and the signature profile stores verify with', async () => {
    const sandbox = await startSandboxProcess(dir);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the banner is one write after the URL line
      expect(sandbox.output()).toContain(
        'routes and ACL:    Magento Open Source 2.4.6-p1 (the bundled stock route table and ACL tree',
      );
      expect(sandbox.output()).toContain(
        'signatures:        "latest" profile for every store (Magento 2.4.8+ / 2.4-develop); "laminas" (Magento 2.4.4–2.4.6) per store',
      );
    } finally {
      await sandbox.stop();
    }
  });

  it('a port in use: exits non-zero naming the port and --port', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runBinAsync([
        'sandbox',
        'start',
        '--port',
        String(port),
        '--data',
        dir,
        '--seed-products',
        '1',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Cannot listen on port ${port} (127.0.0.1): it is already in use`);
      expect(result.stderr).toContain(`npx magekit sandbox start --port ${port + 1}`);
      expect(result.stderr).toContain('[SANDBOX_FAILED]');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
