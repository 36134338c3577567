import { describe, expect, it } from 'vitest';
import { BLOCK_ALIGNMENT as A, Heap } from '../../src/kernels/heap.js';

/** A heap over a pretend memory whose size the test can read. */
function heapFrom(start: number): { heap: Heap; size: () => number } {
  let size = start;
  const heap = new Heap(start, (bytes) => {
    size = Math.max(size, bytes);
  });
  return { heap, size: () => size };
}

describe('Heap', () => {
  it('hands out blocks aligned to 64-byte cache lines after its start, growing the memory to fit', () => {
    expect(A).toBe(64);
    const { heap, size } = heapFrom(128);
    expect(heap.allocate(4)).toBe(128);
    expect(heap.allocate(A + 4)).toBe(128 + A);
    expect(heap.allocate(0)).toBe(128 + 3 * A);
    expect(size()).toBe(128 + 4 * A);
    expect(heap.allocatedBytes).toBe(4 * A);
  });

  it('reuses a released block for a request that fits, first fit', () => {
    const { heap, size } = heapFrom(0);
    const first = heap.allocate(2 * A);
    heap.allocate(2 * A);
    heap.release(first);
    expect(heap.allocate(A)).toBe(first);
    expect(heap.allocate(A)).toBe(first + A);
    expect(size()).toBe(4 * A);
  });

  it('merges adjacent released blocks, so a larger request fits where two smaller ones were', () => {
    const { heap, size } = heapFrom(0);
    const blocks = [heap.allocate(A), heap.allocate(A), heap.allocate(A), heap.allocate(A)];
    heap.release(blocks[2]!);
    heap.release(blocks[1]!);
    expect(heap.allocate(2 * A)).toBe(blocks[1]);
    expect(size()).toBe(4 * A);
  });

  it('extends a free block at the top instead of leaving a hole', () => {
    const { heap, size } = heapFrom(0);
    heap.allocate(A);
    const top = heap.allocate(A);
    heap.release(top);
    expect(heap.allocate(3 * A)).toBe(top);
    expect(size()).toBe(4 * A);
  });

  it('ignores a second release of the same block', () => {
    const { heap } = heapFrom(0);
    const block = heap.allocate(A);
    heap.release(block);
    heap.release(block);
    expect(heap.allocatedBytes).toBe(0);
    expect(heap.allocate(A)).toBe(block);
    expect(heap.allocate(A)).toBe(block + A);
  });

  it('changes nothing when the memory cannot grow', () => {
    let grows = true;
    const heap = new Heap(0, () => {
      if (!grows) throw new RangeError('out of memory');
    });
    heap.allocate(A);
    grows = false;
    expect(() => heap.allocate(1024)).toThrow(RangeError);
    grows = true;
    expect(heap.allocate(A)).toBe(A);
  });
  it('holds a byte range inside one live block only: not below the heap, across blocks, or in a freed block', () => {
    const { heap } = heapFrom(64);
    const first = heap.allocate(40);
    const second = heap.allocate(32);
    expect(heap.holds(first, 40)).toBe(true);
    expect(heap.holds(first + 4, A - 4)).toBe(true);
    expect(heap.holds(first + 4, A - 3)).toBe(false);
    expect(heap.holds(0, 16)).toBe(false);
    expect(heap.holds(first + 32, A)).toBe(false);
    heap.release(second);
    expect(heap.holds(second, 4)).toBe(false);
  });
});
