import { describe, expect, it } from 'vitest';
import { KERNEL_ORDER, NODE_WORKER_SOURCE, SLOT, SLOT_WORDS, WEB_WORKER_SOURCE } from '../../src/kernels/pool-worker.js';
import { kernelInstance } from '../../src/kernels/wasm.js';

describe('the pool worker source', () => {
  it('parses as a script, for Node and for the browser', () => {
    for (const source of [NODE_WORKER_SOURCE, WEB_WORKER_SOURCE]) expect(() => new Function(source)).not.toThrow();
  });

  it('names every kernel the module exports, the backward ones third in each precision', () => {
    const exported = Object.keys(kernelInstance().exports).filter((name) => name !== 'memory');
    expect([...KERNEL_ORDER].sort()).toEqual(exported.sort());
    expect(KERNEL_ORDER.filter((_, index) => index % 3 === 2)).toEqual(['backwardF32', 'backwardF64']);
  });

  it('lays a slot out within its words, the float64 slope on an 8-byte boundary', () => {
    expect(SLOT.slope % 2).toBe(0);
    expect(SLOT.slope + 2).toBeLessThanOrEqual(SLOT_WORDS);
    expect(Math.max(SLOT.offsets + 2, SLOT.length, SLOT.done, SLOT.failed, SLOT.claim)).toBeLessThan(SLOT.slope);
  });
});
