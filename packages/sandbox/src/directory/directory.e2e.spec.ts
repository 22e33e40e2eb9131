import { startSandbox, type RunningSandbox } from '../testing';

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

describe('sandbox: Directory over HTTP (CountryInformationAcquirerInterface, CurrencyInformationAcquirerInterface)', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false });
  });
  afterAll(() => sandbox.close());

  /** An anonymous GET: no Authorization header, as a storefront or a first client example sends it. */
  async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${sandbox.baseUrl}${path}`, { headers });
    return { status: response.status, body: await response.json() };
  }

  it('GET /V1/directory/countries lists the allowed countries by id, without a token, even with seed: false', async () => {
    const answer = await get('rest/V1/directory/countries');
    expect(answer.status).toBe(200);
    expect(answer.body.map((country: { id: string }) => country.id)).toEqual([
      'AT',
      'CA',
      'DE',
      'FR',
      'GB',
      'JP',
      'NL',
      'NZ',
      'US',
    ]);
    const us = answer.body.find((country: { id: string }) => country.id === 'US');
    expect(Object.keys(us)).toEqual([
      'id',
      'two_letter_abbreviation',
      'three_letter_abbreviation',
      'full_name_locale',
      'full_name_english',
      'available_regions',
    ]);
    expect(us).toMatchObject({
      id: 'US',
      two_letter_abbreviation: 'US',
      three_letter_abbreviation: 'USA',
      full_name_locale: 'United States',
      full_name_english: 'United States',
    });
    expect(us.available_regions).toHaveLength(65);
    expect(us.available_regions[0]).toEqual({ id: '1', code: 'AL', name: 'Alabama' });
    expect(us.available_regions).toContainEqual({ id: '12', code: 'CA', name: 'California' });
    expect(us.available_regions).toContainEqual({ id: '57', code: 'TX', name: 'Texas' });
  });

  it('a country without regions has no available_regions; regions come in name order with string ids', async () => {
    const countries = (await get('rest/V1/directory/countries')).body as Array<Record<string, unknown>>;
    const gb = countries.find((country) => country['id'] === 'GB') as Record<string, unknown>;
    expect(gb).toEqual({
      id: 'GB',
      two_letter_abbreviation: 'GB',
      three_letter_abbreviation: 'GBR',
      full_name_locale: 'United Kingdom',
      full_name_english: 'United Kingdom',
    });
    const de = (await get('rest/V1/directory/countries/DE')).body;
    expect(de.available_regions.slice(0, 3)).toEqual([
      { id: '80', code: 'BAW', name: 'Baden-Württemberg' },
      { id: '81', code: 'BAY', name: 'Bayern' },
      { id: '82', code: 'BER', name: 'Berlin' },
    ]);
    expect(de.available_regions.map((region: { name: string }) => region.name)).toContain('Niedersachsen');
    const fr = (await get('rest/V1/directory/countries/FR')).body;
    expect(fr.available_regions).toHaveLength(96);
    const names = fr.available_regions.map((region: { name: string }) => region.name);
    expect(names.indexOf('Haut-Rhin')).toBeLessThan(names.indexOf('Haute-Corse'));
    expect(names.indexOf('Haute-Vienne')).toBeLessThan(names.indexOf('Hautes-Alpes'));
    expect(fr.available_regions[0]).toEqual({ id: '182', code: '1', name: 'Ain' });
  });

  it('an unknown or lower-case country id is 404 "Requested country is not available."', async () => {
    for (const id of ['XX', 'us'])
      expect(await get(`rest/V1/directory/countries/${id}`)).toEqual({
        status: 404,
        body: { message: 'Requested country is not available.' },
      });
  });

  it('the store code sets the locale of full_name_locale; all is the admin store (en_US); an unknown code is no store', async () => {
    const names = async (prefix: string) => {
      const body = (await get(`${prefix}V1/directory/countries/DE`)).body;
      return [body.full_name_locale, body.full_name_english];
    };
    expect(await names('rest/es_mx/')).toEqual(['Alemania', 'Germany']);
    expect(await names('rest/default/')).toEqual(['Germany', 'Germany']);
    expect(await names('rest/all/')).toEqual(['Germany', 'Germany']);
    expect(await names('index.php/rest/es_mx/')).toEqual(['Alemania', 'Germany']);
    expect(await get('rest/nostore/V1/directory/countries')).toEqual({
      status: 400,
      body: { message: 'Specified request cannot be processed.' },
    });
  });

  it('GET /V1/directory/currency reads the store: base and display currency, allowed codes, rates', async () => {
    const usd = {
      base_currency_code: 'USD',
      base_currency_symbol: '$',
      default_display_currency_code: 'USD',
      default_display_currency_symbol: '$',
      available_currency_codes: ['USD', 'EUR'],
      exchange_rates: [
        { currency_to: 'USD', rate: 1 },
        { currency_to: 'EUR', rate: 0.7067 },
      ],
    };
    expect(await get('rest/V1/directory/currency')).toEqual({ status: 200, body: usd });
    expect((await get('rest/all/V1/directory/currency')).body).toEqual(usd);
    const mx = await get('rest/es_mx/V1/directory/currency');
    expect(Object.keys(mx.body)).toEqual(Object.keys(usd));
    expect(mx.body).toEqual({
      base_currency_code: 'MXN',
      base_currency_symbol: '$',
      default_display_currency_code: 'MXN',
      default_display_currency_symbol: '$',
      available_currency_codes: ['MXN', 'USD'],
      exchange_rates: [
        { currency_to: 'MXN', rate: 1 },
        { currency_to: 'USD', rate: 0 },
      ],
    });
  });

  it('is anonymous: a wrong bearer or OAuth header does not matter (GuestAuthorization)', async () => {
    const bearer = await get('rest/V1/directory/currency', { authorization: 'Bearer not-a-token' });
    expect(bearer.status).toBe(200);
    const oauth = await get('rest/V1/directory/countries/US', { authorization: 'OAuth oauth_consumer_key="x"' });
    expect(oauth.status).toBe(200);
    expect(oauth.body.id).toBe('US');
  });
});
