import { CreateMagekitTables1764633600000 } from './1764633600000-create-magekit-tables';

/** Every migration of @magekit/nest, oldest first: add them to the app's TypeORM `migrations`. */
export const MAGEKIT_MIGRATIONS = [CreateMagekitTables1764633600000] as const;

export { CreateMagekitTables1764633600000 };
