import type { ReactNode } from 'react';
import { AdminApiError } from '../api/admin-api';

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** What went wrong and what to do next, with a retry. */
export function ErrorState({
  error,
  onRetry,
  title = 'Something went wrong',
}: {
  error: Error;
  onRetry?: () => void;
  title?: string;
}) {
  const hint = error instanceof AdminApiError ? error.hint : null;
  return (
    <div className="state state-error" role="alert">
      <h2 className="state-title">{title}</h2>
      <p>{error.message}</p>
      {hint && <p className="state-hint">{hint}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="state state-empty">
      <h2 className="state-title">{title}</h2>
      <div>{children}</div>
    </div>
  );
}
