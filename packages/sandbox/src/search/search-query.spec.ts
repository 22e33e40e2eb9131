import Database from 'better-sqlite3';
import { parseStrNested } from '@magekit/php';
import { parseSearchCriteria } from './search-criteria';
import { resolvePage, searchRows, type SearchSource } from './search-query';
import { createSqlRunner, type SqlRunner } from './sql-runner';

describe('searchRows on SQLite (the searchCriteria engine)', () => {
  let sql: SqlRunner;
  const rows = [
    { id: 1, code: 'alpha', qty: 5, tags: 'a,b' },
    { id: 2, code: 'Beta', qty: 12, tags: 'b' },
    { id: 3, code: 'gamma', qty: 100, tags: null },
    { id: 4, code: 'code', qty: 7, tags: 'c,a' },
  ];
  const source = (eav: boolean): SearchSource => ({
    from: 't',
    columns: 'id',
    idColumn: 'id',
    eav,
    filterField: (field) => {
      if (field === 'code' || field === 'tags') return { sql: field, kind: 'text' };
      if (field === 'qty') return { sql: 'qty', kind: 'number' };
      throw new Error(`unknown ${field}`);
    },
    sortField: (field) =>
      field === 'qty' || field === 'code' ? { sql: field, kind: field === 'qty' ? 'number' : 'text' } : null,
    customFilters: {
      even: (filter) => ({
        sql: `id % 2 = 0 AND id IN (${(filter.value ?? '')
          .split(',')
          .map(() => '?')
          .join(',')})`,
        params: (filter.value ?? '').split(',').map(Number),
      }),
    },
  });

  beforeAll(() => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT COLLATE NOCASE, qty REAL, tags TEXT)');
    for (const row of rows) db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run(row.id, row.code, row.qty, row.tags);
    sql = createSqlRunner(db);
  });
  afterAll(() => sql.db.close());

  const ids = (query: string, eav = false, repeatLastPage = true) => {
    const page = searchRows<{ id: number }>(
      sql,
      source(eav),
      parseSearchCriteria(parseStrNested(query), { maxPageSize: 0 }),
      { repeatLastPage },
    );
    return { ids: page.rows.map((row) => row.id), total: page.totalCount };
  };
  const filter = (field: string, value: string, type: string, g = 0, f = 0) =>
    `searchCriteria[filterGroups][${g}][filters][${f}][field]=${field}&searchCriteria[filterGroups][${g}][filters][${f}][value]=${encodeURIComponent(value)}&searchCriteria[filterGroups][${g}][filters][${f}][conditionType]=${type}`;

  it('compares numbers numerically when the field is a number (12 > 7, though "12" < "7")', () => {
    expect(ids(filter('qty', '7', 'gt')).ids).toEqual([2, 3]);
  });

  it('like escapes with a backslash as MySQL does (\\_ is a literal underscore)', () => {
    sql.run("INSERT INTO t VALUES (5, 'a_b', 1, NULL), (6, 'axb', 1, NULL)");
    try {
      expect(ids(filter('code', 'a\\_b', 'like')).ids).toEqual([5]);
      expect(ids(filter('code', 'a_b', 'like')).ids).toEqual([5, 6]);
    } finally {
      sql.run('DELETE FROM t WHERE id IN (5, 6)');
    }
  });

  it('an unknown condition on an EAV collection also matches rows whose value is the field name', () => {
    expect(ids(filter('code', 'alpha', 'moreq'), false).ids).toEqual([1]);
    expect(ids(filter('code', 'alpha', 'moreq'), true).ids).toEqual([1, 4]);
  });

  it('finset and nfinset; NULL never matches either', () => {
    expect(ids(filter('tags', 'A', 'finset')).ids).toEqual([1, 4]);
    expect(ids(filter('tags', 'a', 'nfinset')).ids).toEqual([2]);
  });

  it('custom filters are ANDed with their group; eq ones on one field merge into in (EAV)', () => {
    expect(ids(`${filter('even', '2', 'eq', 0, 0)}&${filter('even', '4', 'eq', 0, 1)}`, true).ids).toEqual([2, 4]);
    expect(ids(`${filter('even', '2,3,4', 'in', 0, 0)}&${filter('qty', '10', 'gt', 0, 1)}`, true).ids).toEqual([2]);
  });

  it('sorts on known fields, ignores sorts the source does not know, and breaks ties by id', () => {
    expect(ids('searchCriteria[sortOrders][0][field]=code&searchCriteria[sortOrders][0][direction]=ASC').ids).toEqual([
      1, 2, 4, 3,
    ]);
    expect(ids('searchCriteria[sortOrders][0][field]=nothing').ids).toEqual([1, 2, 3, 4]);
  });

  it('pages in SQL and counts unpaged', () => {
    expect(ids('searchCriteria[pageSize]=3&searchCriteria[currentPage]=2')).toEqual({ ids: [4], total: 4 });
    expect(ids('searchCriteria[pageSize]=3&searchCriteria[currentPage]=5')).toEqual({ ids: [4], total: 4 });
    expect(ids('searchCriteria[pageSize]=3&searchCriteria[currentPage]=5', false, false)).toEqual({
      ids: [],
      total: 4,
    });
    expect(ids('searchCriteria[currentPage]=5')).toEqual({ ids: [1, 2, 3, 4], total: 4 });
  });

  it.each([
    [null, 10, 95, true, 1],
    [3, 10, 95, true, 3],
    [11, 10, 95, true, 10],
    [11, 10, 95, false, null],
    [-2, 10, 95, false, 1],
    [4, 10, 0, true, 1],
    [2, 10, 0, false, null],
  ])('resolvePage(%s, %s, %s, repeat %s) is %s', (current, size, total, repeat, expected) => {
    expect(resolvePage(current, size, total, { repeatLastPage: repeat })).toBe(expected);
  });
});
