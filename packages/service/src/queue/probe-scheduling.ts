/** How probes of due stores are spread over the instances' BullMQ workers. */
export interface ProbeScheduling {
  /** Stores per `probe-batch` job; default 100. */
  probeBatchSize: number;
  /** `probe-batch` jobs one instance runs at once; default 4. */
  probeJobConcurrency: number;
  /** Stores one `probe-batch` job probes at once; default 5 (so 20 probes in flight per instance). */
  probesPerJob: number;
}

export const DEFAULT_PROBE_SCHEDULING: ProbeScheduling = {
  probeBatchSize: 100,
  probeJobConcurrency: 4,
  probesPerJob: 5,
};

/** The data of one `probe-batch` job: stores to probe unless probed since `since` (the interval's start, ms). */
export interface ProbeBatchData {
  since: number;
  ids: string[];
}

/**
 * The id of the `probe-batch` job of the interval starting at `intervalStart` whose first store is
 * `firstId`: the same batch enqueued again in that interval (a retried `probe-due` job) is a no-op.
 * BullMQ refuses `:` in custom ids.
 */
export function probeBatchJobId(intervalStart: number, firstId: string): string {
  return `probe-${intervalStart}-${firstId}`;
}

/** `items` in slices of at most `size`. */
export function sliceInto<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}
