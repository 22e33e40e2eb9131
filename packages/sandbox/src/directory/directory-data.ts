/**
 * The sandbox's directory data, as Magento installs it
 * (`Magento\Directory\Setup\Patch\Data\InitializeDirectoryData`): `[country_id, iso2_code, iso3_code]`
 * of the countries the stores allow (`general/country/allow`, here a subset of Magento's default list),
 * and Magento's shipped currency rates. docs/magento-behaviour.md §9.
 */
export const SANDBOX_COUNTRIES: ReadonlyArray<readonly [string, string, string]> = [
  ['AT', 'AT', 'AUT'],
  ['CA', 'CA', 'CAN'],
  ['DE', 'DE', 'DEU'],
  ['FR', 'FR', 'FRA'],
  ['GB', 'GB', 'GBR'],
  ['JP', 'JP', 'JPN'],
  ['NL', 'NL', 'NLD'],
  ['NZ', 'NZ', 'NZL'],
  ['US', 'US', 'USA'],
];

/** `directory_currency_rate` as installed: `[currency_from, currency_to, rate]`. */
export const MAGENTO_CURRENCY_RATES: ReadonlyArray<readonly [string, string, number]> = [
  ['EUR', 'EUR', 1],
  ['EUR', 'USD', 1.415],
  ['USD', 'EUR', 0.7067],
  ['USD', 'USD', 1],
];
