/** A real `sleep(ms)`, the default of the `MAGEKIT_SLEEP` token (tests inject one that returns at once). */
export function createSleep(): (ms: number) => Promise<void> {
  return (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
}
