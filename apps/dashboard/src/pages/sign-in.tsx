import { useState, type FormEvent } from 'react';

/** Sign-in with an admin API token of the integration service; the token is kept for this tab only. */
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
      <form onSubmit={submit} aria-labelledby="sign-in-title" aria-describedby="sign-in-intro">
        <h1 id="sign-in-title" className="brand-mark">
          magekit
        </h1>
        <p id="sign-in-intro">Sign in to the dashboard of your Magento integration service with an admin API token.</p>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
          aria-describedby="token-help"
          aria-invalid={error ? true : undefined}
        />
        <p id="token-help" className="muted small">
          Use the token the service printed on its first start, or create one on the server with{' '}
          <code>npx magekit tokens create --name dashboard</code>. It stays in this browser tab only and is never shown.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
