import { describe, expect, it } from 'vitest';
import { bufferOf, byteLengthOf, byteOffsetOf, lengthOf } from '../../src/kernels/typed-array-intrinsics.js';

describe('the intrinsic typed-array getters', () => {
  it('read the real buffer, offset and lengths of a view whose own properties lie', () => {
    const backing = new ArrayBuffer(64);
    const view = new Float32Array(backing, 8, 4);
    for (const [name, value] of [['buffer', new ArrayBuffer(8)], ['byteOffset', 0], ['length', 1e6], ['byteLength', 4e6]] as const) {
      Object.defineProperty(view, name, { value });
    }
    expect(view.length).toBe(1e6);
    expect(bufferOf(view)).toBe(backing);
    expect(byteOffsetOf(view)).toBe(8);
    expect(lengthOf(view)).toBe(4);
    expect(byteLengthOf(view)).toBe(16);
  });

  it('throw a TypeError on anything but a typed array', () => {
    expect(() => lengthOf(new DataView(new ArrayBuffer(4)))).toThrow(TypeError);
  });
});
