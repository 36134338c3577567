// @ts-check
// HTML outputs of notebooks, made safe to insert into a page.
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

/** The prefix every class of notebook HTML gets, so it cannot take the site's own classes. */
export const CLASS_PREFIX = 'nb-';

const schema = {
  ...defaultSchema,
  // `<picture><source srcset>` loads from anywhere; its `<img>` fallback stays, and is checked below.
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'source'),
  // Removed with their content: a style sheet's text is not the output.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  // Tables from data frames and Plotly's fallback carry classes worth keeping (prefixed below).
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'] },
  // Kept here so that `data:` images reach the check below, which loads nothing else.
  protocols: { ...defaultSchema.protocols, src: ['http', 'https', 'data'] },
};
/** The same rules, for HTML already cleaned: its ids already carry their prefix. */
const cleanedSchema = { ...schema, clobberPrefix: '' };

/**
 * HTML output, made safe to insert: parsed as a browser would, cleaned with
 * GitHub's allow-list (no `<script>`, `<style>`, `<base>`, `<meta>`, SVG or
 * MathML, no event handler, no `style`, no `javascript:` URL, ids prefixed
 * `user-content-`), then:
 * - every class is prefixed `nb-`, so notebook HTML cannot dress itself in
 *   the site's classes (a `navbar-sidebar--show` panel over the page);
 * - an image loads only from a `data:image/` URL: any other source would make
 *   a reader's browser contact a host the site does not name, so the image
 *   is replaced by a note naming its URL;
 * - the result is parsed and cleaned once more, and must come out the same:
 *   HTML that changes when read again (mutation XSS) is not shown.
 *
 * @param {string} html
 * @returns {{ html: string, blocked: string[] }} The safe HTML, and the URLs it did not load.
 */
export function sanitizeHtml(html) {
  /** @type {string[]} */
  const blocked = [];
  const clean = toHtml(rewrite(sanitize(fromHtml(html, { fragment: true }), schema), blocked));
  const again = toHtml(rewrite(sanitize(fromHtml(clean, { fragment: true }), cleanedSchema), []));
  if (again !== clean) return { html: '<p>[This HTML output is not shown: it changes when a browser reads it again.]</p>', blocked };
  return { html: clean, blocked };
}

/**
 * @param {any} node
 * @param {string[]} blocked
 * @returns {any}
 */
function rewrite(node, blocked) {
  if (node.type === 'element') {
    const properties = node.properties ?? {};
    if (Array.isArray(properties.className)) {
      properties.className = properties.className.map((/** @type {string} */ name) => (name.startsWith(CLASS_PREFIX) ? name : `${CLASS_PREFIX}${name}`));
    }
    if (node.tagName === 'img' && typeof properties.src === 'string' && !isDataImage(properties.src)) {
      blocked.push(properties.src);
      return { type: 'text', value: `[image not loaded from ${properties.src}]` };
    }
    delete properties.longDesc;
  }
  if (Array.isArray(node.children)) node.children = node.children.map((/** @type {any} */ child) => rewrite(child, blocked));
  return node;
}

/**
 * A URL the browser reads without any request: an image in a `data:` URL.
 *
 * @param {string} url
 */
export function isDataImage(url) {
  return /^data:image\/[\w.+-]+[;,]/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}
