// @ts-check
// Converts one Jupyter notebook (nbformat 4, already checked against its
// schema), with its saved outputs, into an MDX page.
//
// Nothing in a notebook is trusted:
// - titles, descriptions and the HTML in headings become plain text;
// - markdown cells are parsed into a syntax tree and serialised again by the
//   MDX serialiser, which escapes `{` and `<` where MDX would read them as
//   code; their raw HTML is shown as text, links keep only http, https and
//   mailto URLs, and images load only from `data:` URLs and attachments;
// - code cells and their outputs reach the page as data, a JSON module
//   beside the page whose runs of cells one component each shows, never as
//   markup: React shows text as text, HTML outputs are sanitised
//   (sanitize-html.mjs), and Plotly figures are checked (plotly-figure.mjs).
//   The data is not inline in the MDX: MDX reads a JSX expression a
//   character at a time, and 1.4 MB of it took a minute to compile.
// - the MDX it writes holds no notebook text that Docusaurus could read as
//   code (mdxSafeTree): code blocks of markdown cells are JSON literals, no
//   line is one that Docusaurus's preprocessor unwraps as an
//   `mdx-code-block` fence (and the page is checked for it), `:` is escaped
//   where it would start a directive (`:::danger`, an admonition), and every
//   heading id takes the prefix `nb-`.
// Every output is shown, or a notice says why it is not: nothing is dropped
// silently.
import { createSlugger, parseMarkdownHeadingId, unwrapMdxCodeBlocks } from '@docusaurus/utils';
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { cleanText } from './clean-text.mjs';
import { KATEX_OPTIONS } from './katex-options.mjs';
import { jsonPointer, NotebookError } from './notebook-error.mjs';
import { formatBytes, MAX_OUTPUT_BYTES, MAX_PAGE_OUTPUT_BYTES } from './notebook-limits.mjs';
import { NOTEBOOK_FILE } from './notebook-slug.mjs';
import { plainText, withoutBidiControls } from './plain-text.mjs';
import { plotlyFigure } from './plotly-figure.mjs';
import { isDataImage, sanitizeHtml } from './sanitize-html.mjs';

/** @typedef {import('mdast').Root} Root */
/** @typedef {import('mdast').RootContent} RootContent */
/** @typedef {import('mdast-util-mdx-jsx').MdxJsxFlowElement} MdxJsxFlowElement */

/** Where the page's components live, as the site imports them. */
export const COMPONENTS_MODULE = '@site/website/components/notebook';

/** The site's code block, which shows the code blocks of markdown cells. */
export const CODE_BLOCK_MODULE = '@theme/CodeBlock';

/** The prefix of the id of every heading that comes from a notebook, so that none takes an id of the site's own (`__docusaurus`). */
export const HEADING_ID_PREFIX = 'nb-';

/** The MIME type of a Plotly figure output (plotly.py's, and leaky-relu/plot's). */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/**
 * The output types a page can show, best first: Jupyter front ends pick the
 * richest representation they can render from a display's MIME bundle.
 * JavaScript comes last but one: the site never runs it, and shows another
 * representation when there is one.
 */
export const MIME_PREFERENCE = [
  PLOTLY_MIME,
  'text/html',
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/latex',
  'text/markdown',
  'application/json',
  'text/plain',
  'application/javascript',
];

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const markdownToHtml = unified().use(remarkRehype).use(rehypeKatex, KATEX_OPTIONS);
// remark-directive is Docusaurus's own: with it the serialiser escapes `:`
// wherever Docusaurus would read a directive, and no notebook holds one.
const mdxSerialiser = unified().use(remarkGfm).use(remarkMath).use(remarkDirective).use(remarkMdx).use(remarkStringify, {
  bullet: '-',
  fences: true,
  rule: '-',
  // A paragraph that starts with `import ` or `export ` would be read by MDX
  // as a JavaScript statement: its first letter is written as a character
  // reference, which MDX reads back as the letter.
  unsafe: [
    { atBreak: true, character: 'i', after: 'mport[\\t ]' },
    { atBreak: true, character: 'e', after: 'xport[\\t ]' },
  ],
});

/**
 * @typedef {object} ConvertOptions
 * @property {string} path The notebook's path in the repository, for errors, e.g. `notebooks/01-leaky-relu.ipynb`.
 * @property {string} fileName The notebook's file name, e.g. `01-leaky-relu.ipynb`.
 * @property {string} downloadPath The site path of the `.ipynb` download, e.g. `/notebooks/01-leaky-relu.ipynb`.
 * @property {ReadonlyMap<string, string>} notebookPages The notebooks converted beside this one, by file name, with their page's file name: links to them become links to their pages.
 * @property {string} repository The repository's absolute path, where the notebooks ran: the only path rewritten in outputs.
 * @property {string} cellsModule The JSON module of the page's cells, as the page imports it, e.g. `./_cells/leaky-relu.json`.
 */

/**
 * @typedef {object} Page What one page holds, as it is built.
 * @property {ConvertOptions} options
 * @property {number} shownBytes The output shown so far, against MAX_PAGE_OUTPUT_BYTES.
 */

/**
 * The MDX page of a notebook, and the cells it imports from `cellsModule`
 * (one array of cells for each NotebookCells element, to write as JSON).
 *
 * @param {any} notebook The parsed `.ipynb`, nbformat 4, valid against its schema.
 * @param {ConvertOptions} options
 * @returns {{ mdx: string, cellRuns: unknown[][] }}
 * @throws {NotebookError} For an output the site cannot show.
 */
export function notebookToMdx(notebook, options) {
  const { frontMatter, tree, cellRuns } = notebookPage(notebook, options);
  const mdx = `${yamlFrontMatter(frontMatter)}${mdxSerialiser.stringify(tree)}`;
  // mdxSafeTree leaves no such fence; should a serialiser's change bring one
  // back, the build stops rather than publish a page that runs it.
  if (unwrapMdxCodeBlocks(mdx) !== mdx) {
    throw new NotebookError(options.path, '/cells', 'expected markdown with no line that Docusaurus unwraps as an `mdx-code-block` fence');
  }
  return { mdx, cellRuns };
}

/**
 * A notebook's page before it is written as MDX: its front matter, its
 * body as a syntax tree, and its runs of cells.
 *
 * @param {any} notebook The parsed `.ipynb`, nbformat 4, valid against its schema.
 * @param {ConvertOptions} options
 * @returns {{ frontMatter: Record<string, string>, tree: Root, cellRuns: unknown[][] }}
 * @throws {NotebookError} For an output the site cannot show.
 */
export function notebookPage(notebook, options) {
  const metadata = notebook.metadata ?? {};
  const language = codeLanguage(metadata);
  /** @type {Page} */
  const page = { options, shownBytes: 0 };
  /** @type {RootContent[]} */
  const body = [
    { type: 'mdxjsEsm', value: `import CodeBlock from '${CODE_BLOCK_MODULE}';\nimport { NotebookCells, NotebookHeader } from '${COMPONENTS_MODULE}';\nimport cellRuns from ${jsLiteral(options.cellsModule)};` },
  ];
  const headingIds = createSlugger();
  /** @type {unknown[][]} */
  const cellRuns = [];
  let headerPlaced = false;
  const placeHeader = () => {
    if (headerPlaced) return;
    headerPlaced = true;
    body.push(jsx('NotebookHeader', { fileName: options.fileName, downloadPath: options.downloadPath }));
  };
  /** @type {unknown[]} */
  let run = [];
  const endRun = () => {
    if (run.length === 0) return;
    body.push({
      type: 'mdxJsxFlowElement',
      name: 'NotebookCells',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'cells', value: { type: 'mdxJsxAttributeValueExpression', value: `cellRuns[${cellRuns.length}]` } },
        attribute('downloadPath', options.downloadPath),
      ],
      children: [],
    });
    cellRuns.push(run);
    run = [];
  };
  /** @type {any[]} */ (notebook.cells).forEach((cell, index) => {
    const source = joinText(cell.source);
    if (cell.cell_type === 'markdown') {
      endRun();
      body.push(...mdxSafeTree(markdownTree(source, options.notebookPages, cell.attachments), headingIds).children);
      // The download link sits under the notebook's title, when it starts with one.
      placeHeader();
      return;
    }
    placeHeader();
    if (cell.cell_type === 'code') {
      const cellOutputs = /** @type {any[]} */ (cell.outputs);
      const outputs = cellOutputs.flatMap((output, outputIndex) =>
        isLiveTwin(output, cellOutputs[outputIndex - 1]) ? [] : outputData(output, page, ['cells', index, 'outputs', outputIndex]),
      );
      run.push({ type: 'code', language, source: source.replace(/\n+$/, ''), outputs });
    } else {
      // A raw cell is for another converter (nbconvert's LaTeX or reST, say): the page shows it as text.
      const format = cell.metadata?.format ?? cell.metadata?.raw_mimetype;
      run.push({ type: 'raw', format: typeof format === 'string' ? format : undefined, source });
    }
  });
  endRun();
  placeHeader();

  const title = typeof metadata.title === 'string' ? plainText(metadata.title) : openingHeadingText(body);
  const description = typeof metadata.description === 'string' ? plainText(metadata.description) : '';
  const frontMatter = {
    ...(title === '' ? {} : { title }),
    ...(description === '' ? {} : { description }),
  };
  return { frontMatter, tree: { type: 'root', children: body }, cellRuns };
}

/**
 * The text of the `#` heading a page opens with, or `''`. Docusaurus takes a
 * page's title from it when the front matter has none, but reads it from
 * the page's MDX source, where the heading's id is written `\{#nb-…}` (MDX
 * escapes the brace), so its title would end in that backslash.
 *
 * @param {readonly RootContent[]} body The page's nodes, its imports first.
 */
function openingHeadingText(body) {
  const opening = body.find((node) => node.type !== 'mdxjsEsm');
  return opening?.type === 'heading' && opening.depth === 1 ? parseMarkdownHeadingId(toString(opening)).text : '';
}

/**
 * Front matter as YAML. Each value is written as JSON, which YAML 1.2 reads
 * as the same value, so no character of a title can break the block.
 *
 * @param {Record<string, unknown>} fields
 */
function yamlFrontMatter(fields) {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return lines.length === 0 ? '' : `---\n${lines.join('\n')}\n---\n\n`;
}

/** @param {any} metadata */
function codeLanguage(metadata) {
  const name = String(metadata.language_info?.name ?? metadata.kernelspec?.language ?? 'text').toLowerCase();
  return { typescript: 'ts', javascript: 'js', python: 'python' }[name] ?? name.replace(/[^a-z0-9+#-]/g, '');
}

/** @param {string | string[] | undefined} text */
function joinText(text) {
  return Array.isArray(text) ? text.join('') : (text ?? '');
}

/**
 * A markdown cell as a syntax tree, ready to serialise as MDX:
 * - raw HTML becomes text, shown as written, and in a heading (which is also
 *   a title, a sidebar label and a search entry) the plain text it shows;
 * - a link keeps its URL only with no scheme or an http, https or mailto
 *   one, and names no file (isLocalFile); a link to a converted notebook
 *   points to its page, and a fragment to a heading's id, prefixed;
 * - an image loads only from a `data:image/` URL or the cell's attachment;
 *   any other becomes a note naming its URL.
 *
 * @param {string} source
 * @param {ReadonlyMap<string, string>} notebookPages
 * @param {Record<string, Record<string, unknown>>} [attachments] The cell's attachments, by name.
 * @returns {Root}
 */
export function markdownTree(source, notebookPages, attachments = {}) {
  const tree = /** @type {Root} */ (markdownParser.runSync(markdownParser.parse(source)));
  /**
   * @param {any} node
   * @param {boolean} inHeading
   * @returns {any}
   */
  const rewrite = (node, inHeading) => {
    if (node.type === 'html') return { type: 'text', value: inHeading ? plainText(node.value) : node.value };
    // A heading is also a title: no bidi control may reorder the text it shows.
    if (node.type === 'text' && inHeading) node.value = withoutBidiControls(node.value);
    if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
      const url = isSafeLink(node.url) ? notebookLink(node.url.replace(/^#(?=.)/, `#${HEADING_ID_PREFIX}`), notebookPages) : '#';
      node.url = isLocalFile(url) ? '#' : url;
    }
    if (node.type === 'image') {
      const url = attachmentUrl(node.url, attachments) ?? node.url;
      if (isDataImage(url)) return { ...node, url };
      return { type: 'text', value: `[image not loaded from ${node.url}]` };
    }
    if (node.type === 'imageReference') return { type: 'text', value: `[image not loaded: ${node.alt ?? node.identifier}]` };
    if (Array.isArray(node.children)) {
      node.children = node.children.map((/** @type {any} */ child) => {
        const rewritten = rewrite(child, inHeading || node.type === 'heading');
        // Raw HTML at the top of a cell is a block of its own; as text it needs a paragraph.
        return rewritten.type === 'text' && !PHRASING_PARENTS.has(node.type) ? { type: 'paragraph', children: [rewritten] } : rewritten;
      });
    }
    return node;
  };
  return rewrite(tree, false);
}

/**
 * A markdown cell's tree made safe to write as MDX, for Docusaurus to read:
 * - a code block becomes the site's CodeBlock with its code as a JSON
 *   literal, so no line of it is a line of the page: Docusaurus's
 *   preprocessor unwraps an `mdx-code-block` fence wherever its lines stand,
 *   even inside other code, and its content is then live MDX;
 * - in maths, the only other text written as it stands, a line that starts
 *   with backticks starts with `{}` instead, an empty TeX group;
 * - a title or an image's description has no line break, which changes
 *   nothing a reader sees;
 * - every heading gets an explicit id (`{#nb-…}`), its own `{#id}` or its
 *   text slugged with the prefix HEADING_ID_PREFIX, unique on the page.
 * The serialiser escapes the rest: `{`, `<`, `:` and fences in text.
 *
 * @param {Root} tree A tree from markdownTree.
 * @param {{ slug: (text: string) => string }} headingIds The page's slugger: ids are unique across its cells.
 * @returns {Root}
 */
function mdxSafeTree(tree, headingIds) {
  /** @param {any} node */
  const rewrite = (node) => {
    if (node.type === 'code') {
      const language = typeof node.lang === 'string' ? node.lang.toLowerCase().replace(/[^a-z0-9+#-]/g, '') : '';
      return jsx('CodeBlock', { ...(language === '' ? {} : { language }), children: node.value });
    }
    if (node.type === 'math' || node.type === 'inlineMath') node.value = node.value.replace(/^([\t ]*)(?=`)/gm, '$1{}');
    if (typeof node.title === 'string') node.title = oneLine(node.title);
    if (typeof node.alt === 'string') node.alt = oneLine(node.alt);
    if (Array.isArray(node.children)) node.children = node.children.map(rewrite);
    if (node.type === 'heading') headingId(node, headingIds);
    return node;
  };
  return rewrite(tree);
}

/** @param {string} text */
const oneLine = (text) => text.replace(/\r\n|[\r\n]/g, ' ');

/**
 * Gives a heading the explicit id `{#nb-…}`, written as Docusaurus's classic
 * syntax at its end: the heading's own `{#id}`, or its text, slugged.
 *
 * @param {import('mdast').Heading} heading
 * @param {{ slug: (text: string) => string }} headingIds
 */
function headingId(heading, headingIds) {
  const { text, id } = parseMarkdownHeadingId(toString(heading));
  const last = heading.children.at(-1);
  if (id !== undefined && last?.type === 'text') last.value = parseMarkdownHeadingId(last.value).text;
  heading.children.push({ type: 'text', value: ` {#${HEADING_ID_PREFIX}${headingIds.slug((id ?? text).trim())}}` });
}

/** The nodes whose children are phrasing (inline) content, where a text run needs no paragraph. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * A link the page may keep: relative, or to an http, https or mailto URL.
 * Control characters and spaces are ignored as a browser ignores them, so
 * `jav&#x09;ascript:` is `javascript:`.
 *
 * @param {string} url
 */
export function isSafeLink(url) {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''));
  return !scheme || ['http', 'https', 'mailto'].includes((scheme[1] ?? '').toLowerCase());
}

/**
 * Whether a link names a file of the build machine: Docusaurus publishes
 * the file a relative or `@site/` link names, when it exists and its name
 * has an extension other than `.md`, `.mdx` or `.html`, so
 * `../../../../home/me/.ssh/id_ed25519.pub` would be copied into the site.
 * A link to a notebook the site does not convert is one too.
 *
 * @param {string} url
 */
function isLocalFile(url) {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//')) return false;
  const path = url.replace(/[?#].*$/s, '');
  return path.startsWith('@') || (/\.[^./]+$/.test(path) && !/\.(?:mdx?|html)$/i.test(path));
}

/**
 * The `data:` URL of a cell attachment (`attachment:name.png`), if the
 * attachment holds an image.
 *
 * @param {string} url
 * @param {Record<string, Record<string, unknown>>} attachments
 */
function attachmentUrl(url, attachments) {
  if (!url.startsWith('attachment:')) return undefined;
  let name;
  try {
    name = decodeURIComponent(url.slice('attachment:'.length));
  } catch {
    // Badly encoded (`%E0%A4%A`): no attachment has that name, and the page notes the image.
    return undefined;
  }
  const bundle = Object.hasOwn(attachments, name) ? attachments[name] : undefined;
  const mime = Object.keys(bundle ?? {}).find((type) => type.startsWith('image/'));
  if (!bundle || !mime) return undefined;
  const data = joinText(/** @type {string | string[]} */ (bundle[mime]));
  return mime === 'image/svg+xml' ? svgDataUrl(data) : `data:${mime};base64,${data.replace(/\s+/g, '')}`;
}

/**
 * A link to a sibling notebook (`./02-dying-relu.ipynb#setting`) becomes a
 * link to its page's source file, which the docs plugin resolves to the
 * page's route and checks.
 *
 * @param {string} url
 * @param {ReadonlyMap<string, string>} notebookPages
 */
function notebookLink(url, notebookPages) {
  const match = /^(?:\.\/)?([^/?#]+)(#.*)?$/.exec(url);
  if (!match?.[1] || !NOTEBOOK_FILE.test(match[1])) return url;
  let fileName = match[1];
  try {
    fileName = decodeURIComponent(fileName);
  } catch {
    return url;
  }
  const page = notebookPages.get(fileName);
  // The page's heading ids have the prefix HEADING_ID_PREFIX.
  return page === undefined ? url : `./${page}${(match[2] ?? '').replace(/^#(?=.)/, `#${HEADING_ID_PREFIX}`)}`;
}

/** @param {string} svg */
function svgDataUrl(svg) {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The root of leaky-relu/plot's live-chart output (src/plot/mime-bundle.ts). */
const LIVE_CHART_ROOT = /^<div class="leaky-relu-plot" data-leaky-relu-plot="[0-9a-f]+"/;

/**
 * Whether an output is `show()`'s live chart for the figure output just
 * before it. The page draws that figure live already, so the twin (a script
 * the page would strip, and a note for untrusted notebooks) would only add
 * the note under every chart.
 *
 * @param {any} output
 * @param {any} previous
 */
function isLiveTwin(output, previous) {
  const bundle = output?.data;
  if (output?.output_type !== 'display_data' || bundle === null || typeof bundle !== 'object') return false;
  const html = bundle['text/html'];
  const text = Array.isArray(html) ? html.join('') : html;
  return Object.keys(bundle).length === 1 && typeof text === 'string' && LIVE_CHART_ROOT.test(text) && previous?.data?.[PLOTLY_MIME] !== undefined;
}

/**
 * What a page shows of one output: one item, or an item and notices.
 *
 * @param {any} output
 * @param {Page} page
 * @param {(string | number)[]} keys The output's place in the notebook.
 * @returns {object[]}
 */
function outputData(output, page, keys) {
  const { repository, path } = page.options;
  switch (output.output_type) {
    case 'stream':
      return limited({ type: 'text', kind: output.name === 'stderr' ? 'stderr' : 'stdout', text: cleanText(joinText(output.text), repository) }, page);
    case 'error': {
      const traceback = /** @type {string[]} */ (output.traceback).join('\n');
      return limited({ type: 'text', kind: 'error', text: cleanText(traceback || `${output.ename}: ${output.evalue}`, repository) }, page);
    }
    default: {
      const bundle = output.data ?? {};
      const mime = MIME_PREFERENCE.find((type) => bundle[type] !== undefined);
      if (mime === undefined) {
        const types = Object.keys(bundle);
        throw new NotebookError(path, jsonPointer([...keys, 'data']), `expected an output with a type the site shows (${MIME_PREFERENCE.join(', ')}), got ${types.length === 0 ? 'no data' : types.join(', ')}`);
      }
      const items = displayData(mime, bundle[mime], page, [...keys, 'data', mime]);
      return mime === PLOTLY_MIME ? items.map((item) => withPicture(item, bundle['image/png'])) : items;
    }
  }
}

/**
 * A live chart with the static picture the notebook saved beside it, which
 * the page shows until plotly.js has loaded.
 *
 * @param {any} item
 * @param {unknown} png the bundle's `image/png`, base64
 */
function withPicture(item, png) {
  if (item.type !== 'plotly' || png === undefined) return item;
  const base64 = joinText(/** @type {string | string[]} */ (png)).replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? { ...item, picture: `data:image/png;base64,${base64}` } : item;
}

/**
 * @param {string} mime
 * @param {unknown} value
 * @param {Page} page
 * @param {(string | number)[]} keys
 * @returns {object[]}
 */
function displayData(mime, value, page, keys) {
  const { repository, path } = page.options;
  const text = () => joinText(/** @type {string | string[]} */ (value));
  switch (mime) {
    case PLOTLY_MIME: {
      const { figure, blocked } = plotlyFigure(value, path, jsonPointer(keys));
      return [...limited({ type: 'plotly', figure }, page), ...blocked.map(notLoaded)];
    }
    case 'text/html': {
      const { html, blocked } = sanitizeHtml(cleanText(text(), repository));
      return [...limited({ type: 'html', html }, page), ...blocked.map(notLoaded)];
    }
    case 'image/svg+xml':
      // As an image, never inline: an SVG document in an <img> runs no script and loads nothing.
      return limited({ type: 'image', src: svgDataUrl(text()) }, page);
    case 'image/png':
    case 'image/jpeg':
    case 'image/gif':
    case 'image/webp':
      return limited({ type: 'image', src: `data:${mime};base64,${text().replace(/\s+/g, '')}` }, page);
    case 'text/latex':
      return limited({ type: 'rendered', kind: 'latex', html: latexHtml(text()) }, page);
    case 'text/markdown': {
      const tree = markdownToHtml.runSync(/** @type {any} */ (markdownTree(text(), page.options.notebookPages)));
      return limited({ type: 'rendered', kind: 'markdown', html: toHtml(/** @type {any} */ (tree)) }, page);
    }
    case 'application/json':
      return limited({ type: 'text', kind: 'result', text: JSON.stringify(value, null, 2) }, page);
    case 'application/javascript':
      return limited({ type: 'javascript', text: text() }, page);
    default:
      return limited({ type: 'text', kind: 'result', text: cleanText(text(), repository) }, page);
  }
}

/**
 * LaTeX output rendered by KaTeX, as Jupyter renders it with MathJax, with
 * the site's limits (katex-options.mjs).
 *
 * @param {string} latex
 */
function latexHtml(latex) {
  const trimmed = latex.trim();
  const delimited = /^\$\$([\s\S]*)\$\$$/.exec(trimmed) ?? /^\\\[([\s\S]*)\\\]$/.exec(trimmed) ?? /^\$([\s\S]*)\$$/.exec(trimmed);
  return katex.renderToString(delimited?.[1] ?? trimmed, { ...KATEX_OPTIONS, displayMode: true });
}

/** @param {string} url */
function notLoaded(url) {
  return { type: 'notice', kind: 'blocked', text: `An image of this output was not loaded from ${url}: the site shows only the images a notebook holds (data: URLs), so that a page contacts no other host.` };
}

/**
 * An output as the page shows it, within the limits: an output over
 * MAX_OUTPUT_BYTES, or past the page's MAX_PAGE_OUTPUT_BYTES, is held back
 * (a text output keeps its first part) with a notice pointing to the
 * notebook file. What is held back is not on the page, so not in the
 * search index either.
 *
 * @param {any} item
 * @param {Page} page
 * @returns {object[]}
 */
function limited(item, page) {
  const bytes = Buffer.byteLength(JSON.stringify(item));
  const roomOnPage = MAX_PAGE_OUTPUT_BYTES - page.shownBytes;
  if (bytes <= MAX_OUTPUT_BYTES && bytes <= roomOnPage) {
    page.shownBytes += bytes;
    return [item];
  }
  const room = Math.min(MAX_OUTPUT_BYTES, roomOnPage);
  const reason = bytes > MAX_OUTPUT_BYTES ? `This output is ${formatBytes(bytes)}, over the ${formatBytes(MAX_OUTPUT_BYTES)} a page shows of one output` : `This page already shows ${formatBytes(page.shownBytes)} of output, the most a page shows`;
  if (item.type === 'text' && room > 0) {
    const shown = truncate(item.text, room);
    page.shownBytes += Buffer.byteLength(shown);
    return [{ ...item, text: shown }, { type: 'notice', kind: 'held-back', text: `${reason}: it is cut after ${formatBytes(Buffer.byteLength(shown))}. The whole output is in the notebook file.` }];
  }
  return [{ type: 'notice', kind: 'held-back', text: `${reason}: it is not shown here. It is in the notebook file.` }];
}

/**
 * The start of a text within a number of bytes, cut at a line end when one is near.
 *
 * @param {string} text
 * @param {number} bytes
 */
function truncate(text, bytes) {
  let end = Math.min(text.length, bytes);
  while (end > 0 && Buffer.byteLength(text.slice(0, end)) > bytes) end = Math.floor(end * 0.9);
  const lineEnd = text.lastIndexOf('\n', end - 1);
  return text.slice(0, lineEnd > end * 0.9 ? lineEnd + 1 : end);
}

/**
 * A JSX element whose every prop is a JavaScript literal: a string, a number,
 * or an object written as JSON, which is also a JavaScript expression.
 *
 * @param {string} name
 * @param {Record<string, unknown>} props
 * @returns {MdxJsxFlowElement}
 */
function jsx(name, props) {
  return { type: 'mdxJsxFlowElement', name, attributes: Object.entries(props).map(([key, value]) => attribute(key, value)), children: [] };
}

/**
 * @param {string} name
 * @param {unknown} value
 * @returns {import('mdast-util-mdx-jsx').MdxJsxAttribute}
 */
function attribute(name, value) {
  return { type: 'mdxJsxAttribute', name, value: { type: 'mdxJsxAttributeValueExpression', value: jsLiteral(value) } };
}

/**
 * JSON as a JavaScript literal. U+2028 and U+2029 are escaped too: JSON
 * allows them raw in strings, and older JavaScript parsers do not.
 *
 * @param {unknown} value
 */
export function jsLiteral(value) {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
