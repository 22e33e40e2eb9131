export { toBytes, fromBytes } from './bytes';
export { rawurlencode, rawurldecode, urlencode, urldecode } from './url-encoding';
export {
  parseStrTopLevel,
  parseStrNested,
  phpArrayValues,
  parseVariableName,
  PHP_ARRAY,
  type TopLevelValue,
  type PhpValue,
  type PhpArray,
  type PhpVariableName,
} from './parse-str';
export { strnatcmp } from './strnatcmp';
export { compareBytes, compareKeys, ksort } from './compare';
export { isNumeric, intCast, isIntegerKey, looseEquals } from './numeric';
export { trim, TRIMMED_BY_DEFAULT } from './trim';
