/** Injection token of the sandbox clock (milliseconds since the epoch). Tests override it. */
export const CLOCK = Symbol('SANDBOX_CLOCK');

/** The wall clock of the sandbox process; a store's clock adds its `clockOffsetSeconds` fault. */
export interface Clock {
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Injection token of the CSPRNG used for keys, secrets, tokens and verifiers. */
export const RANDOM_BYTES = Symbol('SANDBOX_RANDOM_BYTES');

export type RandomBytes = (size: number) => Uint8Array;
