import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelBytes, kernelInstance, wasmApi } from '../../src/kernels/wasm.js';
import { root } from '../support/snippets.js';

describe('the embedded kernel bytes', () => {
  it('are what scripts/build-wasm.mjs assembles from leaky-relu.wat today', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts/build-wasm.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('are a valid module that exports the memory and the six kernels', () => {
    expect(wasmApi()!.validate(kernelBytes())).toBe(true);
    expect(Object.keys(kernelInstance().exports).sort()).toEqual(
      ['memory', ...['forward', 'derivative', 'backward'].flatMap((op) => [`${op}F32`, `${op}F64`])].sort(),
    );
  });

  it('stay under 4 KiB, the most a browser compiles synchronously on its main thread', () => {
    expect(kernelBytes().length).toBeLessThan(4096);
  });
});
