import { MagentoException } from '../common/magento-exception';
import {
  AggregatedInputException,
  inputException,
  readStringParameters,
  REQUIRED_FIELD,
  validateCredentials,
} from './service-input';

function bodyOf(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return { status: error.httpStatus, body: JSON.parse(JSON.stringify(error)) };
    throw error;
  }
  throw new Error('expected a MagentoException');
}

describe('service input as ServiceInputProcessor and CredentialsValidator read it', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['strings as sent', { username: 'admin', password: 'p@ss word' }, ['admin', 'p@ss word']],
    ['numbers and booleans cast like settype()', { username: 12, password: true }, ['12', '1']],
    ['false becomes the empty string', { username: false, password: 'x' }, ['', 'x']],
    ['the snake_case spelling of a camelCase name', { customer_id: 'abc' }, ['abc']],
  ])('reads %s', (_case, input, expected) => {
    const names = 'customer_id' in input ? ['customerId'] : ['username', 'password'];
    expect(readStringParameters(input, names)).toEqual(expected);
  });

  it('reports one missing parameter as the exception itself, with named parameters', () => {
    expect(bodyOf(() => readStringParameters({ username: 'a', password: null }, ['username', 'password']))).toEqual({
      status: 400,
      body: { message: REQUIRED_FIELD, parameters: { fieldName: 'password' } },
    });
  });

  it('reports two or more missing parameters under the default message, in declaration order', () => {
    const answer = bodyOf(() => readStringParameters({}, ['username', 'password', 'otp']));
    expect(answer).toEqual({
      status: 400,
      body: {
        message: 'One or more input exceptions have occurred.',
        errors: ['username', 'password', 'otp'].map((fieldName) => ({
          message: '"%fieldName" is required. Enter and try again.',
          parameters: { fieldName },
        })),
      },
    });
  });

  it('fails at once on an array or object value, before reporting missing ones', () => {
    const expected = {
      status: 400,
      body: { message: 'The "array" value\'s type is invalid. The "string" type was expected. Verify and try again.' },
    };
    expect(bodyOf(() => readStringParameters({ password: { a: 1 } }, ['username', 'password']))).toEqual(expected);
    expect(bodyOf(() => readStringParameters({ username: [], password: 'x' }, ['username', 'password']))).toEqual(
      expected,
    );
  });

  it('validateCredentials reports empty username and password together, or the one that is empty', () => {
    expect(() => validateCredentials('a', 'b')).not.toThrow();
    expect(bodyOf(() => validateCredentials('', 'b')).body).toEqual({
      message: REQUIRED_FIELD,
      parameters: { fieldName: 'username' },
    });
    expect(bodyOf(() => validateCredentials('', '')).body).toEqual({
      message: 'One or more input exceptions have occurred.',
      errors: [
        { message: REQUIRED_FIELD, parameters: { fieldName: 'username' } },
        { message: REQUIRED_FIELD, parameters: { fieldName: 'password' } },
      ],
    });
  });

  it('inputException() keeps a single error as a plain MagentoException and aggregates from two', () => {
    const single = inputException([{ phrase: 'A %x', parameters: { x: 1 } }]);
    expect(single).not.toBeInstanceOf(AggregatedInputException);
    expect(single.message).toBe('A 1');
    const many = inputException([
      { phrase: 'A', parameters: {} },
      { phrase: 'B', parameters: {} },
    ]);
    expect(many).toBeInstanceOf(AggregatedInputException);
    expect(many.httpStatus).toBe(400);
  });
});
