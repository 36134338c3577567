// @ts-check
// A typedoc plugin: gives each generated API page a `description` in its
// front matter, the plain text of the first sentence of its TSDoc summary.
// Without it Docusaurus takes the page's first line, the signature as
// Markdown, whose escapes (`number \| NumericArray`) then show in search
// results and link previews.
import { readFileSync } from 'node:fs';
import { MarkdownPageEvent } from 'typedoc-plugin-markdown';

/** The package's own description, for the reference's index page, which has no summary of its own. */
const PACKAGE_DESCRIPTION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).description;

/** The longest description kept whole; a longer summary is cut at its first sentence. */
const MAX_DESCRIPTION = 200;

/**
 * A summary's parts as plain text: code without its backticks, links as their text.
 * @param {readonly { kind: string, text: string }[]} parts
 */
export function plainSummary(parts) {
  const text = parts
    .map((part) => (part.kind === 'code' ? part.text.replace(/^`+|`+$/g, '') : part.text))
    .join('')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_DESCRIPTION) return text;
  const sentence = /^.*?\.(?=\s)/.exec(text)?.[0];
  return sentence && sentence.length <= MAX_DESCRIPTION ? sentence : `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.on(MarkdownPageEvent.END, (page) => {
    /** @type {any} */
    const model = page.model;
    const summary = model?.comment?.summary ?? model?.signatures?.[0]?.comment?.summary;
    if (!page.contents || page.contents.startsWith('---\n')) return;
    const description = summary ? plainSummary(summary) : model?.isProject?.() ? `The API reference of leaky-relu. ${PACKAGE_DESCRIPTION}` : '';
    if (description) page.contents = `---\ndescription: ${JSON.stringify(description)}\n---\n\n${page.contents}`;
  });
}
