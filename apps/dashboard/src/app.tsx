import { useEffect, useMemo, useRef, useState } from 'react';
import { AdminApiError, createAdminApi, type AdminApi } from './api/admin-api';
import { SecurityNavLink } from './components/security-nav-link';
import { ServiceName } from './components/service-name';
import { useHashRoute } from './lib/hash-route';
import { SecurityPage } from './pages/security-page';
import { SignIn } from './pages/sign-in';
import { StoreDetailPage } from './pages/store-detail-page';
import { StoresPage } from './pages/stores-page';

const TOKEN_KEY = 'magekit.adminToken';
const TITLES = { stores: 'Stores', store: 'Store', security: 'Security' } as const;

export interface AppProps {
  /** Builds the API client for a token; tests inject a fake. */
  createApi?: (token: string) => AdminApi;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const defaultCreateApi = (token: string) => createAdminApi(token);

export function App({ createApi = defaultCreateApi, storage = window.sessionStorage }: AppProps) {
  const [token, setToken] = useState<string | null>(() => storage.getItem(TOKEN_KEY));
  const [signInError, setSignInError] = useState<string | null>(null);
  const api = useMemo(() => (token ? createApi(token) : null), [token, createApi]);
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const navigated = useRef(false);
  const routeKey = route.page === 'store' ? `store:${route.id}` : route.page;
  const title = TITLES[route.page];

  useEffect(() => {
    document.title = `${title} · magekit`;
    // After a navigation (not on load), screen readers and keyboards continue at the new page.
    if (navigated.current) main.current?.focus({ preventScroll: true });
    navigated.current = true;
  }, [routeKey, title]);

  async function signIn(candidate: string) {
    try {
      await createApi(candidate).checkToken();
      storage.setItem(TOKEN_KEY, candidate);
      setSignInError(null);
      setToken(candidate);
    } catch (error) {
      setSignInError(
        error instanceof AdminApiError ? [error.message, error.hint].filter(Boolean).join(' ') : 'Sign-in failed.',
      );
    }
  }
  function signOut() {
    storage.removeItem(TOKEN_KEY);
    setToken(null);
  }

  if (!api) return <SignIn onSignIn={signIn} error={signInError} />;
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#content"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/stores">
          magekit <span className="brand-sub">integration dashboard</span>
        </a>
        <ServiceName api={api} />
        <nav aria-label="Main">
          <a href="#/stores" aria-current={route.page === 'stores' ? 'page' : undefined}>
            Stores
          </a>
          <SecurityNavLink api={api} current={route.page === 'security'} />
          <a href="/api/docs">API docs</a>
        </nav>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="content" tabIndex={-1} ref={main}>
        {route.page === 'store' && <StoreDetailPage key={route.id} api={api} id={route.id} />}
        {route.page === 'stores' && <StoresPage api={api} />}
        {route.page === 'security' && <SecurityPage api={api} />}
      </main>
    </div>
  );
}
