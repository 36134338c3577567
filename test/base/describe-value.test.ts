import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/base/describe-value.js';

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
