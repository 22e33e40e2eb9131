import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: T; refreshing: boolean };

/**
 * Runs `load` when its dependencies change; `reload()` runs it again. While a reload runs, the
 * last data stays on screen (`refreshing: true`) instead of a spinner. Stale answers are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const last = useRef<T | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setState(
      last.current === undefined ? { status: 'loading' } : { status: 'ready', data: last.current, refreshing: true },
    );
    load().then(
      (data) => {
        if (!current) return;
        last.current = data;
        setState({ status: 'ready', data, refreshing: false });
      },
      (error: Error) => {
        if (!current) return;
        last.current = undefined;
        setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** Calls `tick` every `ms` while `active` (e.g. while a store is still activating). */
export function useInterval(tick: () => void, ms: number, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  }, [tick, ms, active]);
}

/** `value`, updated only after it has stayed the same for `ms` (search as you type). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
