import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeApi, makeStore } from '../testing/fake-api';
import { StoresPage } from './stores-page';

describe('stores page: adding a SaaS store', () => {
  it('opens the form, registers the store and shows it in the list', async () => {
    const { api, calls } = createFakeApi([makeStore(1)]);
    render(<StoresPage api={api} />);
    await screen.findByRole('table');
    const toggle = screen.getByRole('button', { name: 'Add SaaS store' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('form', { name: /Cloud Service store/ })).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('form', { name: 'Add an Adobe Commerce as a Cloud Service store' });
    await userEvent.type(
      within(form).getByLabelText('Tenant REST URL'),
      'https://na1.api.commerce.adobe.com/NewTenant/',
    );
    await userEvent.type(within(form).getByLabelText('Client ID'), 'c0ffee');
    await userEvent.type(within(form).getByLabelText('Client secret'), 'p8e-secret');
    await userEvent.type(within(form).getByLabelText('Organization ID'), 'ORG@AdobeOrg');
    await userEvent.click(within(form).getByRole('button', { name: 'Register store' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(
      'Registered na1.api.commerce.adobe.com/NewTenant',
    );
    const row = (await screen.findByRole('link', { name: 'na1.api.commerce.adobe.com/NewTenant' })).closest('tr');
    expect(within(row as HTMLElement).getByText('Adobe IMS')).toBeInTheDocument();
    expect(calls.filter((call) => call.startsWith('register'))).toEqual([
      'register {"url":"https://na1.api.commerce.adobe.com/NewTenant/","clientId":"c0ffee","clientSecret":"(secret)","orgId":"ORG@AdobeOrg"}',
    ]);
  });
});

describe('stores page: counts per status', () => {
  it('shows the counts of one request and lists a page of stores from the server', async () => {
    const stores = [
      ...Array.from({ length: 30 }, (_, i) => makeStore(i + 1)),
      makeStore(31, { status: 'failed' }),
      makeStore(32, { status: 'revoked' }),
    ];
    const { api, calls } = createFakeApi(stores);
    render(<StoresPage api={api} />);
    await screen.findByRole('table');
    const filter = screen.getByRole('group', { name: 'Filter by status' });
    expect(await within(filter).findByRole('button', { name: 'All 32' })).toBeInTheDocument();
    expect(within(filter).getByRole('button', { name: 'Failed 1' })).toBeInTheDocument();
    expect(calls.filter((call) => call === 'counts')).toHaveLength(1);
    expect(calls.filter((call) => call.startsWith('list'))).toEqual([
      'list {"search":"","status":"","page":1,"pageSize":25}',
    ]);
    expect(screen.getAllByRole('row')).toHaveLength(26);
  });
});
