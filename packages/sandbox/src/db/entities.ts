import { BulkEntity, OperationEntity } from '../async/bulk.entity';
import { SAAS_ENTITIES } from '../saas/saas.entities';
import { AdminUserEntity } from './user-account.entity';
import { JwtRevokedEntity, TokenRequestLogEntity } from './auth-security.entity';
import { CategoryEntity, ProductEntity } from './catalog.entity';
import { CustomerEntity } from './customer.entity';
import { DirectoryCountryEntity, DirectoryCountryRegionEntity, DirectoryCurrencyRateEntity } from './directory.entity';
import { IntegrationEntity } from './integration.entity';
import { OAuthConsumerEntity } from './oauth-consumer.entity';
import { OAuthNonceEntity } from './oauth-nonce.entity';
import { OAuthTokenEntity } from './oauth-token.entity';
import { ProductStoreValueEntity } from './product-store-value.entity';
import { SalesOrderEntity } from './sales-order.entity';
import { SettingsEntity } from './settings.entity';

/** Every entity of the sandbox database. */
export const SANDBOX_ENTITIES = [
  IntegrationEntity,
  OAuthConsumerEntity,
  OAuthTokenEntity,
  OAuthNonceEntity,
  AdminUserEntity,
  CustomerEntity,
  ProductEntity,
  ProductStoreValueEntity,
  CategoryEntity,
  SalesOrderEntity,
  TokenRequestLogEntity,
  JwtRevokedEntity,
  SettingsEntity,
  BulkEntity,
  OperationEntity,
  DirectoryCountryEntity,
  DirectoryCountryRegionEntity,
  DirectoryCurrencyRateEntity,
  ...SAAS_ENTITIES,
];
