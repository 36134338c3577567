import { typedArrayLength, typedArrayTag } from './typed-array.js';

/**
 * Describes a value for an error message, so that `-0`, `NaN` and the type of
 * a wrong value are visible. A typed array is named by its built-in type and
 * length, whatever its own properties claim.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return `${JSON.stringify(value)} (string)`;
    case 'bigint':
      return `${value}n (bigint)`;
    case 'boolean':
      return `${value} (boolean)`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return `function ${value.name || '(anonymous)'}`;
    default:
      break;
  }
  if (value === null) return 'null';
  const tag = typedArrayTag(value);
  if (tag !== undefined) return `${tag}(${typedArrayLength(value as ArrayBufferView)})`;
  if (Array.isArray(value)) return `Array(${String(value.length)})`;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `an object (${name})` : 'an object';
}
