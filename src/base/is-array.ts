/**
 * `Array.isArray` for a value from a caller, which may be a revoked `Proxy`:
 * `Array.isArray` throws on one ("Cannot perform 'IsArray' on a proxy that has
 * been revoked"), a message that names no argument. A revoked Proxy is no
 * array, so the caller's own check refuses it with a message that does.
 */
export function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Whether `value` is a revoked `Proxy`: the only thing `Array.isArray` throws on, in every engine. */
export function isRevokedProxy(value: unknown): boolean {
  if (typeof value !== 'object' && typeof value !== 'function') return false;
  try {
    Array.isArray(value);
    return false;
  } catch {
    return true;
  }
}
