// A notebook page's cells, for its Run all: each runnable cell registers its
// handle when it mounts. The page's cells come as several runs of cells
// between its markdown, so the order is the page's, not registration's.
import type { RunEnd } from './runner-client';
import type { RunHandle } from './RunnableCode';

const cells = new Set<RunHandle>();

/** Adds a cell; returns the call that removes it. */
export function registerCell(handle: RunHandle): () => void {
  cells.add(handle);
  return () => cells.delete(handle);
}

/** Runs every cell of the page in order, as a kernel does after a restart; stops at the first that fails or is stopped. */
export async function runAllCells(): Promise<RunEnd> {
  const ordered = [...cells].sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  for (const cell of ordered) {
    const end = await cell.run();
    if (end !== 'done') return end;
  }
  return 'done';
}
