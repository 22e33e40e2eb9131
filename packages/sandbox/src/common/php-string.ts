/**
 * PHP's `(string)` cast of a scalar as Magento's web API applies it (`settype($value, 'string')` in
 * `Reflection\TypeProcessor`, `(string) $value` in `Rest\Response\Renderer\Xml`): `true` → `"1"`,
 * `false` and `null` → `""`, integers as digits, floats with PHP's `precision` of 14 significant digits
 * (`zend_gcvt`: `0.1 + 0.2` → `"0.3"`, `1e25` → `"1.0E+25"`).
 */
export function phpString(value: string | number | boolean | null): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (value === null) return '';
  return Number.isSafeInteger(value) ? String(value) : phpFloatString(value);
}

/** PHP `gettype()` of a decoded JSON or XML value (`"array"` for lists and objects alike). */
export function phpGettype(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  if (typeof value === 'string') return 'string';
  return 'array';
}

const PRECISION = 14;

/** `smart_str_append_double($value, precision: 14)`, i.e. `zend_gcvt($value, 14, '.', 'E')`. */
export function phpFloatString(value: number): string {
  if (Number.isNaN(value)) return 'NAN';
  if (!Number.isFinite(value)) return value > 0 ? 'INF' : '-INF';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0`;
  const [mantissa, exponent] = Math.abs(value)
    .toExponential(PRECISION - 1)
    .split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  const decimalPoint = Number(exponent) + 1;
  if (decimalPoint < -3 || decimalPoint > PRECISION) {
    const power = decimalPoint - 1;
    return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${power < 0 ? '-' : '+'}${Math.abs(power)}`;
  }
  if (decimalPoint <= 0) return `${sign}0.${'0'.repeat(-decimalPoint)}${digits}`;
  const whole = digits.slice(0, decimalPoint).padEnd(decimalPoint, '0');
  const fraction = digits.slice(decimalPoint);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
