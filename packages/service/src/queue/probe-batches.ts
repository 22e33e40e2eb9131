import type { Queue } from 'bullmq';
import type { StoreHealthService } from '@magekit/nest';
import { probeBatchJobId, sliceInto, type ProbeBatchData } from './probe-scheduling';

/** Name of the BullMQ queue of `probe-batch` jobs (apart from the maintenance queue, so its backlog can be counted). */
export const PROBE_QUEUE = 'magekit-probes';
/** Batches enqueued per `addBulk`: ids are read that many batches at a time. */
const BATCHES_PER_PAGE = 10;

/** What one `probe-due` job did. */
export interface ProbeDueResult {
  /** Start of the probe interval (ms since the epoch). */
  interval: number;
  /** `probe-batch` jobs handed to BullMQ (one whose id was already taken in this interval is not added again). */
  batches: number;
  /** Stores in them. */
  stores: number;
  /** Batches of an earlier run still waiting or running: nothing was enqueued. */
  backlog: number;
}

/**
 * Enqueues every due store of the current probe interval (active, not probed since the interval
 * started, not leased), read in id order a page at a time (keyset pagination), as `probe-batch`
 * jobs of `batchSize` stores with deterministic ids (see {@link probeBatchJobId}). While batches of
 * an earlier run are still waiting or running it enqueues nothing, so a slow interval does not pile
 * up copies of the same stores.
 */
export async function enqueueDueProbes(
  health: StoreHealthService,
  queue: Queue<ProbeBatchData>,
  batchSize: number,
): Promise<ProbeDueResult> {
  const { start, end } = health.probeIntervalAt();
  const result: ProbeDueResult = { interval: start, batches: 0, stores: 0, backlog: 0 };
  result.backlog = await queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized');
  if (result.backlog > 0) return result;
  // Completed batches are kept for the interval, so that their ids stay taken until it ends.
  const keepSeconds = Math.max(60, Math.ceil((end - start) / 1000));
  let afterId: string | null = null;
  for (;;) {
    const ids = await health.findDueIds(new Date(start), afterId, batchSize * BATCHES_PER_PAGE);
    if (ids.length === 0) break;
    afterId = ids[ids.length - 1];
    const batches = sliceInto(ids, batchSize);
    await queue.addBulk(
      batches.map((batch) => ({
        name: 'probe-batch',
        data: { since: start, ids: batch },
        opts: {
          jobId: probeBatchJobId(start, batch[0]),
          removeOnComplete: { age: keepSeconds, count: 10_000 },
          removeOnFail: { age: 24 * 3600, count: 1_000 },
        },
      })),
    );
    result.batches += batches.length;
    result.stores += ids.length;
    if (ids.length < batchSize * BATCHES_PER_PAGE) break;
  }
  return result;
}
