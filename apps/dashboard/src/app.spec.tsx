import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './app';
import { createFakeApi, makeDetail, makeStore } from './testing/fake-api';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

beforeEach(() => {
  window.location.hash = '';
});

describe('App', () => {
  it('signs in with a valid token, refuses a bad one, and never renders the token', async () => {
    const storage = memoryStorage();
    const createApi = (token: string) => ({ ...createFakeApi([makeStore(1)], { token }).api });
    render(<App createApi={createApi} storage={storage} />);
    await userEvent.type(screen.getByLabelText('API token'), 'bad');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not valid');
    await userEvent.clear(screen.getByLabelText('API token'));
    await userEvent.type(screen.getByLabelText('API token'), 'good');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Stores' })).toBeInTheDocument();
    expect(storage.data.get('magekit.adminToken')).toBe('good');
    expect(document.body.textContent).not.toContain('good');
  });

  it('lists stores with status, views and errors, filters by status on the server, and pages', async () => {
    const stores = [
      ...Array.from({ length: 30 }, (_, i) => makeStore(i + 1)),
      makeStore(99, { status: 'failed', lastError: 'Consumer key has expired' }),
    ];
    const { api, calls } = createFakeApi(stores);
    render(<App createApi={() => api} storage={memoryStorage({ 'magekit.adminToken': 't' })} />);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    expect(screen.getByText(/Page 1 of 2 · 31 stores/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/Page 2 of 2/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Filter by status'), 'failed');
    expect(await screen.findByText('Consumer key has expired')).toBeInTheDocument();
    expect(screen.getByText(/Page 1 of 1 · 1 stores/)).toBeInTheDocument();
    expect(calls.at(-1)).toBe('list {"q":"","status":"failed","page":1,"pageSize":25}');
  });

  it('tells a new vendor what to do when there are no stores', async () => {
    const { api } = createFakeApi([]);
    render(<App createApi={() => api} storage={memoryStorage({ 'magekit.adminToken': 't' })} />);
    expect(await screen.findByText('No stores yet')).toBeInTheDocument();
    expect(screen.getByText(/Callback URL and Identity link URL/)).toBeInTheDocument();
  });

  it('shows an error state with a retry', async () => {
    const { api } = createFakeApi([], { failWith: new Error('The integration service cannot be reached. Is it running?') });
    render(<App createApi={() => api} storage={memoryStorage({ 'magekit.adminToken': 't' })} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('cannot be reached');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows a store with its timeline, missing resources highlighted, and actions', async () => {
    const store = makeStore(7, { status: 'needs_reauth' });
    const detail = makeDetail(store, {
      timeline: [
        { at: '2026-11-20T10:00:00.000Z', type: 'callback_received', ok: true, message: null, hint: null },
        { at: '2026-11-20T10:06:00.000Z', type: 'request_token', ok: false, message: 'Consumer key has expired', hint: 'Ask the merchant to click Reauthorize.' },
      ],
    });
    const { api, calls } = createFakeApi([store], { details: { 'store-7': detail } });
    window.location.hash = '#/stores/store-7';
    render(<App createApi={() => api} storage={memoryStorage({ 'magekit.adminToken': 't' })} />);
    expect(await screen.findByRole('heading', { name: 'shop7.example.com' })).toBeInTheDocument();
    expect(screen.getByText('Needs reauthorization')).toBeInTheDocument();
    expect(screen.getByText(/Consumer key has expired/)).toBeInTheDocument();
    expect(screen.getByText(/Ask the merchant to click Reauthorize/)).toBeInTheDocument();
    const missing = screen.getByText('Operations').closest('li');
    expect(missing).toHaveClass('resource-missing');
    expect(screen.getByText(/1 of 2 needed resources are missing/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Probe now' }));
    await waitFor(() => expect(calls).toContain('probe store-7'));
    expect(await screen.findByRole('status')).toHaveTextContent('Probe: done.');
  });
});
