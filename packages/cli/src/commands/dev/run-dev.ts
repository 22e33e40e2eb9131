import { existsSync } from 'node:fs';
import { CliExit } from '../../cli-error';
import type { CliIo } from '../../cli-io';
import { readAppDefaults, resolveDevApp, type DevApp } from './dev-app';
import { spawnDevChild, type DevChild } from './dev-child';
import { startDevApp, startDevSandbox, type DevContext } from './dev-processes';
import { formatReadyJson, formatReadyText, type DevReady } from './dev-report';
import { readDevState, writeDevState } from './dev-state';
import { DevStepError, runStep } from './dev-step-error';
import { ensureActiveStore } from './dev-store';
import { pickPort } from './free-port';

/** The flags of `magekit dev`, parsed. */
export interface DevOptions {
  app?: string;
  build: boolean;
  port?: number;
  sandboxPort?: number;
  dataDir?: string;
  seedProducts?: number;
  timeoutSeconds: number;
  json: boolean;
}

/** Signals that stop `magekit dev` (parameter for tests). */
export type SignalSource = Pick<NodeJS.Process, 'on' | 'off'>;

class Interrupted extends Error {}

/**
 * `magekit dev`: build the app, start the sandbox and the app, activate the store, print the URLs,
 * then stream logs until Ctrl-C (exit 0). A failed step stops what started and exits 1 naming it.
 */
export async function runDev(options: DevOptions, io: CliIo, signals: SignalSource = process): Promise<void> {
  const log = options.json ? io.writeErr : io.writeOut;
  const say = (line: string) => log(`[dev] ${line}\n`);
  const context: DevContext = { cwd: process.cwd(), env: io.env, write: log };
  const children: DevChild[] = [];
  let interrupt: (signal: NodeJS.Signals) => void = () => undefined;
  const interrupted = new Promise<NodeJS.Signals>((resolve) => (interrupt = resolve));
  const onSignal = (signal: NodeJS.Signals) => interrupt(signal);
  signals.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const stopAll = async () => {
    for (const child of children.reverse()) await child.stop();
  };
  try {
    const starting = startEverything(options, io, context, children, say);
    starting.catch(() => undefined);
    const ready = await Promise.race([starting, interrupted.then((signal) => Promise.reject(new Interrupted(signal)))]);
    if (options.json) io.writeOut(formatReadyJson(ready));
    else log(formatReadyText(ready));
    const ended = await Promise.race([
      interrupted.then((signal) => ({ signal, child: null })),
      ...children.map((child) => child.exited.then(() => ({ signal: null, child }))),
    ]);
    if (ended.child)
      throw new DevStepError(
        'run',
        `${ended.child.label} exited on its own (code ${ended.child.process.exitCode ?? ended.child.process.signalCode}).`,
        'Its last lines are above; run `magekit dev` again once it is fixed.',
      );
    say(`${ended.signal}: stopping the app and the sandbox`);
    await stopAll();
  } catch (error) {
    await stopAll();
    if (error instanceof Interrupted) return void say(`${error.message}: stopped`);
    const failure =
      error instanceof DevStepError
        ? error
        : new DevStepError('start', (error as Error)?.message ?? String(error), 'This is a bug in magekit dev.', {
            cause: error,
          });
    io.writeErr(`[dev] failed to ${failure.step}: ${failure.message}\n[dev] hint: ${failure.hint}\n`);
    throw new CliExit(1);
  } finally {
    signals.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

/** The steps, in order; every child started is pushed to `children` at once, so a failure can stop it. */
async function startEverything(
  options: DevOptions,
  io: CliIo,
  context: DevContext,
  children: DevChild[],
  say: (line: string) => void,
): Promise<DevReady> {
  const started = Date.now();
  const app = await runStep('find the app', 'Give an Nx application project name.', async () =>
    resolveDevApp(options.app, context.cwd, options.dataDir),
  );
  if (options.build)
    await runStep(
      'build the app',
      `Fix the build (\`npx nx build ${app.name}\`), or pass --no-build to run the last build.`,
      () => buildApp(app, context, children, say),
    );
  if (!existsSync(app.main))
    throw new DevStepError(
      'build the app',
      `${app.main} does not exist.`,
      `Build it: npx nx build ${app.name} (or run without --no-build).`,
    );
  const defaults = readAppDefaults(app, context.env);
  const state = readDevState(app.dataDir);
  const timeoutMs = options.timeoutSeconds * 1000;
  const sandboxPort = options.sandboxPort ?? (await pickPort([state.sandboxPort, 3001]));
  say(`starting the sandbox store on port ${sandboxPort} (data in ${app.dataDir}/sandbox)`);
  const sandbox = await runStep(
    'start the sandbox',
    'Its output is above ([sandbox] lines); pass --sandbox-port if the port is taken.',
    () =>
      startDevSandbox(context, { app, port: sandboxPort, seedProducts: options.seedProducts, timeoutMs }).then(
        (started) => (children.push(started.child), started),
      ),
  );
  const appPort = options.port ?? (await pickPort([state.appPort, defaults.port]));
  say(`starting ${app.name} on port ${appPort} (DATA_DIR ${app.dataDir})`);
  const running = await runStep(
    'start the app',
    'Its output is above ([app] lines); pass --port if the port is taken.',
    () =>
      startDevApp(context, { app, port: appPort, timeoutMs }).then(
        (started) => (children.push(started.child), started),
      ),
  );
  writeDevState(app.dataDir, { appPort, sandboxPort });
  const apiToken =
    running.firstStartToken ??
    (await runStep(
      'create an API token',
      "Use the app's DATA_DIR / DATABASE_URL (`magekit tokens create --data-dir …`).",
      async () => (await import('./dev-api-token.js')).issueDevApiToken(io, app.dataDir),
    ));
  const resources = defaults.requiredResources.length > 0 ? defaults.requiredResources : 'all';
  const store = await runStep('activate the store', 'See the [app] and [sandbox] lines above.', () =>
    ensureActiveStore(
      sandbox,
      { urls: running.urls, apiToken },
      { name: `magekit-dev-${app.name}`, resources, timeoutMs, log: say },
    ),
  );
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (store ${store.how})`);
  return {
    app: app.name,
    appUrl: running.urls.publicUrl,
    dashboardUrl: running.urls.dashboard ?? running.urls.publicUrl,
    apiToken,
    sandboxUrl: sandbox.url,
    sandboxAdminToken: sandbox.adminToken,
    storeStatus: store.status,
    consumerKey: store.consumerKey,
    callbackUrl: running.urls.callback,
    identityLinkUrl: running.urls.identityLink,
  };
}

/** `npx nx build <app>` in the workspace, its output streamed as `[build]` lines. */
async function buildApp(
  app: DevApp,
  context: DevContext,
  children: DevChild[],
  say: (line: string) => void,
): Promise<void> {
  say(`building ${app.name} (npx nx build ${app.name})`);
  const build = spawnDevChild(
    'build',
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['nx', 'build', app.name, '--outputStyle=static'],
    { cwd: app.workspaceRoot, env: context.env, write: context.write },
  );
  children.push(build);
  const { code, signal } = await build.exited;
  children.splice(children.indexOf(build), 1);
  if (code !== 0)
    throw new DevStepError(
      'build the app',
      `npx nx build ${app.name} exited with ${signal ?? `code ${code}`}.`,
      'The build errors are above ([build] lines); fix them, or pass --no-build to run the last build.',
    );
}
