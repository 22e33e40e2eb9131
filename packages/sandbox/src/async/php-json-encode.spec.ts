import { hashOperationData, renderAsyncResponse, serializeOperationData } from './async-response';
import { phpJsonEncode } from './php-json-encode';

describe("phpJsonEncode: PHP's json_encode() without flags, on json_decode($body, true) values", () => {
  it.each([
    ['a slash and a non-ASCII letter', { 'a/b': 'é' }, '{"a\\/b":"\\u00e9"}'],
    ['a character above U+FFFF as a UTF-16 pair', '😀', '"\\ud83d\\ude00"'],
    ['control characters, quote and backslash', '\u0001\t"\\\u007f', '"\\u0001\\t\\"\\\\\u007f"'],
    ['an empty object (an empty PHP array)', {}, '[]'],
    ['an object keyed 0…n-1 in order (a PHP list)', { 0: 'a', 1: 'b' }, '["a","b"]'],
    ['an object with another integer key', { 1: 'a' }, '{"1":"a"}'],
    ['an integral float as written without PRESERVE_ZERO_FRACTION', 10.0, '10'],
    ['a fraction', 0.1, '0.1'],
    ['null, booleans and nesting', [null, true, false, { x: [] }], '[null,true,false,{"x":[]}]'],
  ])('%s', (_name, value, php) => {
    expect(phpJsonEncode(value)).toBe(php);
  });
});

describe('an operation as stored and answered (OperationRepository::create, MassSchedule::publishMass)', () => {
  it('serializes the input inside serialized_data (both levels json_encode) with the store id as a string', () => {
    // PHP: json_encode(['entity_id' => null, 'entity_link' => '', 'meta_information' => json_encode(['a' => 'x/y']), 'store_id' => '1'])
    expect(serializeOperationData({ a: 'x/y' }, '1')).toBe(
      '{"entity_id":null,"entity_link":"","meta_information":"{\\"a\\":\\"x\\\\\\/y\\"}","store_id":"1"}',
    );
  });

  it('hashes the serialized data with SHA-256 (hex) and casts each item key to int', () => {
    // sha256("abc"), FIPS 180-2 example.
    expect(hashOperationData('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const body = renderAsyncResponse('u-1', [
      { key: 0, serializedData: 'abc' },
      { key: 'product', serializedData: 'abc' },
      { key: '7', serializedData: 'abc' },
    ]);
    expect(body.request_items.map((item) => item.id)).toEqual([0, 0, 7]);
    expect(body).toMatchObject({ bulk_uuid: 'u-1', errors: false });
    expect(body.request_items.every((item) => item.status === 'accepted')).toBe(true);
  });
});
