import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_BYTES, kernelInstance, wasmApi, wasmKernel } from '../../src/kernels/wasm.js';

describe('the WebAssembly kernel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is instantiated on first use, once, and not at import', async () => {
    const api = wasmApi()!;
    let instances = 0;
    class CountingInstance extends api.Instance {
      constructor(module: object, imports: object) {
        super(module, imports);
        instances++;
      }
    }
    vi.stubGlobal('WebAssembly', { validate: api.validate, Module: api.Module, Instance: CountingInstance });
    vi.resetModules();
    const { leakyRelu } = await import('leaky-relu');
    expect(instances).toBe(0);
    const x = new Float32Array(1000).fill(-1);
    leakyRelu(x, 0.5);
    leakyRelu(x, 0.5);
    expect(instances).toBe(1);
  });

  it('streams a JS-heap array of any length through a fixed scratch area, so its memory does not grow', () => {
    const before = kernelInstance().exports.memory.buffer.byteLength;
    const length = 10 * (CHUNK_BYTES / 4) + 3;
    const x = new Float32Array(length).fill(-2);
    const out = new Float32Array(length);
    wasmKernel.forward(x, 0.25, out);
    wasmKernel.backward(x, x, 0.25, out);
    expect(kernelInstance().exports.memory.buffer.byteLength).toBe(before);
    expect(out[0]).toBe(-0.5);
    expect(out[length - 1]).toBe(-0.5);
  });

  it('takes a slope of 0 < alpha <= 1 on its fast path and any other on the select path, alike', () => {
    const x = new Float64Array([-4, -0, 0, 4, -Infinity, Infinity, NaN]);
    const out = new Float64Array(x.length);
    for (const [alpha, expected] of [
      [1, [-4, -0, 0, 4, -Infinity, Infinity, NaN]],
      [0.5, [-2, -0, 0, 4, -Infinity, Infinity, NaN]],
      [0, [-0, -0, 0, 4, NaN, Infinity, NaN]],
      [-0.5, [2, -0, 0, 4, Infinity, Infinity, NaN]],
      [2, [-8, -0, 0, 4, -Infinity, Infinity, NaN]],
    ] as const) {
      wasmKernel.forward(x, alpha, out);
      expect(Array.from(out)).toEqual(expected);
      expect(Object.is(out[1], -0)).toBe(true);
    }
  });
});
