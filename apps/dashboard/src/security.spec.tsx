import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminApiError } from './api/admin-api';
import type { SecurityEvent } from './api/types';
import { App } from './app';
import { parseRoute } from './lib/hash-route';
import { SECURITY_PAGE_SIZE } from './pages/security-page';
import { createFakeApi, makeSecurityEvent, makeStore } from './testing/fake-api';

const signedIn = () => {
  const data = new Map([['magekit.adminToken', 't']]);
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

const store = makeStore(1);
const events: SecurityEvent[] = [
  makeSecurityEvent(1, {
    storeId: store.id,
    storeExists: true,
    consumerKey: store.consumerKey,
    storeBaseUrl: 'https://attacker.example.net/',
  }),
  makeSecurityEvent(2, {
    type: 'sign_in_throttled',
    code: null,
    consumerKey: null,
    storeBaseUrl: null,
    sourceAddress: '198.51.100.7',
    message: 'Too many failed sign-ins from this address.',
  }),
  makeSecurityEvent(3, {
    type: 'pending_expired',
    code: null,
    storeId: '00000000-0000-4000-8000-000000000777',
    storeExists: false,
    sourceAddress: null,
    message: 'Removed after the consumer window: The consumer key has expired.',
  }),
  makeSecurityEvent(4, {
    code: 'STORE_URL_REFUSED',
    consumerKey: null,
    storeBaseUrl: 'http://169.254.169.254/',
    message: 'The store URL resolves to a link-local address.',
  }),
  makeSecurityEvent(5, {
    type: 'store_moved',
    code: null,
    storeId: store.id,
    storeExists: true,
    storeBaseUrl: 'https://shop1.example.com/',
    message: 'The store moved from https://old.example.com/.',
  }),
];

beforeEach(() => {
  window.location.hash = '';
});

describe('security view', () => {
  it('is in the main navigation with the number of refused callbacks as a badge', async () => {
    const { api } = createFakeApi([store], { securityEvents: events });
    render(<App createApi={() => api} storage={signedIn()} />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const link = await within(nav).findByRole('link', {
      name: /^Security\W+2 refused callbacks in the last 24 hours$/,
    });
    expect(link).toHaveAttribute('href', '#/security');
    expect(link).not.toHaveAttribute('aria-current');
    await userEvent.click(link);
    expect(await screen.findByRole('heading', { name: 'Security', level: 1 })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: /^Security/ })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Security · magekit');
  });

  it('shows no badge without refused callbacks, nor when the service cannot say', async () => {
    const quiet = createFakeApi([store], { securityEvents: [events[1]] });
    const { unmount } = render(<App createApi={() => quiet.api} storage={signedIn()} />);
    await waitFor(() => expect(quiet.calls).toContain('security {"limit":1}'));
    expect(await screen.findByRole('link', { name: 'Security' })).toBeInTheDocument();
    unmount();
    const broken = createFakeApi([store], {
      securityFailWith: new AdminApiError('The service answered HTTP 404.', 404),
    });
    render(<App createApi={() => broken.api} storage={signedIn()} />);
    await waitFor(() => expect(broken.calls).toContain('security {"limit":1}'));
    expect(screen.getByRole('link', { name: 'Security' })).toBeInTheDocument();
  });

  it('lists the events newest first in a table, with the type in words, the reason of a refusal and a link to a store that exists', async () => {
    const { api } = createFakeApi([store], { securityEvents: [...events].reverse() });
    window.location.hash = '#/security';
    render(<App createApi={() => api} storage={signedIn()} />);
    const table = await screen.findByRole('table', { name: 'Security events, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Time', 'Event', 'Code', 'Store URL', 'Consumer key', 'Source address', 'Message']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1].textContent)).toEqual([
      'Callback refused',
      'Sign-ins throttled',
      'Pending store expired',
      'Callback refused',
      'Store moved',
    ]);
    const [mismatch, throttled, expired] = rows;
    expect(mismatch).toHaveClass('security-alert');
    expect(within(mismatch).getByText('CALLBACK_MISMATCH')).toBeInTheDocument();
    expect(within(mismatch).getByText(/wrong consumer secret: possible takeover attempt/)).toBeInTheDocument();
    expect(within(mismatch).getByText('https://attacker.example.net/')).toBeInTheDocument();
    expect(within(mismatch).getByText(store.consumerKey ?? '')).toBeInTheDocument();
    expect(within(mismatch).getByText('203.0.113.9')).toBeInTheDocument();
    expect(within(mismatch).getByRole('link', { name: 'Open store' })).toHaveAttribute('href', `#/stores/${store.id}`);
    expect(within(mismatch).getByText('2026-11-22 11:59:00 UTC').closest('time')).toHaveAttribute(
      'datetime',
      '2026-11-22T11:59:00.000Z',
    );
    expect(within(throttled).getByText('198.51.100.7')).toBeInTheDocument();
    expect(within(expired).queryByRole('link')).not.toBeInTheDocument();
    expect(within(table).getAllByRole('link', { name: 'Open store' })).toHaveLength(2);
    expect(screen.getByText('5 events shown')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older events' })).not.toBeInTheDocument();
  });

  it('filters by type on the server, with the counts of the last 24 hours, and says how to get back when none matches', async () => {
    const { api, calls } = createFakeApi([store], {
      securityEvents: events.filter((event) => event.type !== 'store_moved'),
    });
    window.location.hash = '#/security';
    render(<App createApi={() => api} storage={signedIn()} />);
    const filter = screen.getByRole('group', { name: 'Filter by type' });
    expect(filter).toHaveAccessibleDescription('Numbers: the last 24 hours');
    const refused = await within(filter).findByRole('button', { name: 'Refused callbacks 2' });
    expect(within(filter).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(refused);
    expect(refused).toHaveAttribute('aria-pressed', 'true');
    const table = await screen.findByRole('table', { name: 'Security events (Refused callbacks), newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(calls).toContain(`security {"type":"callback_rejected","limit":${SECURITY_PAGE_SIZE}}`);
    await userEvent.click(within(filter).getByRole('button', { name: 'Moved stores 0' }));
    expect(await screen.findByRole('heading', { name: 'No event of this type' })).toBeInTheDocument();
    expect(screen.getByText(/No moved stores recorded/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show all events' }));
    expect(await screen.findByRole('table', { name: 'Security events, newest first' })).toBeInTheDocument();
  });

  it('loads older events with the before cursor', async () => {
    const many = Array.from({ length: SECURITY_PAGE_SIZE + 3 }, (_, i) => makeSecurityEvent(i + 1));
    const { api, calls } = createFakeApi([store], { securityEvents: many });
    window.location.hash = '#/security';
    render(<App createApi={() => api} storage={signedIn()} />);
    const table = await screen.findByRole('table', { name: 'Security events, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(SECURITY_PAGE_SIZE + 1);
    await userEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    expect(await screen.findByText(`${SECURITY_PAGE_SIZE + 3} events shown`)).toBeInTheDocument();
    expect(calls).toContain(
      `security {"type":"","limit":${SECURITY_PAGE_SIZE},"before":"${many[SECURITY_PAGE_SIZE - 1].occurredAt}"}`,
    );
    expect(screen.queryByRole('button', { name: 'Show older events' })).not.toBeInTheDocument();
  });

  it('says what will appear when the log is empty', async () => {
    const { api } = createFakeApi([store]);
    window.location.hash = '#/security';
    render(<App createApi={() => api} storage={signedIn()} />);
    expect(await screen.findByRole('heading', { name: 'No security events' })).toBeInTheDocument();
    expect(screen.getByText(/wrong consumer secret/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /refused callback/ })).not.toBeInTheDocument();
  });

  it('shows a loading state, then an error with the hint and a retry', async () => {
    const failing = createFakeApi([store], {
      securityFailWith: new AdminApiError(
        'The integration service cannot be reached.',
        0,
        null,
        'Start it with npm start.',
      ),
    });
    let current = failing.api;
    window.location.hash = '#/security';
    render(
      <App
        createApi={() => ({ ...failing.api, listSecurityEvents: (query) => current.listSecurityEvents(query) })}
        storage={signedIn()}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading security events…');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The security events could not be loaded');
    expect(alert).toHaveTextContent('Start it with npm start.');
    current = createFakeApi([store], { securityEvents: events }).api;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Security events, newest first' })).toBeInTheDocument();
  });

  it("shows a store's own security events on its page", async () => {
    const { api, calls } = createFakeApi([store], { securityEvents: events });
    window.location.hash = `#/stores/${store.id}`;
    render(<App createApi={() => api} storage={signedIn()} />);
    const region = await screen.findByRole('region', { name: 'Security events' });
    const table = await within(region).findByRole('table', { name: 'Security events of this store, newest first' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[1].textContent),
    ).toEqual(['Callback refused', 'Store moved']);
    expect(within(table).queryByRole('link')).not.toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'All security events' })).toHaveAttribute('href', '#/security');
    expect(calls).toContain(`security {"storeId":"${store.id}","limit":20}`);
  });

  it('routes #/security', () => {
    expect(parseRoute('#/security')).toEqual({ page: 'security' });
    expect(parseRoute('#/security?type=x')).toEqual({ page: 'security' });
    expect(parseRoute('#/securityx')).toEqual({ page: 'stores' });
  });
});

describe('rejected callbacks on the stores page', () => {
  it('lists the newest refused callbacks with their reason, source address and a link to the store', async () => {
    const { api, calls } = createFakeApi([store], { securityEvents: events });
    render(<App createApi={() => api} storage={signedIn()} />);
    const panel = await screen.findByRole('region', { name: 'Rejected callbacks' });
    await waitFor(() => expect(calls).toContain('rejected {"limit":5}'));
    const table = within(panel).getByRole('table', { name: 'Newest refused callbacks' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(panel).getByText(/2 in the last 24 hours/)).toBeInTheDocument();
    expect(within(panel).getByText('https://attacker.example.net/')).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'All security events' })).toHaveAttribute('href', '#/security');
  });

  it('is not shown when no callback was refused', async () => {
    const { api, calls } = createFakeApi([store], { securityEvents: [events[1]] });
    render(<App createApi={() => api} storage={signedIn()} />);
    await waitFor(() => expect(calls).toContain('rejected {"limit":5}'));
    expect(screen.queryByRole('region', { name: 'Rejected callbacks' })).not.toBeInTheDocument();
  });
});
