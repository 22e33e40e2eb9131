import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `directory_country`: Magento's country list (ISO 3166 codes); names come from the locale, not the table. */
@Entity('directory_country')
export class DirectoryCountryEntity {
  @PrimaryColumn({ name: 'country_id', type: 'varchar', length: 2 })
  countryId!: string;

  @Column({ name: 'iso2_code', type: 'varchar', length: 2, nullable: true })
  iso2Code!: string | null;

  @Column({ name: 'iso3_code', type: 'varchar', length: 3, nullable: true })
  iso3Code!: string | null;
}

/** `directory_country_region`: the regions Magento ships, ids as `InitializeDirectoryData` numbers them. */
@Entity('directory_country_region')
export class DirectoryCountryRegionEntity {
  @PrimaryColumn({ name: 'region_id', type: 'integer' })
  regionId!: number;

  @Index()
  @Column({ name: 'country_id', type: 'varchar', length: 4 })
  countryId!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;

  @Column({ name: 'default_name', type: 'varchar', length: 255, nullable: true })
  defaultName!: string | null;
}

/** `directory_currency_rate`: one rate per currency pair (base → allowed). */
@Entity('directory_currency_rate')
export class DirectoryCurrencyRateEntity {
  @PrimaryColumn({ name: 'currency_from', type: 'varchar', length: 3 })
  currencyFrom!: string;

  @PrimaryColumn({ name: 'currency_to', type: 'varchar', length: 3 })
  currencyTo!: string;

  @Column({ type: 'decimal', precision: 24, scale: 12 })
  rate!: number;
}
