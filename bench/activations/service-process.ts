/**
 * One integration service instance in its own process (bench/activations): the real
 * `startIntegrationService` of @magekit/service, configured from the environment the bench gives it.
 * It tells the bench its port over IPC, and stops on SIGTERM as apps/integration's main does
 * (running activations finish), so `--cpu-prof` can write its profile.
 */
import 'reflect-metadata';
import { startIntegrationService } from '@magekit/service';

async function main(): Promise<void> {
  const service = await startIntegrationService({ print: () => undefined, showCredentials: false });
  process.send?.({ type: 'ready', port: service.port, pid: process.pid });
  process.once('SIGTERM', () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
