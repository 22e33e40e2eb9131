import { useState, type FormEvent } from 'react';

/** Sign-in with an admin API token (`npx magekit tokens create`); the token is kept for this tab only. */
export function SignIn({ onSignIn, error }: { onSignIn: (token: string) => Promise<void>; error: string | null }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSignIn(token.trim());
    } finally {
      setBusy(false);
    }
  }
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">magekit</h1>
        <p>Sign in with an admin API token of this integration service.</p>
        <label htmlFor="token">API token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required aria-describedby="token-help" />
        <p id="token-help" className="muted">
          Create one on the server with <code>npx magekit tokens create</code>. It is shown once and kept only in this browser tab.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
