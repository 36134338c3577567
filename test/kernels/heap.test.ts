import { describe, expect, it } from 'vitest';
import { BLOCK_ALIGNMENT, Heap } from '../../src/kernels/heap.js';

/** A heap over a pretend memory whose size the test can read. */
function heapFrom(start: number): { heap: Heap; size: () => number } {
  let size = start;
  const heap = new Heap(start, (bytes) => {
    size = Math.max(size, bytes);
  });
  return { heap, size: () => size };
}

describe('Heap', () => {
  it('hands out 16-byte aligned blocks after its start, growing the memory to fit', () => {
    const { heap, size } = heapFrom(64);
    expect(heap.allocate(4)).toBe(64);
    expect(heap.allocate(20)).toBe(64 + BLOCK_ALIGNMENT);
    expect(heap.allocate(0)).toBe(64 + 3 * BLOCK_ALIGNMENT);
    expect(size()).toBe(64 + 4 * BLOCK_ALIGNMENT);
    expect(heap.allocatedBytes).toBe(4 * BLOCK_ALIGNMENT);
  });

  it('reuses a released block for a request that fits, first fit', () => {
    const { heap, size } = heapFrom(0);
    const first = heap.allocate(64);
    heap.allocate(64);
    heap.release(first);
    expect(heap.allocate(32)).toBe(first);
    expect(heap.allocate(32)).toBe(first + 32);
    expect(size()).toBe(128);
  });

  it('merges adjacent released blocks, so a larger request fits where two smaller ones were', () => {
    const { heap, size } = heapFrom(0);
    const blocks = [heap.allocate(16), heap.allocate(16), heap.allocate(16), heap.allocate(16)];
    heap.release(blocks[2]!);
    heap.release(blocks[1]!);
    expect(heap.allocate(32)).toBe(blocks[1]);
    expect(size()).toBe(64);
  });

  it('extends a free block at the top instead of leaving a hole', () => {
    const { heap, size } = heapFrom(0);
    heap.allocate(16);
    const top = heap.allocate(16);
    heap.release(top);
    expect(heap.allocate(48)).toBe(top);
    expect(size()).toBe(64);
  });

  it('ignores a second release of the same block', () => {
    const { heap } = heapFrom(0);
    const block = heap.allocate(16);
    heap.release(block);
    heap.release(block);
    expect(heap.allocatedBytes).toBe(0);
    expect(heap.allocate(16)).toBe(block);
    expect(heap.allocate(16)).toBe(block + 16);
  });

  it('changes nothing when the memory cannot grow', () => {
    let grows = true;
    const heap = new Heap(0, () => {
      if (!grows) throw new RangeError('out of memory');
    });
    heap.allocate(16);
    grows = false;
    expect(() => heap.allocate(1024)).toThrow(RangeError);
    grows = true;
    expect(heap.allocate(16)).toBe(16);
  });
  it('holds a byte range inside one live block only: not below the heap, across blocks, or in a freed block', () => {
    const { heap } = heapFrom(64);
    const first = heap.allocate(40);
    const second = heap.allocate(32);
    expect(heap.holds(first, 40)).toBe(true);
    expect(heap.holds(first + 4, 44)).toBe(true);
    expect(heap.holds(first + 4, 45)).toBe(false);
    expect(heap.holds(0, 16)).toBe(false);
    expect(heap.holds(first + 32, 32)).toBe(false);
    heap.release(second);
    expect(heap.holds(second, 4)).toBe(false);
  });
});
