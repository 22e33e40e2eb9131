import { MagentoException } from '../common/magento-exception';
import { checkServiceInput, findSignature, snakeCase, type ServiceParameter } from './service-signatures';

function failure(run: () => void): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return { status: error.httpStatus, body: error.toJSON() };
    throw error;
  }
  throw new Error('expected a MagentoException');
}

const REQUIRED = '"%fieldName" is required. Enter and try again.';
const SIGNATURE: ServiceParameter[] = [
  { name: 'customerId', type: 'int', required: true },
  { name: 'password', type: 'string', required: true },
  { name: 'notify', type: 'bool', required: false },
];

describe('checkServiceInput: what ServiceInputProcessor::process() refuses before an operation is queued', () => {
  it('accepts parameters under their name or snake_case name; a data object may be anything', () => {
    expect(() => checkServiceInput({ customer_id: '12', password: 'x' }, SIGNATURE)).not.toThrow();
    expect(() =>
      checkServiceInput(
        { product: 'not an object' },
        findSignature('Magento\\Catalog\\Api\\ProductRepositoryInterface', 'save') ?? [],
      ),
    ).not.toThrow();
  });

  it('one missing parameter is its own phrase; null counts as missing (isset)', () => {
    expect(failure(() => checkServiceInput({ customerId: 1, password: null }, SIGNATURE))).toEqual({
      status: 400,
      body: { message: REQUIRED, parameters: { fieldName: 'password' } },
    });
  });

  it('several missing parameters are one InputException listing each', () => {
    expect(failure(() => checkServiceInput({}, SIGNATURE))).toEqual({
      status: 400,
      body: {
        message: 'One or more input exceptions have occurred.',
        errors: [
          { message: REQUIRED, parameters: { fieldName: 'customerId' } },
          { message: REQUIRED, parameters: { fieldName: 'password' } },
        ],
      },
    });
  });

  it('a simple type that does not convert fails at once with the rendered phrase, before missing ones are reported', () => {
    expect(failure(() => checkServiceInput({ customerId: 'abc' }, SIGNATURE))).toEqual({
      status: 400,
      body: { message: 'The "abc" value\'s type is invalid. The "int" type was expected. Verify and try again.' },
    });
    expect(failure(() => checkServiceInput({ customerId: 1, password: ['x'] }, SIGNATURE))).toEqual({
      status: 400,
      body: { message: 'The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.' },
    });
  });

  it("knows the sandbox write routes' service methods and spells names as PHP does", () => {
    expect(findSignature('Magento\\Catalog\\Api\\ProductRepositoryInterface', 'deleteById')).toEqual([
      { name: 'sku', type: 'string', required: true },
    ]);
    expect(findSignature('Magento\\Catalog\\Api\\ProductRepositoryInterface', 'get')).toBeUndefined();
    expect(snakeCase('redirectUrl')).toBe('redirect_url');
  });
});
