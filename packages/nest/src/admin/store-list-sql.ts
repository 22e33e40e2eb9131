import { containsPattern, type StoreQuery } from './store-query';

/** What the SQL needs from the database's dialect (TypeORM's `Driver` has both). */
export interface SqlDialect {
  /** The placeholder of the parameter at `index` (0-based): `?` or `$1`. */
  createParameter(name: string, index: number): string;
  /** A quoted identifier (the row's camelCase aliases). */
  escape(name: string): string;
}

/** A statement and its positional parameters. */
export interface SqlStatement {
  sql: string;
  parameters: (string | number)[];
}

/** Columns searched, case-insensitively, anywhere in the value. */
const SEARCHED = ['s.store_base_url', 's.consumer_key', 's.ims_client_id', 's.tenant'];

/** The `StoreRow` columns: no ciphertext is read, only whether the credential `storeCredentialOf` wants is there. */
const ROW_COLUMNS: [alias: string, expression: string][] = [
  ['id', 's.id'],
  ['tenant', 's.tenant'],
  ['authKind', 's.auth_kind'],
  ['edition', 's.edition'],
  ['consumerKey', 's.consumer_key'],
  ['storeBaseUrl', 's.store_base_url'],
  ['status', 's.status'],
  ['statusCode', 's.status_code'],
  ['statusReason', 's.status_reason'],
  ['statusHint', 's.status_hint'],
  ['signatureProfile', 's.signature_profile'],
  ['imsClientId', 's.ims_client_id'],
  ['imsOrgId', 's.ims_org_id'],
  ['imsScopes', 's.ims_scopes'],
  ['imsTokenUrl', 's.ims_token_url'],
  ['facts', 's.facts'],
  [
    'hasCredential',
    `CASE WHEN (s.auth_kind = 'ims' AND ${filled('s.ims_client_secret_enc', 's.ims_client_id')}) OR (s.auth_kind <> 'ims' AND ${filled('s.access_token_enc', 's.access_token_secret_enc', 's.consumer_key', 's.consumer_secret_enc')}) THEN 1 ELSE 0 END`,
  ],
  ['activatedAt', 's.activated_at'],
  ['lastProbedAt', 's.last_probed_at'],
  ['createdAt', 's.created_at'],
  ['updatedAt', 's.updated_at'],
  ['accountId', 'a.id'],
  ['accountEmail', 'a.email'],
  ['accountName', 'a.name'],
];

/**
 * The two statements of one store list page, portable across SQLite, PostgreSQL and MySQL/MariaDB:
 * the page (newest first, `created_at DESC, id DESC` as `IDX_magekit_stores_created` and
 * `IDX_magekit_stores_status_created` are walked, with the vendor account LEFT JOINed) and its total
 * (a plain `COUNT(*)` with the same filter, not a window count, which would read every match). The
 * search is `LOWER(column) LIKE pattern ESCAPE '!'` as the PostgreSQL trigram index
 * `IDX_magekit_stores_search_trgm` expects. Pure.
 */
export function buildStoreListSql(query: StoreQuery, dialect: SqlDialect): { page: SqlStatement; count: SqlStatement } {
  const where = (parameters: (string | number)[]) => {
    const bind = (value: string | number) =>
      dialect.createParameter(`p${parameters.length}`, parameters.push(value) - 1);
    const conditions: string[] = [];
    if (query.status) conditions.push(`s.status = ${bind(query.status)}`);
    if (query.search) {
      const pattern = containsPattern(query.search);
      conditions.push(
        `(${SEARCHED.map((column) => `LOWER(${column}) LIKE ${bind(pattern)} ESCAPE '!'`).join(' OR ')})`,
      );
    }
    return { sql: conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '', bind };
  };
  const pageParameters: (string | number)[] = [];
  const pageWhere = where(pageParameters);
  const columns = ROW_COLUMNS.map(([alias, expression]) => `${expression} AS ${dialect.escape(alias)}`).join(', ');
  const page =
    `SELECT ${columns} FROM magekit_stores s LEFT JOIN magekit_vendor_accounts a ON a.id = s.vendor_account_id` +
    `${pageWhere.sql} ORDER BY s.created_at DESC, s.id DESC` +
    ` LIMIT ${pageWhere.bind(query.pageSize)} OFFSET ${pageWhere.bind((query.page - 1) * query.pageSize)}`;
  const countParameters: (string | number)[] = [];
  const count = `SELECT COUNT(*) AS ${dialect.escape('count')} FROM magekit_stores s${where(countParameters).sql}`;
  return { page: { sql: page, parameters: pageParameters }, count: { sql: count, parameters: countParameters } };
}

/** Every column holds a non-empty value (`LENGTH` of NULL is NULL: not filled). */
function filled(...columns: string[]): string {
  return columns.map((column) => `LENGTH(${column}) > 0`).join(' AND ');
}
