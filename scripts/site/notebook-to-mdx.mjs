// @ts-check
// Converts one Jupyter notebook, with its saved outputs, into an MDX page.
//
// Nothing in a notebook is trusted to be valid MDX: markdown cells are parsed
// into a syntax tree and serialised again by the MDX serialiser, which
// escapes `{` and `<` where MDX would read them as code; every output reaches
// the page as a JavaScript string literal given to a component, so React
// shows it as text. HTML outputs are sanitised first (no `<script>`, no event
// handlers), and the page never emits raw HTML.
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import stripAnsi from 'strip-ansi';
import { unified } from 'unified';

/** @typedef {import('mdast').Root} Root */
/** @typedef {import('mdast').RootContent} RootContent */
/** @typedef {import('mdast-util-mdx-jsx').MdxJsxFlowElement} MdxJsxFlowElement */

/** Where the page's components live, as the site imports them. */
export const COMPONENTS_MODULE = '@site/website/components/notebook';

/** The MIME type of a Plotly figure output (plotly.py's, and leaky-relu/plot's). */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/**
 * The output types a page can show, best first: Jupyter front ends pick the
 * richest representation they can render from a display's MIME bundle.
 */
const MIME_PREFERENCE = [PLOTLY_MIME, 'text/html', 'image/svg+xml', 'image/png', 'image/jpeg', 'text/markdown', 'text/plain'];

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
const mdxSerialiser = unified().use(remarkGfm).use(remarkMath).use(remarkMdx).use(remarkStringify, {
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
 * @property {string} fileName The notebook's file name, e.g. `01-leaky-relu.ipynb`.
 * @property {string} downloadPath The site path of the `.ipynb` download, e.g. `/notebooks/01-leaky-relu.ipynb`.
 * @property {ReadonlySet<string>} convertedNotebooks The file names of the notebooks converted beside this one: links to them become links to their pages.
 * @property {readonly string[]} pathsToHide Absolute paths (the repository, the home folder) to remove from outputs.
 * @property {Record<string, unknown>} [frontMatter] More front matter, e.g. `{ unlisted: true }`.
 */

/**
 * The MDX page of a notebook.
 *
 * @param {any} notebook The parsed `.ipynb` (nbformat 4).
 * @param {ConvertOptions} options
 * @returns {string}
 */
export function notebookToMdx(notebook, options) {
  const metadata = notebook.metadata ?? {};
  const language = codeLanguage(metadata);
  /** @type {RootContent[]} */
  const body = [
    { type: 'mdxjsEsm', value: `import { CellOutput, HtmlOutput, ImageOutput, NotebookHeader, PlotlyOutput } from '${COMPONENTS_MODULE}';` },
  ];
  const cells = /** @type {any[]} */ (notebook.cells ?? []);
  let headerPlaced = false;
  const placeHeader = () => {
    if (headerPlaced) return;
    headerPlaced = true;
    body.push(jsx('NotebookHeader', { fileName: options.fileName, downloadPath: options.downloadPath }));
  };
  for (const cell of cells) {
    const source = joinText(cell.source);
    if (cell.cell_type === 'markdown') {
      const tree = markdownTree(source, options.convertedNotebooks);
      body.push(...tree.children);
      // The download link sits under the notebook's title, when it starts with one.
      if (!headerPlaced) placeHeader();
    } else if (cell.cell_type === 'code') {
      placeHeader();
      if (source.trim() !== '') body.push({ type: 'code', lang: language, meta: null, value: source.replace(/\n+$/, '') });
      for (const output of cell.outputs ?? []) {
        const node = outputNode(output, options);
        if (node) body.push(node);
      }
    }
    // Raw cells are for other converters (nbconvert targets), not for a page.
  }
  placeHeader();

  const frontMatter = {
    ...(typeof metadata.title === 'string' ? { title: metadata.title } : {}),
    ...(typeof metadata.description === 'string' ? { description: metadata.description } : {}),
    ...options.frontMatter,
  };
  return `${yamlFrontMatter(frontMatter)}${mdxSerialiser.stringify({ type: 'root', children: body })}`;
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
  return { typescript: 'ts', javascript: 'js', python: 'python' }[name] ?? name;
}

/** @param {string | string[] | undefined} text */
function joinText(text) {
  return Array.isArray(text) ? text.join('') : (text ?? '');
}

/**
 * A markdown cell as a syntax tree, ready to serialise as MDX: raw HTML
 * becomes text, shown as written, and links to converted notebooks point
 * to their pages.
 *
 * @param {string} source
 * @param {ReadonlySet<string>} convertedNotebooks
 * @returns {Root}
 */
export function markdownTree(source, convertedNotebooks) {
  const tree = /** @type {Root} */ (markdownParser.runSync(markdownParser.parse(source)));
  /** @param {any} node */
  const visit = (node) => {
    if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
      node.url = notebookLink(node.url, convertedNotebooks);
    }
    if (!Array.isArray(node.children)) return;
    node.children = node.children.map((/** @type {any} */ child) => {
      if (child.type !== 'html') return child;
      // MDX would read raw HTML as JSX and fail on the first unbalanced tag.
      // Jupyter renders it; a page shows its text, which cannot run or break.
      const text = { type: 'text', value: child.value };
      return PHRASING_PARENTS.has(node.type) ? text : { type: 'paragraph', children: [text] };
    });
    node.children.forEach(visit);
  };
  visit(tree);
  return tree;
}

/** The nodes whose children are phrasing (inline) content, where HTML is a text run, not a paragraph. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * A link to a sibling notebook (`./02-dying-relu.ipynb#setting`) becomes a
 * link to its page's source file, which the docs plugin resolves to the
 * page's route and checks.
 *
 * @param {string} url
 * @param {ReadonlySet<string>} convertedNotebooks
 */
function notebookLink(url, convertedNotebooks) {
  const match = /^(?:\.\/)?([^/?#]+)\.ipynb(#.*)?$/.exec(url);
  if (!match || !convertedNotebooks.has(`${match[1]}.ipynb`)) return url;
  return `./${match[1]}.mdx${match[2] ?? ''}`;
}

/**
 * The node that shows one output, or nothing for an output a page cannot show.
 *
 * @param {any} output
 * @param {ConvertOptions} options
 * @returns {RootContent | undefined}
 */
function outputNode(output, options) {
  const clean = (/** @type {string} */ text) => cleanText(text, options.pathsToHide);
  switch (output.output_type) {
    case 'stream':
      return jsx('CellOutput', { kind: output.name === 'stderr' ? 'stderr' : 'stdout', text: clean(joinText(output.text)) });
    case 'error': {
      const traceback = (output.traceback ?? []).map(joinText).join('\n');
      return jsx('CellOutput', { kind: 'error', text: clean(traceback || `${output.ename}: ${output.evalue}`) });
    }
    case 'display_data':
    case 'execute_result':
      return displayNode(output.data ?? {}, options);
    default:
      return undefined;
  }
}

/**
 * @param {Record<string, unknown>} bundle
 * @param {ConvertOptions} options
 * @returns {RootContent | undefined}
 */
function displayNode(bundle, options) {
  const mime = MIME_PREFERENCE.find((type) => bundle[type] !== undefined);
  if (mime === undefined) return undefined;
  const value = bundle[mime];
  const text = () => joinText(/** @type {string | string[]} */ (value));
  switch (mime) {
    case PLOTLY_MIME: {
      const { data = [], layout = {}, frames } = /** @type {any} */ (value);
      return jsx('PlotlyOutput', { figure: frames === undefined ? { data, layout } : { data, layout, frames } });
    }
    case 'text/html':
    case 'image/svg+xml':
      return jsx('HtmlOutput', { html: sanitizeHtml(cleanText(text(), options.pathsToHide)) });
    case 'image/png':
    case 'image/jpeg':
      return jsx('ImageOutput', { src: `data:${mime};base64,${text().replace(/\s+/g, '')}` });
    case 'text/markdown': {
      const tree = markdownTree(text(), options.convertedNotebooks);
      return { type: 'mdxJsxFlowElement', name: 'div', attributes: [attribute('className', 'notebook-markdown-output')], children: /** @type {any} */ (tree.children) };
    }
    default:
      return jsx('CellOutput', { kind: 'result', text: cleanText(text(), options.pathsToHide) });
  }
}

/**
 * HTML output, made safe to insert: parsed as a browser would, then cleaned
 * with GitHub's allow-list (no `<script>`, `<style>`, event handlers or
 * `javascript:` URLs), then written out again, balanced.
 *
 * @param {string} html
 */
export function sanitizeHtml(html) {
  const schema = {
    ...defaultSchema,
    // Removed with their content: a style sheet's text is not the output.
    strip: [...(defaultSchema.strip ?? []), 'style'],
    // Plotly's own fallback and tables from data frames carry classes worth keeping.
    attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'] },
  };
  return toHtml(sanitize(fromHtml(html, { fragment: true }), schema));
}

/**
 * Output text without terminal colour codes, and without the absolute paths
 * of the machine that ran the notebook: paths inside the repository become
 * relative to it, other listed folders disappear.
 *
 * @param {string} text
 * @param {readonly string[]} pathsToHide
 */
export function cleanText(text, pathsToHide) {
  let cleaned = stripAnsi(text);
  for (const path of [...pathsToHide].sort((a, b) => b.length - a.length)) {
    const folder = path.replace(/\/+$/, '');
    if (folder === '') continue;
    cleaned = cleaned.split(`file://${folder}/`).join('').split(`${folder}/`).join('').split(folder).join('.');
  }
  // Any other absolute path keeps only its file name: `(/tmp/x/cell.ts:1:1)` → `(cell.ts:1:1)`.
  return cleaned.replace(ABSOLUTE_FOLDERS, '$1');
}

/** The folders of an absolute path that starts a word, a quoted string or a parenthesis. */
const ABSOLUTE_FOLDERS = /(^|[\s("'=[])(?:file:\/\/)?(?:\/[\w.@+~-]+)+\/(?=[\w.@+~-])/gm;

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
