import { afterEach, describe, expect, it, vi } from 'vitest';
import { branchFreeKernel } from '../../src/kernels/branch-free.js';
import { forceKernel, kernelFor, SHORT_ARRAY_LENGTH, simdSupported } from '../../src/kernels/select.js';
import { wasmKernel } from '../../src/kernels/wasm.js';

describe('kernel selection', () => {
  afterEach(() => forceKernel(undefined));

  it('simdSupported() is true on Node 20, whose WebAssembly validates the SIMD kernel', () => {
    expect(simdSupported()).toBe(true);
  });

  it('kernelFor(length) picks WebAssembly SIMD from SHORT_ARRAY_LENGTH elements on', () => {
    expect(kernelFor(SHORT_ARRAY_LENGTH)).toBe(wasmKernel);
    expect(kernelFor(1e6)).toBe(wasmKernel);
  });

  it('kernelFor(length) leaves shorter arrays to the reference loop', () => {
    expect(kernelFor(SHORT_ARRAY_LENGTH - 1)).toBeUndefined();
    expect(kernelFor(0)).toBeUndefined();
  });

  it('forceKernel(name) makes every length run on that kernel, until forceKernel(undefined)', () => {
    forceKernel('branch-free');
    expect(kernelFor(1)).toBe(branchFreeKernel);
    forceKernel('wasm-simd');
    expect(kernelFor(1)).toBe(wasmKernel);
    forceKernel('reference');
    expect(kernelFor(1e6)).toBeUndefined();
    forceKernel(undefined);
    expect(kernelFor(1e6)).toBe(wasmKernel);
  });
});

describe('kernel selection without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  async function freshSelect(webAssembly: unknown): Promise<typeof import('../../src/kernels/select.js')> {
    vi.stubGlobal('WebAssembly', webAssembly);
    vi.resetModules();
    return import('../../src/kernels/select.js');
  }

  it('falls back to the branch-free loops when there is no WebAssembly at all', async () => {
    const select = await freshSelect(undefined);
    const { branchFreeKernel: fallback } = await import('../../src/kernels/branch-free.js');
    expect(select.simdSupported()).toBe(false);
    expect(select.kernelFor(1e6)).toBe(fallback);
    expect(() => select.forceKernel('wasm-simd')).toThrow(new Error('WebAssembly SIMD is not supported here'));
  });

  it('falls back when WebAssembly.validate rejects the SIMD bytes', async () => {
    const select = await freshSelect({ validate: () => false });
    expect(select.simdSupported()).toBe(false);
    expect(select.kernelFor(1e6)).not.toBeUndefined();
  });
});
