import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkSlope, readInput, describeValue, isFloat32Array, isFloat64Array } from '../../src/core/validate.js';

describe('describeValue(value)', () => {
  it.each([
    [-0, '-0'],
    [NaN, 'NaN'],
    ['a', '"a" (string)'],
    [2n, '2n (bigint)'],
    [false, 'false (boolean)'],
    [undefined, 'undefined'],
    [null, 'null'],
    [[1, 2], 'Array(2)'],
    [new Uint8Array(4), 'Uint8Array(4)'],
    [new Map(), 'an object (Map)'],
    [Object.create(null), 'an object'],
    [Symbol('s'), 'Symbol(s)'],
    [function named() {}, 'function named'],
  ])('shows %o as %s', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });
});

describe('checkSlope(value, name)', () => {
  it('accepts any finite number', () => {
    for (const value of [0, -0, -3, 1e300, Number.MIN_VALUE]) expect(Object.is(checkSlope(value, 'alpha'), value)).toBe(true);
  });
});

describe('isFloat32Array and isFloat64Array', () => {
  it('recognise arrays from another realm', () => {
    const foreign32: unknown = runInNewContext('new Float32Array(2)');
    const foreign64: unknown = runInNewContext('new Float64Array(2)');
    expect(foreign32 instanceof Float32Array).toBe(false);
    expect(isFloat32Array(foreign32)).toBe(true);
    expect(isFloat64Array(foreign64)).toBe(true);
    expect(readInput(foreign32, 'x').kind).toBe('Float32Array');
  });

  it('reject look-alikes', () => {
    expect(isFloat32Array(new Float64Array(1))).toBe(false);
    expect(isFloat32Array({ [Symbol.toStringTag]: 'Float32Array' })).toBe(false);
    expect(isFloat64Array(new DataView(new ArrayBuffer(8)))).toBe(false);
  });
});
