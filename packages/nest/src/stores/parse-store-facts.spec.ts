import { parseStoreFacts } from './parse-store-facts';

describe('store facts from /V1/store/storeConfigs', () => {
  it('reads store views and distinct base URLs', () => {
    const body = [
      {
        id: 1,
        code: 'default',
        website_id: 1,
        locale: 'en_US',
        base_currency_code: 'USD',
        timezone: 'America/Chicago',
        base_url: 'http://shop.test/',
        secure_base_url: 'https://shop.test/',
      },
      {
        id: 2,
        code: 'fr',
        website_id: 1,
        locale: 'fr_FR',
        base_currency_code: 'EUR',
        timezone: 'Europe/Paris',
        base_url: 'http://shop.test/fr/',
        secure_base_url: 'https://shop.test/',
      },
      { code: 'broken' },
    ];
    expect(parseStoreFacts(body, '/V1/store/storeConfigs')).toEqual({
      probePath: '/V1/store/storeConfigs',
      storeViews: [
        {
          id: 1,
          code: 'default',
          websiteId: 1,
          locale: 'en_US',
          baseCurrency: 'USD',
          timezone: 'America/Chicago',
          baseUrl: 'http://shop.test/',
          secureBaseUrl: 'https://shop.test/',
        },
        {
          id: 2,
          code: 'fr',
          websiteId: 1,
          locale: 'fr_FR',
          baseCurrency: 'EUR',
          timezone: 'Europe/Paris',
          baseUrl: 'http://shop.test/fr/',
          secureBaseUrl: 'https://shop.test/',
        },
      ],
      baseUrls: ['http://shop.test/', 'https://shop.test/', 'http://shop.test/fr/'],
    });
  });

  it('gives no store views for other shapes', () => {
    expect(parseStoreFacts({ message: 'x' }, '/V1/modules')).toEqual({
      storeViews: [],
      baseUrls: [],
      probePath: '/V1/modules',
    });
  });
});
