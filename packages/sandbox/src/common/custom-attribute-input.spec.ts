import { convertCustomAttributes } from './custom-attribute-input';
import { SerializationException } from './type-processor';

describe('ServiceInputProcessor::convertCustomAttributeValue', () => {
  it('reads a list of {attribute_code, value}, a camelCase code, and a map of code → value', () => {
    expect(
      convertCustomAttributes([
        { attribute_code: 'color', value: 'red' },
        { attributeCode: 'size', value: ['S', 'M'] },
      ]),
    ).toEqual([
      { attribute_code: 'color', value: 'red' },
      { attribute_code: 'size', value: ['S', 'M'] },
    ]);
    expect(convertCustomAttributes({ color: 'red', url_key: 'x' })).toEqual([
      { attribute_code: 'color', value: 'red' },
      { attribute_code: 'url_key', value: 'x' },
    ]);
  });

  it('lets a later entry of the same code replace the earlier one, in the earlier place', () => {
    expect(
      convertCustomAttributes([
        { attribute_code: 'a', value: 1 },
        { attribute_code: 'b', value: 2 },
        { attribute_code: 'a', value: 3 },
      ]),
    ).toEqual([
      { attribute_code: 'a', value: 3 },
      { attribute_code: 'b', value: 2 },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['no code and no value', [{}], 'An empty custom attribute is specified. Enter the attribute and try again.'],
    [
      'a value but no code',
      [{ value: 'x' }],
      'A custom attribute is specified with a missing attribute code. Verify the code and try again.',
    ],
    [
      'a code "0", which PHP finds empty',
      [{ attribute_code: '0', value: 'x' }],
      'A custom attribute is specified with a missing attribute code. Verify the code and try again.',
    ],
    [
      'a code but no value key',
      [{ attribute_code: 'color' }],
      'The "color" attribute code doesn\'t have a value set. Enter the value and try again.',
    ],
  ])('refuses an entry with %s', (_case, input, message) => {
    expect(() => convertCustomAttributes(input)).toThrow(new SerializationException(message));
  });

  it('accepts a value key holding null, and fails like PHP foreach on a non-array (a masked 500)', () => {
    expect(convertCustomAttributes([{ attribute_code: 'c', value: null }])).toEqual([
      { attribute_code: 'c', value: null },
    ]);
    expect(() => convertCustomAttributes('color')).toThrow(
      'Warning: foreach() argument must be of type array|object, string given',
    );
    expect(() => convertCustomAttributes('color')).not.toThrow(SerializationException);
  });
});
