/** What `/V1/directory/currency` reads from the request's store (`currency/options/*`, `general/locale/code`). */
export interface CurrencyScope {
  locale: string;
  baseCurrency: string;
  displayCurrency: string;
  /** `currency/options/allow`, in configured order. */
  allowedCurrencies: readonly string[];
}

/**
 * The locale a currency's symbol comes from: `Magento\Framework\Currency\Data\Currency::getSymbol()`
 * takes it from the currency's own locale (its `$displayLocale` map) and only falls back to the store's.
 */
const DISPLAY_LOCALE: Record<string, string> = { CAD: 'en_CA', JPY: 'ja_JP', MXN: 'es_MX', USD: 'en_GU' };

/** A currency's symbol from ICU, as `Currency::getCurrencySymbol()` gives it. */
export function currencySymbol(code: string, storeLocale: string): string {
  const locale = (DISPLAY_LOCALE[code] ?? storeLocale).replace('_', '-');
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: code }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/**
 * `CurrencyInformationAcquirer::getCurrencyInfo()` as the web API renders `CurrencyInformationInterface`:
 * the available codes are the allowed ones (`Store::getAvailableCurrencyCodes(true)`), each with the
 * base currency's rate to it (`Currency::getRate()`: 1 to itself, else the `directory_currency_rate`
 * row, and a missing row is `false`, rendered as the float 0).
 */
export function renderCurrencyInformation(
  scope: CurrencyScope,
  rateOf: (from: string, to: string) => number | null,
): Record<string, unknown> {
  const available = [...scope.allowedCurrencies];
  return {
    base_currency_code: scope.baseCurrency,
    base_currency_symbol: currencySymbol(scope.baseCurrency, scope.locale),
    default_display_currency_code: scope.displayCurrency,
    default_display_currency_symbol: currencySymbol(scope.displayCurrency, scope.locale),
    available_currency_codes: available,
    exchange_rates: available.map((code) => ({
      currency_to: code,
      rate: code === scope.baseCurrency ? 1 : (rateOf(scope.baseCurrency, code) ?? 0),
    })),
  };
}
