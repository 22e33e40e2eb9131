import 'reflect-metadata';
import { startIntegrationService } from '@magekit/service';

/** `npm start` / `node apps/integration/dist/main.js`: settings from the environment (README). */
async function main(): Promise<void> {
  const service = await startIntegrationService();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    service.logger.info('shutting down', { signal }, 'Service');
    // Finishes running activations (their state is persisted at every step either way), closes the database.
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const typed = error as { message?: string; code?: string; hint?: string };
  process.stderr.write(
    `magekit integration service: ${typed?.message ?? String(error)}${typed?.code ? ` [${typed.code}]` : ''}\n`,
  );
  if (typed?.hint) process.stderr.write(`hint: ${typed.hint}\n`);
  process.exit(1);
});
