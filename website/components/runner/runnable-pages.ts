// Which code the site runs on the page: one home, read by the site's code
// block and by the tests (test/site/copied-snippets.test.ts runs the same
// blocks in Node, test/site/run-on-page.test.ts on the page).

/**
 * The guide's pages whose TypeScript blocks run in plain Node, and so on the
 * page. The plots page's blocks display in a tslab kernel, so they are not among them.
 */
export const RUNNABLE_PAGES: readonly string[] = ['/getting-started', '/semantics', '/errors', '/conventions', '/variants', '/numpy-helpers', '/experiments', '/speed', '/notebook-kernels'];

/** Blocks of those pages that run in Node but not on the page, found by a piece of their code, each with the reason. */
export const NOT_RUN_ON_THE_PAGE: readonly { readonly page: string; readonly code: string; readonly reason: string }[] = [
  {
    page: '/errors',
    code: 'new SharedArrayBuffer(',
    reason: 'a SharedArrayBuffer exists only in a cross-origin isolated page; the runner is an opaque origin, never isolated',
  },
  {
    page: '/speed',
    code: 'createPool(',
    reason: 'a thread pool shares WebAssembly memory between Workers, which needs a cross-origin isolated page; the runner is an opaque origin, never isolated',
  },
];

/**
 * Whether a block is one that runs nowhere, in Node or on the page: a block
 * fenced `ts no-run` opens with `// not run: <why>`, as the docs' tests require.
 */
export function isMarkedNotRun(code: string): boolean {
  return /^\/\/\s*not run:/.test(code);
}

/** Whether the block `code` of the page at `path` (the route, without the base URL) has a Run button. */
export function runsOnThePage(path: string, code: string): boolean {
  const page = path.replace(/\/$/, '') || '/';
  return RUNNABLE_PAGES.includes(page) && !isMarkedNotRun(code) && !NOT_RUN_ON_THE_PAGE.some((block) => block.page === page && code.includes(block.code));
}
