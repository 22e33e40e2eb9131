import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MagentoException } from '../common/magento-exception';
import { SqlService } from '../search/sql.service';
import { DEFAULT_SCOPE_CONFIG, resolveStoreView } from '../stores/store-catalog';
import { renderCountryInformation, type CountryRow, type RegionRow } from './country-information';
import { renderCurrencyInformation, type CurrencyScope } from './currency-information';
import { seedDirectoryIfEmpty } from './directory-seeder';

/** `CountryInformationAcquirer::getCountryInfo()`'s `NoSuchEntityException` (404). */
export const COUNTRY_NOT_AVAILABLE = 'Requested country is not available.';

/**
 * `Magento\Directory\Api\CountryInformationAcquirerInterface` and `CurrencyInformationAcquirerInterface`
 * on the `directory_*` tables, for the request's store (its locale and currency configuration).
 * docs/magento-behaviour.md §9.
 */
@Injectable()
export class DirectoryService implements OnModuleInit {
  constructor(private readonly sql: SqlService) {}

  onModuleInit(): void {
    seedDirectoryIfEmpty(this.sql.runner);
  }

  /** `getCountriesInfo()`: the store's allowed countries by `country_id`, each with its regions. */
  countries(storeCode: string | null): Record<string, unknown>[] {
    const locale = this.scope(storeCode).locale;
    const regions = this.regionsByCountry();
    return this.sql.runner
      .all<CountryRow>('SELECT country_id, iso2_code, iso3_code FROM directory_country ORDER BY country_id')
      .map((country) => renderCountryInformation(country, regions.get(country.country_id) ?? [], locale));
  }

  /**
   * `getCountryInfo($countryId)`: the id is matched exactly (`Collection::getItemById()`, case-sensitive).
   * @throws MagentoException 404 `Requested country is not available.`
   */
  country(storeCode: string | null, countryId: string): Record<string, unknown> {
    const country = this.sql.runner.get<CountryRow>(
      'SELECT country_id, iso2_code, iso3_code FROM directory_country WHERE country_id = ?',
      [countryId],
    );
    if (country === undefined || country.country_id !== countryId)
      throw new MagentoException(404, COUNTRY_NOT_AVAILABLE);
    return renderCountryInformation(
      country,
      this.regionsByCountry().get(countryId) ?? [],
      this.scope(storeCode).locale,
    );
  }

  /** `getCurrencyInfo()` for the request's store. */
  currency(storeCode: string | null): Record<string, unknown> {
    return renderCurrencyInformation(this.scope(storeCode), (from, to) => {
      const row = this.sql.runner.get<{ rate: number }>(
        'SELECT rate FROM directory_currency_rate WHERE currency_from = ? AND currency_to = ?',
        [from, to],
      );
      return row === undefined ? null : Number(row.rate);
    });
  }

  private scope(storeCode: string | null): CurrencyScope {
    const view = resolveStoreView(storeCode);
    const config = view ?? DEFAULT_SCOPE_CONFIG;
    return {
      locale: config.locale,
      baseCurrency: config.currency,
      displayCurrency: config.currency,
      allowedCurrencies: config.allowedCurrencies,
    };
  }

  private regionsByCountry(): Map<string, RegionRow[]> {
    const byCountry = new Map<string, RegionRow[]>();
    const rows = this.sql.runner.all<RegionRow>(
      'SELECT region_id, country_id, code, default_name FROM directory_country_region ORDER BY region_id',
    );
    for (const row of rows) byCountry.set(row.country_id, [...(byCountry.get(row.country_id) ?? []), row]);
    return byCountry;
  }
}
