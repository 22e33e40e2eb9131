import { bearerCaller, criteria, group, integrationCaller, type StoreCaller } from '../search/store-caller.test';
import { CUSTOMER_PASSWORD, startSandbox, type RunningSandbox } from '../testing';

describe('sandbox: customers over HTTP (CustomerRepositoryInterface)', () => {
  let sandbox: RunningSandbox;
  let admin: StoreCaller;

  beforeAll(async () => {
    sandbox = await startSandbox();
    admin = await integrationCaller(sandbox, 'all');
  });
  afterAll(() => sandbox.close());

  async function customerToken(email: string, password = CUSTOMER_PASSWORD): Promise<string> {
    const response = await fetch(`${sandbox.baseUrl}rest/V1/integration/customer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: email, password }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as string;
  }

  it('GET /V1/customers/:customerId renders CustomerInterface with its address', async () => {
    const answer = await admin.get('customers/2');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: 2,
      group_id: 1,
      default_billing: '2',
      default_shipping: '2',
      email: 'customer2@example.com',
      store_id: 1,
      website_id: 1,
      disable_auto_group_change: 0,
      created_in: 'Default Store View',
    });
    expect(Object.keys(answer.body).slice(0, 4)).toEqual(['id', 'group_id', 'default_billing', 'default_shipping']);
    expect(answer.body.addresses).toEqual([
      expect.objectContaining({
        id: 2,
        customer_id: 2,
        country_id: 'US',
        default_billing: true,
        default_shipping: true,
        street: [expect.any(String)],
      }),
    ]);
    expect(await admin.get('customers/999')).toEqual({
      status: 404,
      body: {
        message: 'No such entity with %fieldName = %fieldValue',
        parameters: { fieldName: 'customerId', fieldValue: 999 },
      },
    });
    expect((await admin.get('customers/abc')).status).toBe(400);
  });

  it('GET /V1/customers/search filters, sorts and pages', async () => {
    const one = await admin.get('customers/search', criteria(...group(0, ['email', 'CUSTOMER3@example.com'])));
    expect(one.body.items.map((c: { id: number }) => c.id)).toEqual([3]);
    const like = await admin.get(
      'customers/search',
      criteria(
        ...group(0, ['email', 'customer%', 'like']),
        ['[sortOrders][0][field]', 'entity_id'],
        ['[sortOrders][0][direction]', 'DESC'],
        ['[pageSize]', 2],
      ),
    );
    expect(like.body.items.map((c: { id: number }) => c.id)).toEqual([5, 4]);
    expect(like.body.total_count).toBe(5);
    const byName = await admin.get(
      'customers/search',
      criteria(...group(0, ['firstname', one.body.items[0].firstname])),
    );
    expect(byName.body.items.map((c: { firstname: string }) => c.firstname)).toEqual(
      expect.arrayContaining([one.body.items[0].firstname]),
    );
    expect(byName.body.items.every((c: { firstname: string }) => c.firstname === one.body.items[0].firstname)).toBe(
      true,
    );
  });

  it('GET /V1/customers/me as a customer is that customer; PUT /me updates it, keeping its scopes', async () => {
    const me = bearerCaller(sandbox, await customerToken('customer4@example.com'));
    const mine = await me.get('customers/me');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: 4, email: 'customer4@example.com' });
    const saved = await me.call('PUT', 'customers/me', {
      body: {
        customer: {
          id: 1,
          email: 'customer4@example.com',
          firstname: 'Renamed',
          lastname: mine.body.lastname,
          group_id: 3,
          website_id: 2,
        },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      id: 4,
      firstname: 'Renamed',
      group_id: 1,
      website_id: 1,
      created_at: mine.body.created_at,
    });
    expect(saved.body.addresses).toEqual(mine.body.addresses);
    expect((await admin.get('customers/1')).body.firstname).not.toBe('Renamed');
  });

  it('PUT /me refuses a missing name or an e-mail another customer has', async () => {
    const me = bearerCaller(sandbox, await customerToken('customer5@example.com'));
    expect(
      await me.call('PUT', 'customers/me', { body: { customer: { email: 'customer5@example.com', lastname: 'X' } } }),
    ).toEqual({ status: 400, body: { message: '"First Name" is a required value.' } });
    expect(
      await me.call('PUT', 'customers/me', {
        body: { customer: { email: 'customer1@example.com', firstname: 'A', lastname: 'B' } },
      }),
    ).toEqual({
      status: 400,
      body: { message: 'A customer with the same email address already exists in an associated website.' },
    });
    expect(await me.call('PUT', 'customers/me', { body: {} })).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'customer' } },
    });
  });

  it('a customer cannot read another customer by id (Magento_Customer::customer is not self)', async () => {
    const me = bearerCaller(sandbox, await customerToken('customer2@example.com'));
    expect(await me.get('customers/3')).toEqual({
      status: 401,
      body: {
        message: "The consumer isn't authorized to access %resources.",
        parameters: { resources: 'Magento_Customer::customer' },
      },
    });
  });

  it('/me for an integration: refused without "all"; with "all" the forced customerId is null, a missing required field', async () => {
    const limited = await integrationCaller(sandbox, ['Magento_Customer::customer']);
    expect(await limited.get('customers/me')).toEqual({
      status: 401,
      body: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'self' } },
    });
    expect(await admin.get('customers/me')).toEqual({
      status: 400,
      body: { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'customerId' } },
    });
  });

  it('PUT /me for a non-customer with "all": the id is forced to null, so the save creates a customer', async () => {
    const taken = await admin.call('PUT', 'customers/me', {
      body: { customer: { email: 'customer1@example.com', firstname: 'A', lastname: 'B' } },
    });
    expect(taken.status).toBe(400);
    const created = await admin.call('PUT', 'customers/me', {
      body: {
        customer: {
          id: 2,
          email: 'fresh@example.com',
          firstname: 'Fresh',
          lastname: 'Customer',
          addresses: [
            {
              firstname: 'Fresh',
              lastname: 'Customer',
              street: ['1 Main St'],
              city: 'Austin',
              country_id: 'US',
              postcode: '78701',
              telephone: '555',
              default_billing: true,
            },
          ],
        },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 6, email: 'fresh@example.com', website_id: 1, group_id: 1, store_id: 1 });
    expect(created.body.addresses[0]).toMatchObject({ id: 6, customer_id: 6 });
    expect(created.body.default_billing).toBe('6');
    expect((await admin.get('customers/2')).body.email).toBe('customer2@example.com');
  });
});
