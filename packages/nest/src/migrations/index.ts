import { CreateMagekitTables1764633600000 } from './1764633600000-create-magekit-tables';
import { CreateStoreCallFailures1767225600000 } from './1767225600000-create-store-call-failures';
import { CreateSignInAttempts1796083200000 } from './1796083200000-create-sign-in-attempts';
import { AddActivationSecurity1798761600000 } from './1798761600000-add-activation-security';
import { AddStoreClockSkew1801440000000 } from './1801440000000-add-store-clock-skew';
import { AddStoreAuthKind1804118400000 } from './1804118400000-add-store-auth-kind';
import { AddStoreListIndexes1806796800000 } from './1806796800000-add-store-list-indexes';

/** Every migration of @magekit/nest, oldest first: add them to the app's TypeORM `migrations`. */
export const MAGEKIT_MIGRATIONS = [
  CreateMagekitTables1764633600000,
  CreateStoreCallFailures1767225600000,
  CreateSignInAttempts1796083200000,
  AddActivationSecurity1798761600000,
  AddStoreClockSkew1801440000000,
  AddStoreAuthKind1804118400000,
  AddStoreListIndexes1806796800000,
] as const;

export {
  CreateMagekitTables1764633600000,
  CreateStoreCallFailures1767225600000,
  CreateSignInAttempts1796083200000,
  AddActivationSecurity1798761600000,
  AddStoreClockSkew1801440000000,
  AddStoreAuthKind1804118400000,
  AddStoreListIndexes1806796800000,
};
export {
  STORE_LIST_INDEXES,
  STORE_SEARCH_TRIGRAM_INDEX,
  createStoreListIndexes,
  dropStoreListIndexes,
  type StoreListIndex,
} from './1806796800000-add-store-list-indexes';
