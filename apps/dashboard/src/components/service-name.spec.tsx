import { render, screen } from '@testing-library/react';
import { AdminApiError } from '../api/admin-api';
import { App } from '../app';
import { createFakeApi, makeStore } from '../testing/fake-api';
import { ServiceName } from './service-name';

const signedIn = () => {
  const data = new Map([['magekit.adminToken', 't']]);
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

describe('the service name in the header', () => {
  it("shows a generated app's name with its version on hover", async () => {
    const { api } = createFakeApi([makeStore(1)], { service: { name: 'acme-sync', version: '1.2.3' } });
    render(<App createApi={() => api} storage={signedIn()} />);
    const banner = await screen.findByRole('banner');
    const name = await screen.findByText('acme-sync');
    expect(banner).toContainElement(name);
    expect(name.closest('.service-name')).toHaveAttribute('title', 'acme-sync 1.2.3');
    expect(banner).toHaveTextContent('Service: acme-sync');
  });

  it('shows the main service as "magekit integration service"', async () => {
    const { api } = createFakeApi([]);
    render(<App createApi={() => api} storage={signedIn()} />);
    expect(await screen.findByText('magekit integration service')).toBeInTheDocument();
  });

  it('shows nothing when the service cannot say (an older service without GET /api/service)', async () => {
    const { api } = createFakeApi([]);
    const failing = { ...api, getService: () => Promise.reject(new AdminApiError('Not found', 404)) };
    const { container } = render(<ServiceName api={failing} />);
    await Promise.resolve();
    expect(container).toBeEmptyDOMElement();
  });
});
