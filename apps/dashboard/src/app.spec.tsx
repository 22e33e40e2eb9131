import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminApiError } from './api/admin-api';
import { App } from './app';
import { createFakeApi, makeActivation, makeDetail, makeStore } from './testing/fake-api';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}
const signedIn = () => memoryStorage({ 'magekit.adminToken': 't' });

beforeEach(() => {
  window.location.hash = '';
});

describe('sign-in', () => {
  it('accepts a valid token, refuses a bad one with what to do, and never renders the token', async () => {
    const storage = memoryStorage();
    const createApi = (token: string) => createFakeApi([makeStore(1)], { token }).api;
    render(<App createApi={createApi} storage={storage} />);
    await userEvent.type(screen.getByLabelText('API token'), 'bad-token');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not valid.*magekit tokens create/);
    expect(screen.getByLabelText('API token')).toHaveAttribute('type', 'password');
    await userEvent.clear(screen.getByLabelText('API token'));
    await userEvent.type(screen.getByLabelText('API token'), 'good-token{Enter}');
    expect(await screen.findByRole('heading', { name: 'Stores', level: 1 })).toBeInTheDocument();
    expect(storage.data.get('magekit.adminToken')).toBe('good-token');
    expect(document.body.innerHTML).not.toContain('good-token');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByLabelText('API token')).toHaveValue('');
    expect(storage.data.has('magekit.adminToken')).toBe(false);
  });
});

describe('stores page', () => {
  it('lists stores with status, views, last error and counts; filters by status on the server and pages', async () => {
    const stores = [
      ...Array.from({ length: 30 }, (_, i) => makeStore(i + 1)),
      makeStore(99, {
        status: 'failed',
        statusCode: 'CONSUMER_EXPIRED',
        statusReason: 'Consumer key has expired',
        activatedAt: null,
        signatureProfile: 'laminas',
      }),
    ];
    const { api, calls } = createFakeApi(stores);
    render(<App createApi={() => api} storage={signedIn()} />);
    const table = await screen.findByRole('table', { name: /Stores, page 1 of 2/ });
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(within(table).getByRole('link', { name: 'shop1.example.com' })).toHaveAttribute(
      'href',
      '#/stores/00000000-0000-4000-8000-000000000001',
    );
    expect(screen.getByText(/Page 1 of 2 · 31 stores/)).toBeInTheDocument();
    const filter = screen.getByRole('group', { name: 'Filter by status' });
    expect(await within(filter).findByRole('button', { name: 'Failed 1' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(filter).getByRole('button', { name: 'All 31' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/Page 2 of 2/)).toBeInTheDocument();
    await userEvent.click(within(filter).getByRole('button', { name: 'Failed 1' }));
    expect(await screen.findByText('Consumer key has expired')).toBeInTheDocument();
    expect(screen.getByText('CONSUMER_EXPIRED')).toBeInTheDocument();
    expect(screen.getByText('2.4.4–2.4.6')).toBeInTheDocument();
    expect(screen.getByText(/Page 1 of 1 · 1 store$/)).toBeInTheDocument();
    expect(calls.at(-1)).toBe('list {"search":"","status":"failed","page":1,"pageSize":25}');
  });

  it('searches on the server as you type, and says how to get back when nothing matches', async () => {
    const { api, calls } = createFakeApi([makeStore(1), makeStore(2, { storeBaseUrl: 'https://outlet.example.org/' })]);
    render(<App createApi={() => api} storage={signedIn()} />);
    await screen.findByRole('table');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search stores' }), 'outlet');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'shop1.example.com' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'outlet.example.org' })).toBeInTheDocument();
    expect(calls).toContain('list {"search":"outlet","status":"","page":1,"pageSize":25}');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search stores' }), 'x');
    expect(await screen.findByRole('heading', { name: 'No store matches' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'show all stores' }));
    expect(await screen.findByRole('link', { name: 'shop1.example.com' })).toBeInTheDocument();
  });

  it('tells a new vendor what to do when there are no stores yet', async () => {
    const { api } = createFakeApi([]);
    render(<App createApi={() => api} storage={signedIn()} />);
    expect(await screen.findByRole('heading', { name: 'No stores yet' })).toBeInTheDocument();
    expect(screen.getByText(/Callback URL/)).toBeInTheDocument();
    expect(screen.getByText(/No activation in the last 30 days/)).toBeInTheDocument();
  });

  it('shows an error with the hint and a retry that loads again', async () => {
    const failing = createFakeApi([makeStore(1)], {
      failWith: new AdminApiError('The integration service cannot be reached.', 0, null, 'Start it with npm start.'),
    });
    let current = failing.api;
    render(
      <App
        createApi={() => ({ ...failing.api, listStores: (query) => current.listStores(query) })}
        storage={signedIn()}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('cannot be reached');
    expect(alert).toHaveTextContent('Start it with npm start.');
    current = createFakeApi([makeStore(1)]).api;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'shop1.example.com' })).toBeInTheDocument();
  });

  it('charts activations per day with a text summary and a table for screen readers', async () => {
    const points = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      started: i === 29 ? 3 : i === 3 ? 1 : 0,
      failed: i === 29 ? 1 : 0,
    }));
    const { api } = createFakeApi([makeStore(1)], { activity: { days: 30, points } });
    render(<App createApi={() => api} storage={signedIn()} />);
    expect(
      await screen.findByRole('img', { name: '4 activations started and 1 failed over the last 30 days' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Days with activations' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['Day (UTC)StartedFailed', '2026-11-0410', '2026-11-3031']);
  });

  it('refreshes while a store is activating, until it is active', async () => {
    jest.useFakeTimers();
    try {
      const store = makeStore(5, { status: 'activating', activatedAt: null });
      const { api } = createFakeApi([store]);
      render(<App createApi={() => api} storage={signedIn()} />);
      const table = await screen.findByRole('table');
      expect(within(table).getByText('Activating')).toBeInTheDocument();
      store.status = 'active';
      await act(async () => void jest.advanceTimersByTime(3100));
      expect(await within(table).findByText('Active')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('store detail', () => {
  it('shows the timeline with Magento’s message and the hint, token health, missing resources first, failed calls and actions', async () => {
    const store = makeStore(7, {
      status: 'needs_reauth',
      statusCode: 'TOKEN_REVOKED',
      statusReason: 'The store rejected the token: The access token has been revoked.',
      statusHint: 'Ask the merchant to click Reauthorize.',
    });
    const detail = makeDetail(store, {
      tokenHealth: {
        state: 'rejected',
        checkedAt: '2026-11-22T09:00:00.000Z',
        code: 'TOKEN_REVOKED',
        message: 'The store rejected the token.',
        hint: 'Ask the merchant to click Reauthorize.',
      },
    });
    const activation = makeActivation();
    activation.events.push({
      position: 4,
      type: 'needs_reauth',
      message: 'The store rejected the token: The access token has been revoked.',
      code: 'TOKEN_REVOKED',
      hint: 'Ask the merchant to click Reauthorize.',
      occurredAt: '2026-11-22T09:00:00.000Z',
    });
    const failedCalls = [
      {
        id: 'f1',
        occurredAt: '2026-11-22T09:00:00.000Z',
        method: 'GET',
        path: '/rest/V1/store/storeConfigs',
        status: 401,
        code: 'TOKEN_REVOKED',
        message: 'The access token has been revoked.',
        hint: null,
        attempts: 1,
        baseString: 'GET&https%3A%2F%2Fshop7.example.com%2Frest%2FV1%2Fstore%2FstoreConfigs&oauth_token%3D[masked]',
        signatureProfile: 'latest',
      },
    ];
    const { api, calls } = createFakeApi([store], {
      details: { [store.id]: detail },
      activations: { [store.id]: [activation, makeActivation({ id: 'a0', state: 'failed' })] },
      failedCalls: { [store.id]: failedCalls },
    });
    window.location.hash = `#/stores/${store.id}`;
    render(<App createApi={() => api} storage={signedIn()} />);
    expect(await screen.findByRole('heading', { name: 'shop7.example.com', level: 1 })).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Activation timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.event-title')?.textContent)
        .slice(0, 5),
    ).toEqual([
      'Callback received from Magento',
      'Request token obtained',
      'Access token obtained',
      'Store active: the token works',
      'Needs reauthorization',
    ]);
    expect(within(timeline).getByText(/The access token has been revoked/)).toBeInTheDocument();
    expect(within(timeline).getAllByText(/Ask the merchant to click Reauthorize/)).toHaveLength(1);
    expect(within(timeline).getByText('1 earlier activation')).toBeInTheDocument();
    expect(screen.getByText('Rejected by the store')).toBeInTheDocument();
    const resources = screen.getByRole('region', { name: 'Required resources' });
    const items = within(resources).getAllByRole('listitem');
    expect(items[0]).toHaveClass('resource-refused');
    expect(items[0]).toHaveTextContent('View Magento_Sales::actions_view (missing)');
    expect(within(resources).getByText(/1 of 2 needed resources are missing/)).toBeInTheDocument();
    const failed = screen.getByRole('region', { name: 'Recent failed calls' });
    expect(within(failed).getByText('GET /rest/V1/store/storeConfigs')).toBeInTheDocument();
    expect(within(failed).getByText(/oauth_token%3D\[masked\]/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Probe now' }));
    await waitFor(() => expect(calls).toContain(`probe ${store.id}`));
    expect(await screen.findByRole('status')).toHaveTextContent('Probe: the token works.');
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(calls).not.toContain(`revoke ${store.id}`);
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(calls).toContain(`revoke ${store.id}`));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('The stored tokens are deleted'));
    confirm.mockRestore();
  });

  it('says when a store does not exist, with a way back', async () => {
    const { api } = createFakeApi([]);
    window.location.hash = '#/stores/nope';
    render(<App createApi={() => api} storage={signedIn()} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('No store with id "nope".');
    expect(screen.getByRole('link', { name: '← All stores' })).toHaveAttribute('href', '#/stores');
  });

  it('is keyboard operable: skip link, filter buttons and store links in tab order', async () => {
    const { api } = createFakeApi([makeStore(1)]);
    render(<App createApi={() => api} storage={signedIn()} />);
    await screen.findByRole('link', { name: 'shop1.example.com' });
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('searchbox', { name: 'Search stores' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Add SaaS store' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: /^All/ })).toHaveFocus();
    await userEvent.tab();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('button', { name: /^Active/ })).toHaveAttribute('aria-pressed', 'true');
  });
});
