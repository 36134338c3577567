/**
 * Which kernel runs typed arrays. WebAssembly SIMD is used only where
 * `WebAssembly.validate` accepts the kernel's bytes, never assumed; elsewhere
 * the branch-free JavaScript loops run. Short arrays always take the
 * reference loop: below a few dozen elements a call into WebAssembly and the
 * copies cost more than the loop itself.
 */
import { branchFreeKernel } from './branch-free.js';
import type { TypedKernel } from './typed-kernel.js';
import { kernelBytes, wasmApi, wasmKernel } from './wasm.js';

/** The kernels a typed array can run on. `'reference'` is the plain loop of reference.ts. */
export type KernelName = 'reference' | 'wasm-simd' | 'branch-free';

/**
 * Arrays shorter than this take the reference loop. Measured through the
 * public op on fresh random data: the loop wins up to 64 elements, SIMD from
 * 96 on (280 ns against 320 ns per call), by 3x at 512.
 */
export const SHORT_ARRAY_LENGTH = 96;

let simd: boolean | undefined;

/** Whether this runtime runs the WebAssembly SIMD kernel. Checked once. */
export function simdSupported(): boolean {
  if (simd === undefined) {
    const api = wasmApi();
    try {
      simd = api !== undefined && api.validate(kernelBytes());
    } catch {
      // No base64 decoder, or a validate that throws: run without WebAssembly.
      simd = false;
    }
  }
  return simd;
}

let forced: KernelName | undefined;

/**
 * Makes every typed array, short ones included, run on `name`; `undefined`
 * restores the automatic choice. For tests, which must exercise each kernel:
 * not part of the public API.
 *
 * @throws {Error} when `name` is `'wasm-simd'` and this runtime lacks it.
 */
export function forceKernel(name: KernelName | undefined): void {
  if (name === 'wasm-simd' && !simdSupported()) throw new Error('WebAssembly SIMD is not supported here');
  forced = name;
}

/** The kernel for a typed array of `length` elements, or `undefined` for the reference loop. */
export function kernelFor(length: number): TypedKernel | undefined {
  const name = forced ?? (length < SHORT_ARRAY_LENGTH ? 'reference' : simdSupported() ? 'wasm-simd' : 'branch-free');
  return name === 'wasm-simd' ? wasmKernel : name === 'branch-free' ? branchFreeKernel : undefined;
}
