import { currencySymbol, renderCurrencyInformation } from './currency-information';

describe('renderCurrencyInformation (CurrencyInformationAcquirer::getCurrencyInfo)', () => {
  it('rates the base currency to each allowed one: 1 to itself, the stored rate, 0 for a missing row', () => {
    const asked: string[] = [];
    const info = renderCurrencyInformation(
      { locale: 'en_US', baseCurrency: 'USD', displayCurrency: 'EUR', allowedCurrencies: ['USD', 'EUR', 'GBP'] },
      (from, to) => {
        asked.push(`${from}>${to}`);
        return to === 'EUR' ? 0.7067 : null;
      },
    );
    expect(info).toEqual({
      base_currency_code: 'USD',
      base_currency_symbol: '$',
      default_display_currency_code: 'EUR',
      default_display_currency_symbol: '€',
      available_currency_codes: ['USD', 'EUR', 'GBP'],
      exchange_rates: [
        { currency_to: 'USD', rate: 1 },
        { currency_to: 'EUR', rate: 0.7067 },
        { currency_to: 'GBP', rate: 0 },
      ],
    });
    expect(asked).toEqual(['USD>EUR', 'USD>GBP']);
  });
});

describe('currencySymbol (Currency\\Data\\Currency::getSymbol)', () => {
  it("takes the symbol from the currency's own locale when Magento maps one, else from the store's", () => {
    expect(currencySymbol('USD', 'es_MX')).toBe('$');
    expect(currencySymbol('MXN', 'en_US')).toBe('$');
    expect(currencySymbol('EUR', 'en_US')).toBe('€');
    expect(currencySymbol('EUR', 'es_MX')).toBe('EUR');
  });
});
