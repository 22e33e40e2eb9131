import { MagentoException } from './magento-exception';
import { inField, processSimpleList, processSimpleType, SerializationException } from './type-processor';

function bodyOf(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return { status: error.httpStatus, body: JSON.parse(JSON.stringify(error)) };
    throw error;
  }
  throw new Error('expected a MagentoException');
}

const invalid = (value: string, type: string) => ({
  status: 400,
  body: { message: `The "${value}" value's type is invalid. The "${type}" type was expected. Verify and try again.` },
});

describe('TypeProcessor::processSimpleAndAnyType', () => {
  it.each<[unknown, 'string' | 'int' | 'float' | 'bool', unknown]>([
    ['12', 'int', 12],
    [' 12.9 ', 'int', 12],
    ['1e3', 'int', 1000],
    [7.8, 'int', 7],
    ['2.50', 'float', 2.5],
    [3, 'float', 3],
    [12, 'string', '12'],
    [0.1 + 0.2, 'string', '0.3'],
    [true, 'string', '1'],
    [false, 'string', ''],
    ['yes', 'bool', true],
    [' TRUE ', 'bool', true],
    [1, 'bool', true],
    ['no', 'bool', false],
    [null, 'int', null],
  ])('converts %p to %s as %p', (value, type, expected) => {
    expect(processSimpleType(value, type)).toBe(expected);
  });

  it('refuses what is not numeric for int and float, showing the value as PHP casts it to a string', () => {
    expect(bodyOf(() => processSimpleType('cheap', 'float'))).toEqual(invalid('cheap', 'float'));
    expect(bodyOf(() => processSimpleType('0x1A', 'int'))).toEqual(invalid('0x1A', 'int'));
    expect(bodyOf(() => processSimpleType('', 'int'))).toEqual(invalid('', 'int'));
    expect(bodyOf(() => processSimpleType(true, 'int'))).toEqual(invalid('1', 'int'));
    expect(bodyOf(() => processSimpleType(false, 'float'))).toEqual(invalid('', 'float'));
  });

  it('refuses a list or an object for any simple type as "array", with no parameters', () => {
    expect(bodyOf(() => processSimpleType(['a'], 'string'))).toEqual(invalid('array', 'string'));
    expect(bodyOf(() => processSimpleType({ a: 1 }, 'int'))).toEqual(invalid('array', 'int'));
    expect(bodyOf(() => processSimpleType({}, 'bool'))).toEqual(invalid('array', 'bool'));
  });

  it('converts every item of a list type with settype(), which never fails, and refuses a scalar by its gettype()', () => {
    expect(processSimpleList(['1', 'abc', 2.7, true, null], 'int[]')).toEqual([1, 0, 2, 1, 0]);
    expect(processSimpleList({ a: 5, b: ' 6 ' }, 'int[]')).toEqual([5, 6]);
    expect(processSimpleList([1, false], 'string[]')).toEqual(['1', '']);
    expect(processSimpleList(null, 'int[]')).toBeNull();
    expect(bodyOf(() => processSimpleList('1', 'int[]'))).toEqual(invalid('string', 'int[]'));
    expect(bodyOf(() => processSimpleList(3, 'int[]'))).toEqual(invalid('integer', 'int[]'));
    expect(bodyOf(() => processSimpleList(true, 'string[]'))).toEqual(invalid('boolean', 'string[]'));
  });
});

describe('ServiceInputProcessor field prefixes', () => {
  it('prefixes a conversion error with each field it passed through, outermost first', () => {
    const answer = bodyOf(() =>
      inField('extension_attributes', () => inField('website_ids', () => processSimpleList('1', 'int[]'))),
    );
    expect(answer).toEqual({
      status: 400,
      body: {
        message:
          'Error occurred during "extension_attributes" processing. Error occurred during "website_ids" processing. The "string" value\'s type is invalid. The "int[]" type was expected. Verify and try again.',
      },
    });
  });

  it('leaves other errors alone', () => {
    const other = new MagentoException(400, 'Maximum SearchCriteria pageSize is %max', { max: 300 });
    expect(() =>
      inField('pageSize', () => {
        throw other;
      }),
    ).toThrow(other);
    expect(inField('x', () => 5)).toBe(5);
    expect(new SerializationException('m')).toBeInstanceOf(MagentoException);
  });
});
