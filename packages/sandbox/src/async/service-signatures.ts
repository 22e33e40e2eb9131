import { processSimpleType } from '../common/type-processor';
import { inputException, REQUIRED_FIELD, type InputError } from '../tokens/service-input';

/** A service method parameter as `MethodsMap::getMethodParams()` describes it. */
export interface ServiceParameter {
  name: string;
  /** `object`: a data interface (`ProductInterface`); the others are PHP simple types. */
  type: 'object' | 'string' | 'int' | 'bool';
  required: boolean;
  /** For `object`: the route parameters its interface has a setter for (`ParamsOverrider::isPropertyDeclaredInDataObject`). */
  declares?: readonly string[];
}

const object = (name: string, declares: readonly string[] = []): ServiceParameter => ({
  name,
  type: 'object',
  required: true,
  declares,
});
const required = (name: string, type: ServiceParameter['type']): ServiceParameter => ({ name, type, required: true });
const optional = (name: string, type: ServiceParameter['type']): ServiceParameter => ({ name, type, required: false });
const CREDENTIALS = [required('username', 'string'), required('password', 'string')];

/**
 * The signatures of the service methods behind the sandbox's write routes, from their interfaces
 * (each module's `Api/*Interface.php`), keyed `Class::method`. Input for a method not listed
 * is accepted as it is and checked when its operation runs.
 */
export const SERVICE_SIGNATURES: Readonly<Record<string, readonly ServiceParameter[]>> = {
  'Magento\\Catalog\\Api\\ProductRepositoryInterface::save': [
    object('product', ['sku']),
    optional('saveOptions', 'bool'),
  ],
  'Magento\\Catalog\\Api\\ProductRepositoryInterface::deleteById': [required('sku', 'string')],
  'Magento\\Catalog\\Api\\CategoryRepositoryInterface::save': [object('category', ['id'])],
  'Magento\\Catalog\\Api\\CategoryRepositoryInterface::deleteByIdentifier': [required('categoryId', 'int')],
  'Magento\\Customer\\Api\\CustomerRepositoryInterface::save': [
    object('customer', ['id']),
    optional('passwordHash', 'string'),
  ],
  'Magento\\Customer\\Api\\CustomerRepositoryInterface::deleteById': [required('customerId', 'int')],
  'Magento\\Customer\\Api\\AccountManagementInterface::createAccount': [
    object('customer'),
    optional('password', 'string'),
    optional('redirectUrl', 'string'),
  ],
  'Magento\\Integration\\Api\\AdminTokenServiceInterface::createAdminAccessToken': CREDENTIALS,
  'Magento\\TwoFactorAuth\\Api\\AdminTokenServiceInterface::createAdminAccessToken': CREDENTIALS,
  'Magento\\Integration\\Api\\CustomerTokenServiceInterface::createCustomerAccessToken': CREDENTIALS,
  'Magento\\Integration\\Api\\CustomerTokenServiceInterface::revokeCustomerAccessToken': [
    required('customerId', 'int'),
  ],
  'Magento\\TwoFactorAuth\\Api\\GoogleAuthenticateInterface::createAdminAccessToken': [
    ...CREDENTIALS,
    required('otp', 'string'),
  ],
};

/** The known signature of `Class::method`, or undefined. */
export function findSignature(serviceClass: string, serviceMethod: string): readonly ServiceParameter[] | undefined {
  return SERVICE_SIGNATURES[`${serviceClass}::${serviceMethod}`];
}

/**
 * What `Magento\Framework\Webapi\ServiceInputProcessor::process()` refuses in one entity's input,
 * before anything is queued: parameters are read under their name or snake_case name, `null` is
 * absent (`isset`); a simple type that does not convert fails at once (`TypeProcessor`, 400 with the
 * rendered phrase, e.g. `The "abc" value's type is invalid. The "int" type was expected. Verify and
 * try again.`); then every absent required parameter is one `InputException` (`"%fieldName" is
 * required. Enter and try again.`). A data-object parameter that is not an array becomes an empty
 * object, as `_createFromArray()` does.
 *
 * @throws MagentoException 400
 */
export function checkServiceInput(input: Record<string, unknown>, parameters: readonly ServiceParameter[]): void {
  const missing: InputError[] = [];
  for (const parameter of parameters) {
    const value = input[parameter.name] ?? input[snakeCase(parameter.name)];
    if (value === undefined || value === null) {
      if (parameter.required) missing.push({ phrase: REQUIRED_FIELD, parameters: { fieldName: parameter.name } });
      continue;
    }
    if (parameter.type !== 'object') processSimpleType(value, parameter.type);
  }
  if (missing.length > 0) throw inputException(missing);
}

/** `strtolower(preg_replace('/(?<=\\w)(?=[A-Z])/', '_$1', $name))`. */
export function snakeCase(name: string): string {
  return name.replace(/(?<=\w)(?=[A-Z])/g, '_').toLowerCase();
}
