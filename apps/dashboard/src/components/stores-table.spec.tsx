import { render, screen, within } from '@testing-library/react';
import { makeSaasStore, makeStore } from '../testing/fake-api';
import { StoresTable } from './stores-table';

describe('stores table', () => {
  it("shows each store's authentication and edition; a SaaS store is named by host and tenant", () => {
    const items = [makeStore(1), makeSaasStore(2)];
    render(<StoresTable page={{ items, total: 2, page: 1, pageSize: 25 }} onPage={() => undefined} busy={false} />);
    const table = screen.getByRole('table', { name: /Stores, page 1 of 1/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers.slice(0, 4)).toEqual(['Store', 'Status', 'Authentication', 'Edition']);
    const [, oauth, saas] = within(table).getAllByRole('row');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(oauth).slice(1, 4)).toEqual(['Active', 'OAuth 1.0a integration', 'PaaS']);
    expect(cells(saas).slice(1, 4)).toEqual(['Active', 'Adobe IMS', 'SaaS']);
    expect(within(saas).getByRole('link', { name: 'na1.api.commerce.adobe.com/Tenant2' })).toHaveAttribute(
      'href',
      '#/stores/00000000-0000-4000-8000-000000000002',
    );
    expect(within(saas).getByText('SaaS')).toHaveAttribute('title', 'Adobe Commerce as a Cloud Service');
    expect(within(oauth).getByText('PaaS')).toHaveAttribute('title', 'Magento / Adobe Commerce');
  });
});
