import 'reflect-metadata';
import { startIntegrationService } from './start-service';

/** `npm start` / `node apps/integration/dist/main.js`: settings from the environment (README). */
async function main(): Promise<void> {
  await startIntegrationService();
}

main().catch((error: unknown) => {
  const typed = error as { message?: string; code?: string; hint?: string };
  process.stderr.write(`magekit integration service: ${typed?.message ?? String(error)}${typed?.code ? ` [${typed.code}]` : ''}\n`);
  if (typed?.hint) process.stderr.write(`hint: ${typed.hint}\n`);
  process.exit(1);
});
