import { describeSpread, spreadOf, type Spread } from './percentiles';

/** The bare endpoint's spreads, as Magento saw them and behind the proxy. */
export interface Baselines {
  magento: Spread | null;
  backend: Spread | null;
}
import { CONSUMER_WINDOW_MS, type RunResult, type StoreOutcome } from './run-activations';

/** The callback POSTs Magento's side saw answered, and their spread. */
export function callbackSpread(result: RunResult): Spread | null {
  return spreadOf(result.callbacks.filter((sample) => sample.status !== null).map((sample) => sample.ms));
}

/** The backends' answer times as the proxy saw them (every answered callback, also those Magento gave up on). */
export function backendSpread(result: RunResult): Spread | null {
  return spreadOf(result.stores.flatMap((store) => (store.proxyMs === null ? [] : [store.proxyMs])));
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

const list = (counts: Map<string, number>) =>
  [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ') || 'none';

function describeCallbacks(result: RunResult, baselines: Baselines | null, indent: string): string[] {
  const spread = callbackSpread(result);
  const backend = backendSpread(result);
  const baseline = baselines?.magento ?? null;
  const backendRatio =
    backend && baselines?.backend
      ? `   p99 ${(backend.p99 / baselines.backend.p99).toFixed(2)}x of the bare endpoint's`
      : '';
  const transport = result.callbacks.filter((sample) => sample.status === null);
  const statuses = countBy(
    result.callbacks.filter((sample) => sample.status !== null),
    (sample) => String(sample.status),
  );
  const ratio = spread && baseline ? `   p99 ${(spread.p99 / baseline.p99).toFixed(2)}x of the bare endpoint's` : '';
  return [
    `${indent}callback POST as Magento sees it   ${describeSpread(spread)}   (target p99 < 100 ms; Magento gives up at 5000 ms)${ratio}`,
    `${indent}callback answer behind the proxy   ${describeSpread(backend)}   (the instance's part of that wait)${backendRatio}`,
    `${indent}callback answers                   HTTP ${list(statuses)}; transport failures (Magento shows "attempt to post data … failed") ${transport.length}`,
  ];
}

/** Lines for the baseline run (callbacks only). */
export function reportBaseline(result: RunResult): string[] {
  return [...describeCallbacks(result, null, '  '), `  load average (1 min) ${describeLoad(result)}`];
}

function describeLoad(result: RunResult): string {
  return `start ${result.load.start.toFixed(2)}, max ${result.load.max.toFixed(2)}, end ${result.load.end.toFixed(2)}; SYNs dropped at full accept queues (machine-wide) ${result.overflows}`;
}

function toActive(stores: readonly StoreOutcome[]): Spread | null {
  return spreadOf(
    stores
      .filter((store) => store.activatedAt !== null)
      .map((store) => (store.activatedAt as number) - store.startedAt),
  );
}

function describeFailures(stores: readonly StoreOutcome[], indent: string): string[] {
  const failed = stores.filter((store) => store.status === 'failed');
  const reasons = new Map<string, string>();
  for (const store of failed)
    if (!reasons.has(store.statusCode ?? '?')) reasons.set(store.statusCode ?? '?', store.statusReason ?? '');
  return [...countBy(failed, (store) => store.statusCode ?? '?')].map(
    ([code, count]) => `${indent}  failed ${code} × ${count}: ${(reasons.get(code) ?? '').slice(0, 160)}`,
  );
}

/** Every store counted once: active, failed, stuck (pending after the window), lost (no store row). */
function describeOutcomes(result: RunResult, indent: string): string[] {
  const { stores } = result;
  const active = stores.filter((store) => store.status === 'active');
  const failed = stores.filter((store) => store.status === 'failed');
  const stuck = stores.filter(
    (store) => store.status !== null && store.status !== 'active' && store.status !== 'failed',
  );
  const lost = stores.filter((store) => store.status === null);
  const slowest = toActive(stores);
  return [
    `${indent}Activate -> store active             ${describeSpread(slowest, 's')}   (target max < ${CONSUMER_WINDOW_MS / 1000} s)`,
    `${indent}stores                             ${stores.length}: active ${active.length}, failed ${failed.length}, stuck ${stuck.length}, no store row ${lost.length}; all settled in ${(result.totalMs / 1000).toFixed(1)} s`,
    ...describeFailures(stores, indent),
    ...(stuck.length > 0
      ? [
          `${indent}  stuck: ${list(countBy(stuck, (store) => `${store.status as string}${store.removed ? ' (removed by the cleaner after the window)' : ''}`))}; by activation state: ${result.stuck.join(', ') || 'none left'}`,
        ]
      : []),
    ...(lost.length > 0
      ? [
          `${indent}  no store row: Activate refused ${lost.filter((store) => !store.activateOk).length}, proxy answered ${list(countBy(lost, (store) => String(store.proxyStatus)))}`,
          ...[...countBy(lost, (store) => store.activateError ?? '')]
            .filter(([error]) => error !== '')
            .map(([error, count]) => `${indent}    Activate refused × ${count}: ${error.slice(0, 160)}`),
        ]
      : []),
    `${indent}callbacks per instance             ${list(
      countBy(
        stores.filter((store) => store.backend),
        (store) => store.backend as string,
      ),
    )}`,
    `${indent}load average (1 min)               ${describeLoad(result)}`,
  ];
}

/** Lines for run 1 (both instances up). */
export function reportRun(result: RunResult, baseline: Baselines): string[] {
  return [...describeCallbacks(result, baseline, '  '), ...describeOutcomes(result, '  ')];
}

/** Lines for run 2: what became of the stores whose callback the killed instance had taken. */
export function reportKill(result: RunResult, victim: string, survivor: string, baseline: Baselines): string[] {
  const killedAt = result.killedAt;
  const lines = [...describeCallbacks(result, baseline, '  '), ...describeOutcomes(result, '  ')];
  if (killedAt === null) return [...lines, `  ${victim} was never killed (it took no callback)`];
  const onVictim = result.stores.filter((store) => store.backend === victim);
  const before = onVictim.filter((store) => store.activatedAt !== null && store.activatedAt <= killedAt);
  const takenOver = onVictim.filter((store) => store.activatedAt !== null && store.activatedAt > killedAt);
  const byVictimFailed = onVictim.filter((store) => store.status === 'failed');
  const byVictimStuck = onVictim.filter(
    (store) => store.status !== null && store.status !== 'active' && store.status !== 'failed',
  );
  const byVictimLost = onVictim.filter((store) => store.status === null);
  const afterKill = takenOver.map((store) => (store.activatedAt as number) - killedAt);
  return [
    ...lines,
    `  ${victim} killed ${((killedAt - Math.min(...result.stores.map((store) => store.startedAt))) / 1000).toFixed(1)} s after the first Activate; its ${onVictim.length} callbacks:`,
    `    active before the kill            ${before.length}`,
    `    completed by ${survivor} (takeover)    ${takenOver.length}   kill -> active ${describeSpread(spreadOf(afterKill), 's')}`,
    `    cleanly failed                    ${byVictimFailed.length}`,
    `    stuck (pending after the window)  ${byVictimStuck.length}`,
    `    no store row (lost in the kill)   ${byVictimLost.length}`,
    `  callbacks ${survivor} took            ${result.stores.filter((store) => store.backend === survivor).length}, of them active ${result.stores.filter((store) => store.backend === survivor && store.status === 'active').length}`,
  ];
}
