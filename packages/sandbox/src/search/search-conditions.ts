import { isNumeric } from '@magekit/php';
import type { SqlValue } from './sql-runner';

/** A fragment of SQL with its `?` parameters in order. */
export interface SqlExpr {
  sql: string;
  params: SqlValue[];
}

/**
 * A searchable field: its SQL expression (no parameters; JSON paths are built from validated
 * attribute codes) and how values compare with it. Text comparisons are case-insensitive as on
 * Magento's `utf8_general_ci` tables: columns are declared `COLLATE NOCASE`, JSON-derived
 * expressions carry the collation in `sql`.
 */
export interface ResolvedField {
  sql: string;
  kind: 'text' | 'number';
}

/**
 * The condition types of `Magento\Framework\DB\Adapter\Pdo\Mysql::prepareSqlCondition`, as SQLite.
 * `from`/`to` are `>=`/`<=`; `in`/`nin` split a string value on commas; `seq`/`sneq` become
 * null/notnull for an empty value; `is` is a MySQL syntax error there and is one here.
 */
const OPERATORS: Record<string, (e: string) => string> = {
  eq: (e) => `${e} = ?`,
  neq: (e) => `${e} != ?`,
  like: (e) => `${e} LIKE ? ESCAPE '\\'`,
  nlike: (e) => `${e} NOT LIKE ? ESCAPE '\\'`,
  gt: (e) => `${e} > ?`,
  lt: (e) => `${e} < ?`,
  gteq: (e) => `${e} >= ?`,
  lteq: (e) => `${e} <= ?`,
  from: (e) => `${e} >= ?`,
  to: (e) => `${e} <= ?`,
  finset: (e) => `find_in_set(?, ${e}) > 0`,
  nfinset: (e) => `NOT find_in_set(?, ${e}) > 0`,
  regexp: (e) => `${e} REGEXP ?`,
  ntoa: (e) => `inet_ntoa(${e}) LIKE ? ESCAPE '\\'`,
};

/** Condition types Magento's adapter knows; anything else is treated as a list of OR'ed values. */
export const KNOWN_CONDITIONS: readonly string[] = [
  ...Object.keys(OPERATORS),
  'in',
  'nin',
  'null',
  'notnull',
  'seq',
  'sneq',
  'is',
];

/**
 * SQL for one filter. `eavField` is set for EAV collections (products, customers): their filter
 * processor passes `['attribute' => field, <type> => value]`, so an unknown type (`moreq` included:
 * it is documented but not in the adapter's map) matches `field = '<field name>' OR field = value`;
 * flat collections (orders) match just `field = value`. `fulltext` is `like %value%` on flat ones only.
 * @throws Error (a masked 500, as MySQL's syntax error is) for `is` and for an invalid `regexp`.
 */
export function buildCondition(
  field: ResolvedField,
  conditionType: string,
  value: string | null,
  eavField: string | null,
): SqlExpr {
  const e = field.sql;
  const bind = (v: string | null): SqlValue => (v !== null && field.kind === 'number' && isNumeric(v) ? Number(v) : v);
  const withField = (sql: string, params: SqlValue[]): SqlExpr => ({ sql, params });
  let type = conditionType;
  if (type === 'fulltext' && eavField === null) return withField(OPERATORS['like'](e), [`%${value ?? ''}%`]);
  if (type === 'seq' || type === 'sneq')
    type = (value ?? '') === '' ? (type === 'seq' ? 'null' : 'notnull') : type === 'seq' ? 'eq' : 'neq';
  if (type === 'null') return withField(`${e} IS NULL`, []);
  if (type === 'notnull') return withField(`${e} IS NOT NULL`, []);
  if (type === 'is')
    throw new Error(
      `SQLSTATE[42000]: Syntax error or access violation: 1064 near 'IS ${JSON.stringify(value)}' (condition type "is" needs a SQL keyword, not a quoted value).`,
    );
  if (type === 'in' || type === 'nin') {
    const values = value === null ? [null] : value.split(',');
    return withField(`${e} ${type === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`, values.map(bind));
  }
  if (type === 'regexp') assertRegExp(value);
  const operator = OPERATORS[type];
  if (operator !== undefined) return withField(operator(e), [bind(value)]);
  if (eavField !== null) return withField(`(${e} = ?) OR (${e} = ?)`, [bind(eavField), bind(value)]);
  return withField(OPERATORS['eq'](e), [bind(value)]);
}

function assertRegExp(pattern: string | null): void {
  try {
    new RegExp(pattern ?? '');
  } catch {
    throw new Error(
      `SQLSTATE[HY000]: General error: 3685 Illegal argument to a regular expression (${JSON.stringify(pattern)}).`,
    );
  }
}
