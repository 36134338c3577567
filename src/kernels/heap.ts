/**
 * A first-fit free list over a growable byte range: the allocator behind the
 * zero-copy buffers in the kernel's memory. It only does offset arithmetic;
 * growing the real memory is the caller's `grow` callback.
 */

/**
 * Every block starts on a 64-byte cache line: a SIMD vector never straddles
 * two lines, and a thread pool's parts, whole lines from a buffer's start,
 * are whole lines of memory, so no two threads write the same one.
 */
export const BLOCK_ALIGNMENT = 64;

interface FreeBlock {
  offset: number;
  size: number;
}

/** Rounds a byte count up to whole blocks; a zero-byte request still takes one. */
function blockSize(bytes: number): number {
  return Math.max(BLOCK_ALIGNMENT, Math.ceil(bytes / BLOCK_ALIGNMENT) * BLOCK_ALIGNMENT);
}

export class Heap {
  /** Free blocks, sorted by offset, never adjacent (adjacent ones are merged). */
  private readonly free: FreeBlock[] = [];
  private readonly sizes = new Map<number, number>();
  private end: number;

  /**
   * @param start - The first byte the heap may hand out (a multiple of 16).
   * @param grow - Makes the memory at least `bytes` long, or throws.
   */
  constructor(
    start: number,
    private readonly grow: (bytes: number) => void,
  ) {
    this.end = start;
  }

  /** Reserves `bytes` and returns the offset of the block, aligned to {@link BLOCK_ALIGNMENT}. */
  allocate(bytes: number): number {
    const size = blockSize(bytes);
    const index = this.free.findIndex((block) => block.size >= size);
    const block = this.free[index];
    let offset: number;
    if (block) {
      offset = block.offset;
      if (block.size === size) this.free.splice(index, 1);
      else Object.assign(block, { offset: offset + size, size: block.size - size });
    } else {
      // Extend the heap, starting inside a free block that ends at the top.
      const last = this.free.at(-1);
      offset = last && last.offset + last.size === this.end ? last.offset : this.end;
      this.grow(offset + size);
      if (offset !== this.end) this.free.pop();
      this.end = offset + size;
    }
    this.sizes.set(offset, size);
    return offset;
  }

  /** Returns a block from `allocate` to the free list. Releasing it twice is a no-op. */
  release(offset: number): void {
    const size = this.sizes.get(offset);
    if (size === undefined) return;
    this.sizes.delete(offset);
    let index = this.free.findIndex((block) => block.offset > offset);
    if (index === -1) index = this.free.length;
    this.free.splice(index, 0, { offset, size });
    this.mergeAt(index);
    if (index > 0) this.mergeAt(index - 1);
  }

  /**
   * Whether `bytes` bytes from `offset` lie inside one block handed out and
   * not yet released: the test that a view of the memory is a live buffer's,
   * and not the scratch area below the heap or a freed block.
   */
  holds(offset: number, bytes: number): boolean {
    const size = this.sizes.get(offset);
    if (size !== undefined) return bytes <= size;
    for (const [start, blockBytes] of this.sizes) {
      if (start <= offset && offset + bytes <= start + blockBytes) return true;
    }
    return false;
  }

  /** The bytes handed out and not yet released. */
  get allocatedBytes(): number {
    let total = 0;
    for (const size of this.sizes.values()) total += size;
    return total;
  }

  private mergeAt(index: number): void {
    const block = this.free[index];
    const next = this.free[index + 1];
    if (block && next && block.offset + block.size === next.offset) {
      block.size += next.size;
      this.free.splice(index + 1, 1);
    }
  }
}
