/** A `directory_country` row as SQL returns it. */
export interface CountryRow {
  country_id: string;
  iso2_code: string | null;
  iso3_code: string | null;
}

/** A `directory_country_region` row as SQL returns it. */
export interface RegionRow {
  region_id: number;
  country_id: string;
  code: string | null;
  default_name: string | null;
}

/**
 * A country's name in a locale, from ICU as Magento takes it (`Country::getName($locale)` →
 * `TranslatedLists::getCountryTranslation()` → `\Locale::getDisplayRegion()`); the code when ICU has none.
 */
export function countryName(countryId: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale.replace('_', '-')], { type: 'region' }).of(countryId) ?? countryId;
  } catch {
    return countryId;
  }
}

/**
 * MySQL's `utf8_general_ci` order, which sorts Magento's region collection (`ORDER BY name, default_name`):
 * case and accents are ignored, everything else compares by character (`-` and `'` before letters).
 */
export function compareGeneralCi(a: string, b: string): number {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  const left = fold(a);
  const right = fold(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * `CountryInformationAcquirer::setCountryInfo()` as the web API renders `CountryInformationInterface`:
 * getter order, region ids as strings (`RegionInformationInterface::getId()` is a string),
 * `available_regions` only for a country with regions (a null value is not rendered). `regions` are the
 * country's regions; they are ordered here as the region collection orders them (by name, for every
 * locale: Magento ships region names in `en_US` only, other locales fall back to the default name).
 */
export function renderCountryInformation(
  country: CountryRow,
  regions: readonly RegionRow[],
  locale: string,
): Record<string, unknown> {
  const info: Record<string, unknown> = {
    id: country.country_id,
    two_letter_abbreviation: country.iso2_code,
    three_letter_abbreviation: country.iso3_code,
    full_name_locale: countryName(country.country_id, locale),
    full_name_english: countryName(country.country_id, 'en_US'),
  };
  if (regions.length > 0)
    info['available_regions'] = [...regions]
      .sort((a, b) => compareGeneralCi(a.default_name ?? '', b.default_name ?? '') || a.region_id - b.region_id)
      .map((region) => ({ id: String(region.region_id), code: region.code, name: region.default_name }));
  return info;
}
