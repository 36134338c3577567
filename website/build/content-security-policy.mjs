// @ts-check
// The site's Content-Security-Policy, in one place for both ways it reaches
// a browser: the header the `npm start` server sends (serve.mjs), and the
// `<meta http-equiv>` tag the build writes into every page
// (website/plugins/content-security-policy-meta.ts), for a host that sends
// no headers, as GitHub Pages does.
import { createHash } from 'node:crypto';

/** The pages whose inline scripts are trusted: see {@link trustedInlineScriptHashes}. */
export const TRUSTED_PAGES = ['index.html', '404.html'];

/**
 * Directives a `<meta>` policy cannot carry: browsers ignore them there
 * (CSP 3, 6.4.2), so only a response header gives them.
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * The `sha256-…` sources of the inline scripts a page runs: scripts without a
 * `src`, of a JavaScript type; data blocks such as JSON-LD are not run, so a
 * policy need not name them.
 *
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  /** @type {string[]} */
  const hashes = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (type !== undefined && !/^(module|(text|application)\/(x-)?(java|ecma)script)$/i.test(type)) continue;
    // The browser hashes the text after HTML's newline normalisation.
    const text = body.replace(/\r\n?/g, '\n');
    hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

/**
 * The inline scripts the site may run: those of the home page and the 404
 * page ({@link TRUSTED_PAGES}), which Docusaurus builds from the theme and
 * the config alone (its colour-mode script and the site template's loader,
 * on every page, and its base-URL banner, on the home page). A script that
 * only a notebook page holds is not among them, so a script a notebook
 * smuggled into its page is refused by the browser.
 *
 * @param {string[]} pages the HTML of the trusted pages that exist
 * @returns {string[]}
 */
export function trustedInlineScriptHashes(pages) {
  return [...new Set(pages.flatMap(inlineScriptHashes))];
}

/**
 * The Content-Security-Policy of every response: what the built site needs,
 * nothing more, and never another host.
 *
 * @param {string[]} scriptHashes the `'sha256-…'` sources of the inline scripts to allow
 * @returns {string}
 */
export function contentSecurityPolicy(scriptHashes) {
  return [
    // Everything comes from this server: no CDN, no other host.
    "default-src 'self'",
    // The bundles; 'wasm-unsafe-eval' compiles the SIMD kernels (WebAssembly,
    // in pages and in the trainer's Worker); the hashes admit Docusaurus's inline scripts.
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    // KaTeX's server-rendered maths and Plotly's charts set style attributes.
    "style-src 'self' 'unsafe-inline'",
    // Infima's icons and Plotly's image export are data: and blob: images.
    "img-src 'self' data: blob:",
    // The KaTeX fonts: files, and the smallest ones inlined into the CSS by Docusaurus's webpack as data: URLs.
    "font-src 'self' data:",
    // The search index, fetched by the search bar.
    "connect-src 'self'",
    // The dying-ReLU trainer's module Worker.
    "worker-src 'self'",
    // No plugin content, no <base> to redirect relative URLs, forms submit here only.
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // No other site may frame these pages (clickjacking).
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The same policy for a `<meta http-equiv="Content-Security-Policy">` tag:
 * without the {@link HEADER_ONLY_DIRECTIVES}, which a browser would
 * ignore there with a console error.
 *
 * @param {string[]} scriptHashes
 * @returns {string}
 */
export function metaContentSecurityPolicy(scriptHashes) {
  return contentSecurityPolicy(scriptHashes)
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.includes(directive.split(' ', 1)[0] ?? ''))
    .join('; ');
}
