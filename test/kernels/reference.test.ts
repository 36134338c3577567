import { describe, expect, it } from 'vitest';
import {
  leakyReluAt,
  leakyReluBackwardAt,
  leakyReluBackwardLoop,
  leakyReluDerivativeAt,
  leakyReluDerivativeLoop,
  leakyReluLoop,
} from '../../src/kernels/reference.js';
import { SPECIAL_INPUTS, sameValues } from '../support/values.js';

describe('the reference loops', () => {
  it('apply the point formulas to every element', () => {
    const x = [...SPECIAL_INPUTS];
    const out = new Array<number>(x.length).fill(0);
    leakyReluLoop(x, -0.5, out);
    expect(sameValues(out, x.map((v) => leakyReluAt(v, -0.5)))).toBeUndefined();
    leakyReluDerivativeLoop(x, -0.5, out);
    expect(sameValues(out, x.map((v) => leakyReluDerivativeAt(v, -0.5)))).toBeUndefined();
    const gradient = x.map((_, i) => i - 3);
    leakyReluBackwardLoop(gradient, x, -0.5, out);
    expect(sameValues(out, x.map((v, i) => leakyReluBackwardAt(gradient[i]!, v, -0.5)))).toBeUndefined();
  });

  it('leakyReluAt keeps -0 and NaN, and follows x >= 0', () => {
    expect(Object.is(leakyReluAt(-0, 3), -0)).toBe(true);
    expect(Object.is(leakyReluAt(NaN, 3), NaN)).toBe(true);
    expect(Object.is(leakyReluAt(-Infinity, 0), NaN)).toBe(true);
  });

  it('leakyReluBackwardAt returns the gradient itself on [0, ∞)', () => {
    expect(Object.is(leakyReluBackwardAt(-0, 0, 0.5), -0)).toBe(true);
    expect(leakyReluBackwardAt(4, -1, 0.5)).toBe(2);
  });
});
