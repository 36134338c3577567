// @ts-check
// Where the runner page sits and the policy it runs under: one home for both,
// read by the page's writer (./runner-page.mjs) and by the server (./serve.mjs).

/** Where the runner page sits, under the site's base URL: `<base>runner/`. */
export const RUNNER_FOLDER = 'runner';

/**
 * The runner page's Content-Security-Policy, in its `<meta>` tag (all that
 * GitHub Pages gives) and in the server's header for it.
 *
 * @returns {string}
 */
export function runnerContentSecurityPolicy() {
  return [
    "default-src 'none'",
    // The runner's bundles; blob: is the reader's code, run as a classic
    // script of the Worker (importScripts), and the Worker's own source;
    // 'wasm-unsafe-eval' compiles the library's WebAssembly kernels. No 'unsafe-eval'.
    "script-src 'self' blob: 'wasm-unsafe-eval'",
    'worker-src blob:',
    // No fetch, XHR, WebSocket or EventSource, to any host, this one included.
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
