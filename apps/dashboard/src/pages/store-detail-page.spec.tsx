import { render, screen, within } from '@testing-library/react';
import { createFakeApi, makeSaasStore, makeStore } from '../testing/fake-api';
import { StoreDetailPage } from './store-detail-page';

/** The value of a term in the store's facts list. */
function fact(term: string): string | null {
  const dt = within(screen.getByRole('region', { name: 'Store' })).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? null;
}

describe('store detail: authentication and edition', () => {
  it('an IMS store shows its credential (never a secret), no consumer key, no activation timeline, no reauthorization', async () => {
    const store = makeSaasStore(3);
    const { api } = createFakeApi([store]);
    render(<StoreDetailPage api={api} id={store.id} />);
    expect(
      await screen.findByRole('heading', { name: 'na1.api.commerce.adobe.com/Tenant3', level: 1 }),
    ).toBeInTheDocument();
    expect(fact('Authentication')).toBe('Adobe IMS');
    expect(fact('Edition')).toBe('Adobe Commerce as a Cloud Service');
    expect(screen.queryByText('Consumer key')).not.toBeInTheDocument();
    const credential = screen.getByRole('region', { name: 'IMS credential' });
    expect(within(credential).getByText(store.ims?.clientId ?? '')).toBeInTheDocument();
    expect(within(credential).getByText('0123456789ABCDEF01234567@AdobeOrg')).toBeInTheDocument();
    expect(within(credential).getByText('AdobeID, openid, commerce.accs')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Activation timeline' })).not.toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Store actions' });
    expect(within(actions).queryByRole('button', { name: 'Mark for reauth' })).not.toBeInTheDocument();
    expect(within(actions).getByRole('button', { name: 'Probe now' })).toBeEnabled();
  });

  it('an OAuth store shows its integration, edition, consumer key and activation timeline', async () => {
    const store = makeStore(4);
    const { api } = createFakeApi([store]);
    render(<StoreDetailPage api={api} id={store.id} />);
    expect(await screen.findByRole('heading', { name: 'shop4.example.com', level: 1 })).toBeInTheDocument();
    expect(fact('Authentication')).toBe('OAuth 1.0a integration');
    expect(fact('Edition')).toBe('Magento / Adobe Commerce');
    expect(fact('Consumer key')).toBe(store.consumerKey);
    expect(screen.getByRole('heading', { name: 'Activation timeline' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'IMS credential' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark for reauth' })).toBeInTheDocument();
  });
});
