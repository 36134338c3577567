import { isArray, isRevokedProxy } from './is-array.js';
import { typedArrayLength, typedArrayTag } from './typed-array.js';

/**
 * Describes a value for an error message, so that `-0`, `NaN` and the type of
 * a wrong value are visible. A typed array is named by its built-in type and
 * length, whatever its own properties claim. A revoked `Proxy` is named as
 * one, and no other object's code can make this throw.
 */
export function describeValue(value: unknown): string {
  if (isRevokedProxy(value)) return 'a revoked Proxy';
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
  // A Proxy's traps may throw: the message then says what is known, rather than the trap's error.
  try {
    if (isArray(value)) return `Array(${String(value.length)})`;
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `an object (${name})` : 'an object';
  } catch {
    return 'an object';
  }
}
