import { useEffect, useState } from 'react';

export type Route = { page: 'stores' } | { page: 'store'; id: string } | { page: 'security' };

/** The security log view. */
export const SECURITY_HREF = '#/security';

export function parseRoute(hash: string): Route {
  if (/^#\/security(?:[/?#]|$)/.test(hash)) return { page: 'security' };
  const match = /^#\/stores\/([^/?#]+)/.exec(hash);
  return match ? { page: 'store', id: decodeURIComponent(match[1]) } : { page: 'stores' };
}

export function storeHref(id: string): string {
  return `#/stores/${encodeURIComponent(id)}`;
}

/** The current hash route, updated on navigation. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
