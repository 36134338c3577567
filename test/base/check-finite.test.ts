import { describe, expect, it } from 'vitest';
import { checkFinite } from '../../src/base/check-finite.js';

describe('checkFinite(value, name)', () => {
  it('accepts any finite number', () => {
    for (const value of [0, -0, -3, 1e300, Number.MIN_VALUE]) expect(Object.is(checkFinite(value, 'alpha'), value)).toBe(true);
  });

  it('names the argument and the value when it throws', () => {
    expect(() => checkFinite('1', 'start')).toThrow(new TypeError('start must be a number, got "1" (string)'));
    expect(() => checkFinite(NaN, 'options.lower')).toThrow(new RangeError('options.lower must be a finite number, got NaN'));
    expect(() => checkFinite(-Infinity, 'alpha')).toThrow(new RangeError('alpha must be a finite number, got -Infinity'));
  });
});
