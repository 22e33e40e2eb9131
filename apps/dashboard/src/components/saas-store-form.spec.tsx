import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminApiError } from '../api/admin-api';
import type { SaasStoreInput } from '../api/types';
import { createFakeApi, makeDetail, makeSaasStore } from '../testing/fake-api';
import { SaasStoreForm } from './saas-store-form';

const SECRET = 'p8e-TopSecretValue0123456789abcdef';

async function fillRequired() {
  await userEvent.type(screen.getByLabelText('Tenant REST URL'), 'https://na1.api.commerce.adobe.com/Tenant7/');
  await userEvent.type(screen.getByLabelText('Client ID'), '0123456789abcdef0123456789abcdef');
  await userEvent.type(screen.getByLabelText('Client secret'), SECRET);
  await userEvent.type(screen.getByLabelText('Organization ID'), '0123456789ABCDEF01234567@AdobeOrg');
}

describe('SaaS store form', () => {
  it('registers the tenant URL and credential, clears the secret and says the store is active', async () => {
    const sent: SaasStoreInput[] = [];
    const { api } = createFakeApi([], {
      registerSaas: async (input) => {
        sent.push(input);
        const store = makeSaasStore(7, { storeBaseUrl: input.url });
        return { created: true, outcome: 'ok', store: makeDetail(store) };
      },
    });
    const registered = jest.fn();
    render(<SaasStoreForm api={api} onRegistered={registered} />);
    expect(screen.getByLabelText('Client secret')).toHaveAttribute('type', 'password');
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Register store' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Registered na1.api.commerce.adobe.com/Tenant7: active, the IMS credential works.',
    );
    expect(within(screen.getByRole('status')).getByRole('link', { name: 'Open the store' })).toHaveAttribute(
      'href',
      '#/stores/00000000-0000-4000-8000-000000000007',
    );
    expect(sent).toEqual([
      {
        url: 'https://na1.api.commerce.adobe.com/Tenant7/',
        clientId: '0123456789abcdef0123456789abcdef',
        clientSecret: SECRET,
        orgId: '0123456789ABCDEF01234567@AdobeOrg',
      },
    ]);
    expect(registered).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Client secret')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('sends scopes and the IMS token URL from "More options" only when given', async () => {
    const sent: SaasStoreInput[] = [];
    const { api } = createFakeApi([], {
      registerSaas: async (input) => {
        sent.push(input);
        return { created: false, outcome: 'ok', store: makeDetail(makeSaasStore(7)) };
      },
    });
    render(<SaasStoreForm api={api} onRegistered={() => undefined} />);
    await fillRequired();
    await userEvent.click(screen.getByText('More options'));
    await userEvent.type(screen.getByLabelText('Scopes'), 'AdobeID, openid commerce.accs');
    await userEvent.type(screen.getByLabelText('IMS token URL'), 'http://127.0.0.1:9000/ims/token/v3');
    await userEvent.click(screen.getByRole('button', { name: 'Register store' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Replaced the credential of na1\.api\.commerce/);
    expect(sent[0]).toMatchObject({
      scopes: ['AdobeID', 'openid', 'commerce.accs'],
      tokenUrl: 'http://127.0.0.1:9000/ims/token/v3',
    });
  });

  it("shows the service's refusal and marks each field it names, keeping what was typed", async () => {
    const refusals = [
      new AdminApiError('Invalid SaaS store: url must be …; clientId must be …', 400, 'INVALID_INPUT', 'Give url, …', {
        problems: { url: 'must be the tenant’s REST URL', clientId: 'must be printable' },
      }),
      new AdminApiError(
        'IMS token URL refused: 10.0.0.1 resolves to 10.0.0.1, a private address.',
        400,
        'STORE_URL_REFUSED',
        null,
        {
          field: 'tokenUrl',
        },
      ),
    ];
    const { api } = createFakeApi([], {
      registerSaas: async () => {
        throw refusals.shift();
      },
    });
    render(<SaasStoreForm api={api} onRegistered={() => undefined} />);
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Register store' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid SaaS store: url must be …');
    expect(screen.getByLabelText('Tenant REST URL')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Tenant REST URL')).toHaveAccessibleDescription(
      /Tenant REST URL must be the tenant’s REST URL/,
    );
    expect(screen.getByLabelText('Client ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Organization ID')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Client secret')).toHaveValue(SECRET);

    await userEvent.click(screen.getByRole('button', { name: 'Register store' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('IMS token URL refused');
    expect(screen.getByLabelText('IMS token URL')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Tenant REST URL')).not.toHaveAttribute('aria-invalid');
  });

  it('says so when IMS refused the credential', async () => {
    const { api } = createFakeApi([], {
      registerSaas: async () => ({
        created: true,
        outcome: 'rejected',
        store: makeDetail(
          makeSaasStore(7, {
            status: 'failed',
            statusCode: 'IMS_CLIENT_REJECTED',
            statusReason: 'IMS refused the client credentials (HTTP 401: invalid_client).',
          }),
        ),
      }),
    });
    render(<SaasStoreForm api={api} onRegistered={() => undefined} />);
    await fillRequired();
    await userEvent.click(screen.getByRole('button', { name: 'Register store' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('but its first probe failed: IMS refused');
    expect(status).toHaveClass('notice-bad');
  });
});
