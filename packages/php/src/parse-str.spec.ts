import { PHP_ARRAY, parseStrNested, parseStrTopLevel, parseVariableName, phpArrayValues } from './parse-str';

describe('parseVariableName (php_register_variable_ex)', () => {
  it.each([
    ['a', 'a', []],
    ['  a.b c', 'a_b_c', []],
    ['a[b][]', 'a', ['b', '']],
    ['a.b[c.d]', 'a_b', ['c.d']],
    ['a[ ]', 'a', ['']],
    ['a[ x]', 'a', [' x']],
    ['a[b]x[c]', 'a', ['b']],
    ['a[b][c', 'a', ['b']],
    ['a[b', 'a_b', []],
    ['a[b.c d[e', 'a_b_c_d_e', []],
  ])('reads %j as %j with keys %j', (raw, name, keys) => {
    expect(parseVariableName(raw)).toEqual({ name, keys });
  });

  it.each(['', '   ', '[a]', ' [a]=1', '[a'])('drops the empty name of %j', (raw) => {
    expect(parseVariableName(raw)).toBeNull();
  });
});

describe('parseStrTopLevel', () => {
  it('keeps top-level names in first-seen order with their last value, arrays marked', () => {
    const parsed = parseStrTopLevel('b=1&a[x]=2&a.b=3&&b=4&c&=5&d+e=%2B+%zz');
    expect([...parsed]).toEqual([
      ['b', '4'],
      ['a', PHP_ARRAY],
      ['a_b', '3'],
      ['c', ''],
      ['d_e', '+ %zz'],
    ]);
  });

  it('merges into a given map, and a later plain value replaces an array', () => {
    const into = new Map([['oauth_token', 'x']]);
    expect([...parseStrTopLevel('a[]=1&a=2&oauth_token=y', into)]).toEqual([
      ['oauth_token', 'y'],
      ['a', '2'],
    ]);
  });

  it('reads bytes: escapes that are not UTF-8 stay single bytes', () => {
    expect(parseStrTopLevel('n%E9=%FF').get('n\xe9')).toBe('\xff');
  });
});

describe('parseStrNested', () => {
  it('builds nested arrays as $_GET holds them', () => {
    const parsed = parseStrNested(
      'searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=a+b%25' +
        '&searchCriteria[pageSize]=20&list[]=x&list[]=y&list[5]=z&list[]=w&q.x=%C3%A9',
    );
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({
      searchCriteria: { filter_groups: { 0: { filters: { 0: { field: 'sku', value: 'a b%' } } } }, pageSize: '20' },
      list: { 0: 'x', 1: 'y', 5: 'z', 6: 'w' },
      q_x: 'é',
    });
  });

  it('turns a string into an array when keys follow, keeps the last value, and treats every key as data', () => {
    const parsed = parseStrNested('a=1&a[b]=2&c[d]=3&c=4&__proto__[x]=1&constructor=2');
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({
      a: { b: '2' },
      c: '4',
      ['__proto__']: { x: '1' },
      constructor: '2',
    });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('reads escapes that are not UTF-8 as U+FFFD', () => {
    expect(parseStrNested('a=%FF')).toEqual({ a: '\ufffd' });
  });
});

describe('phpArrayValues', () => {
  it('lists an array in index order, and nothing for a string or a missing value', () => {
    const parsed = parseStrNested('a[10]=x&a[2]=y&a[]=z&s=1');
    expect(phpArrayValues(parsed.a)).toEqual(['y', 'x', 'z']);
    expect(phpArrayValues(parsed.s)).toEqual([]);
    expect(phpArrayValues(undefined)).toEqual([]);
  });
});
