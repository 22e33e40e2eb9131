import { MagentoException } from './magento-exception';
import { convertFields, processObject, processObjectList, removeItemNode } from './service-input-processor';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return `${error.httpStatus} ${error.message}`;
    throw error;
  }
  throw new Error('expected a MagentoException');
}

describe('ServiceInputProcessor: lists, objects and fields', () => {
  it.each<[string, unknown, unknown]>([
    ['one wrapped object', { item: { a: 1 } }, [{ a: 1 }]],
    ['a wrapped list', { item: [{ a: 1 }, { a: 2 }] }, [{ a: 1 }, { a: 2 }]],
    ['a wrapped scalar', { item: '7' }, ['7']],
    ['a wrapped object with list keys', { item: { 0: 'x', 1: 'y' } }, ['x', 'y']],
    ['a wrapped empty list (PHP: not a list)', { item: [] }, [[]]],
    ['an empty item (isset is false)', { item: null }, { item: null }],
    ['no wrapper', [1, 2], [1, 2]],
    ['a scalar', 'x', 'x'],
  ])('removes the XML item wrapper: %s', (_case, value, expected) => {
    expect(removeItemNode(value)).toEqual(expected);
  });

  it('builds lists of data objects: wrapper removed, non-object items empty, anything but an array refused', () => {
    expect(processObjectList({ item: { sku: 'A' } })).toEqual([{ sku: 'A' }]);
    expect(processObjectList({ x: { sku: 'A' }, y: 'B' })).toEqual([{ sku: 'A' }, {}]);
    expect(processObjectList([{ n: '1' }], (item) => ({ n: Number(item['n']) }))).toEqual([{ n: 1 }]);
    for (const value of ['x', 3, null, true])
      expect(messageOf(() => processObjectList(value))).toBe('400 Not all parameters valid.');
  });

  it('builds a data object from anything: a non-object is an empty one', () => {
    expect(processObject({ a: 1 })).toEqual({ a: 1 });
    expect(processObject('x')).toEqual({});
    expect(processObject([1])).toEqual({});
  });

  it('converts the fields it knows, by either spelling, keeps the others, and reports the first error in input order', () => {
    const fields = {
      page_size: 'int',
      tags: 'string[]',
      nested: (value: unknown) => convertFields(processObject(value), { n: 'float' }),
    } as const;
    expect(
      convertFields({ pageSize: '5', other: [1], tags: { item: ['a', 2] }, nested: { n: '1.5' } }, fields),
    ).toEqual({
      pageSize: 5,
      other: [1],
      tags: ['a', '2'],
      nested: { n: 1.5 },
    });
    expect(messageOf(() => convertFields({ nested: { n: 'x' }, page_size: 'y' }, fields))).toBe(
      '400 Error occurred during "nested" processing. Error occurred during "n" processing. The "x" value\'s type is invalid. The "float" type was expected. Verify and try again.',
    );
  });

  it('keeps a __proto__ key as an own property', () => {
    const converted = convertFields(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>, {});
    expect(Object.keys(converted)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
