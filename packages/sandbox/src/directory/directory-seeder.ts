import type { SqlRunner } from '../search/sql-runner';
import { MAGENTO_CURRENCY_RATES, SANDBOX_COUNTRIES } from './directory-data';
import { MAGENTO_REGIONS } from './magento-regions';

/**
 * Fills the directory tables once (an empty `directory_country`), whatever the seed options: like
 * Magento's setup patches, the directory is part of the installation, not of the store's data.
 * @returns whether it seeded
 */
export function seedDirectoryIfEmpty(sql: SqlRunner): boolean {
  const count = sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM directory_country');
  if ((count?.n ?? 0) > 0) return false;
  sql.transaction(() => {
    for (const [countryId, iso2, iso3] of SANDBOX_COUNTRIES)
      sql.run('INSERT INTO directory_country (country_id, iso2_code, iso3_code) VALUES (?, ?, ?)', [
        countryId,
        iso2,
        iso3,
      ]);
    for (const group of MAGENTO_REGIONS)
      group.regions.forEach(([code, name], index) =>
        sql.run(
          'INSERT INTO directory_country_region (region_id, country_id, code, default_name) VALUES (?, ?, ?, ?)',
          [group.firstRegionId + index, group.countryId, code, name],
        ),
      );
    for (const [from, to, rate] of MAGENTO_CURRENCY_RATES)
      sql.run('INSERT INTO directory_currency_rate (currency_from, currency_to, rate) VALUES (?, ?, ?)', [
        from,
        to,
        rate,
      ]);
  });
  return true;
}
