/** A failed step of `magekit dev`: which step, what went wrong, what to do. */
export class DevStepError extends Error {
  override readonly name = 'DevStepError';
  readonly step: string;
  readonly hint: string;

  constructor(step: string, message: string, hint: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.step = step;
    this.hint = hint;
  }
}

/** Runs one step; any error that is not already a step error is reported as this step's failure. */
export async function runStep<T>(step: string, hint: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DevStepError) throw error;
    const typed = error as { message?: string; hint?: string; code?: string };
    const message = `${typed?.message ?? String(error)}${typeof typed?.code === 'string' ? ` [${typed.code}]` : ''}`;
    throw new DevStepError(step, message, typed?.hint ?? hint, { cause: error });
  }
}
