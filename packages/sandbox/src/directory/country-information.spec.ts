import { compareGeneralCi, renderCountryInformation, type RegionRow } from './country-information';
import { MAGENTO_REGIONS } from './magento-regions';

describe('compareGeneralCi (MySQL utf8_general_ci, the region collection order)', () => {
  it('ignores case and accents and puts "-" and "\'" before letters', () => {
    const names = [
      'Hautes-Alpes',
      'haute-corse',
      'Hauts-de-Seine',
      'Haut-Rhin',
      "Val-d'Oise",
      'Val-de-Marne',
      'Ardennes',
    ];
    expect([...names, 'Ardèche'].sort(compareGeneralCi)).toEqual([
      'Ardèche',
      'Ardennes',
      'Haut-Rhin',
      'haute-corse',
      'Hautes-Alpes',
      'Hauts-de-Seine',
      "Val-d'Oise",
      'Val-de-Marne',
    ]);
    expect(compareGeneralCi('Thüringen', 'THURINGEN')).toBe(0);
    expect(compareGeneralCi('Thüringen', 'Tirol')).toBeLessThan(0);
  });
});

describe('renderCountryInformation (CountryInformationAcquirer::setCountryInfo)', () => {
  const region = (id: number, code: string, name: string): RegionRow => ({
    region_id: id,
    country_id: 'DE',
    code,
    default_name: name,
  });

  it('renders the getters in order, names from the locale, regions by name with string ids', () => {
    const info = renderCountryInformation(
      { country_id: 'DE', iso2_code: 'DE', iso3_code: 'DEU' },
      [region(79, 'NDS', 'Niedersachsen'), region(94, 'THE', 'Thüringen'), region(80, 'BAW', 'Baden-Württemberg')],
      'es_MX',
    );
    expect(info).toEqual({
      id: 'DE',
      two_letter_abbreviation: 'DE',
      three_letter_abbreviation: 'DEU',
      full_name_locale: 'Alemania',
      full_name_english: 'Germany',
      available_regions: [
        { id: '80', code: 'BAW', name: 'Baden-Württemberg' },
        { id: '79', code: 'NDS', name: 'Niedersachsen' },
        { id: '94', code: 'THE', name: 'Thüringen' },
      ],
    });
    expect(Object.keys(info)).toEqual([
      'id',
      'two_letter_abbreviation',
      'three_letter_abbreviation',
      'full_name_locale',
      'full_name_english',
      'available_regions',
    ]);
  });

  it('leaves available_regions out for a country without regions', () => {
    const info = renderCountryInformation({ country_id: 'GB', iso2_code: 'GB', iso3_code: 'GBR' }, [], 'en_US');
    expect(info).not.toHaveProperty('available_regions');
    expect(info['full_name_locale']).toBe('United Kingdom');
  });
});

describe('MAGENTO_REGIONS (InitializeDirectoryData numbering)', () => {
  it('numbers each country from its first id without gaps or overlaps', () => {
    const ids = MAGENTO_REGIONS.flatMap((group) => group.regions.map((_, index) => group.firstRegionId + index));
    expect(new Set(ids).size).toBe(ids.length);
    const us = MAGENTO_REGIONS.find((group) => group.countryId === 'US');
    expect(us?.regions).toHaveLength(65);
    expect(us?.regions[11]).toEqual(['CA', 'California']);
    const fr = MAGENTO_REGIONS.find((group) => group.countryId === 'FR');
    expect(fr && fr.firstRegionId + fr.regions.length - 1).toBe(277);
  });
});
