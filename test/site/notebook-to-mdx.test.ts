import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cleanText, notebookToMdx, sanitizeHtml } from '../../scripts/site/notebook-to-mdx.mjs';
import { root } from '../support/snippets.js';

const hostile = JSON.parse(readFileSync(join(root, 'test/site/fixtures/hostile.ipynb'), 'utf8'));
const options = {
  fileName: 'hostile.ipynb',
  downloadPath: '/site-tests/hostile.ipynb',
  convertedNotebooks: new Set(['hostile.ipynb', 'hostile-sibling.ipynb']),
  pathsToHide: ['/work/somewhere'],
};
const page = notebookToMdx(hostile, options);
const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(page) ?? [];

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { name: string; value: { value: string } | string }[];
  children?: Node[];
}

/** The page read back as MDX reads it. */
const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(body) as Node;
const nodes = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(nodes)];
const all = nodes(tree);
const text = all.filter((node) => node.type === 'text' || node.type === 'inlineCode').map((node) => String(node.value)).join('');
const elements = (name: string) => all.filter((node) => node.name === name);
/** A JSX element's props, each evaluated: the converter writes them as JSON literals. */
const props = (node: Node): Record<string, unknown> =>
  Object.fromEntries(node.attributes!.map((attribute) => [attribute.name, JSON.parse((attribute.value as { value: string }).value)]));

describe('notebookToMdx(notebook, options)', () => {
  it('writes a page that MDX compiles, with maths', async () => {
    await expect(compile(body, { remarkPlugins: [remarkMath] })).resolves.toBeDefined();
  });

  it('keeps braces, < and unbalanced tags of markdown cells as text', () => {
    expect(text).toContain('braces {like this} and {{double}}, a lone < sign, a < b, 1 <2, an unbalanced <div> tag, and </span> a stray closing tag.');
    expect(text).toContain("<script>window.hostileScriptRan = 'markdown';</script>");
    expect(all.filter((node) => node.type === 'html')).toEqual([]);
  });

  it("keeps a paragraph that starts with 'import ' as text, not as a JavaScript statement", () => {
    expect(all.filter((node) => node.type === 'mdxjsEsm').map((node) => node.value)).toEqual([
      "import { CellOutput, HtmlOutput, ImageOutput, NotebookHeader, PlotlyOutput } from '@site/website/components/notebook';",
    ]);
    expect(text).toContain("import x from 'y'");
  });

  it('emits no element but its own components', () => {
    const names = new Set(all.filter((node) => node.type.startsWith('mdxJsx')).map((node) => node.name));
    expect([...names].sort()).toEqual(['CellOutput', 'HtmlOutput', 'NotebookHeader', 'PlotlyOutput']);
  });

  it('keeps maths with braces as maths', () => {
    expect(all.filter((node) => node.type === 'inlineMath').map((node) => node.value)).toEqual(['\\frac{1}{2} + x^{2}']);
    expect(all.filter((node) => node.type === 'math')).toHaveLength(1);
  });

  it('gives stream outputs to CellOutput as string literals, without ANSI codes', () => {
    expect(elements('CellOutput').map(props).slice(0, 2)).toEqual([
      { kind: 'stdout', text: '<b>{"a":"{","b":"}"}</b>\n{{ template }} and <script>window.hostileScriptRan = \'stdout\';</script>\n' },
      { kind: 'stderr', text: 'red text and bold green\n' },
    ]);
  });

  it('shows an error traceback without colours or absolute paths', () => {
    expect(elements('CellOutput').map(props)[2]).toEqual({
      kind: 'error',
      text: 'Error: boom <in a {brace}>\n    at notebooks/hostile.ipynb:1:7\n    at Object.<anonymous> (cell.ts:1:1)',
    });
  });

  it('sanitises HTML outputs: no script, no event handler, no javascript: link', () => {
    const [html] = elements('HtmlOutput').map((node) => props(node).html as string);
    expect(html).toContain('Unbalanced <b>bold <i>italic</i></b>');
    expect(html).not.toMatch(/<script|onerror|href=/i);
    expect(html).toContain("<a>a javascript: link</a>");
  });

  it('draws a Plotly output live, preferred to its HTML fallback', () => {
    expect(elements('PlotlyOutput').map((node) => props(node).figure)).toEqual([
      hostile.cells[5].outputs[0].data['application/vnd.plotly.v1+json'],
    ]);
  });

  it('shows a code cell as a highlighted code block', () => {
    expect(all.filter((node) => node.type === 'code').map((node) => (node as { lang?: string }).lang)).toEqual(['ts', 'ts', 'ts', 'ts', 'ts']);
  });

  it("writes the notebook's title and description as front matter", () => {
    expect(frontMatter.split('\n')).toEqual([
      'title: "A hostile notebook: {braces}, <tags> and \\"quotes\\""',
      'description: "Checks that the converter shows everything escaped and runs no script."',
    ]);
  });

  it('adds the front matter it is given', () => {
    expect(notebookToMdx(hostile, { ...options, frontMatter: { unlisted: true } })).toContain('\nunlisted: true\n---');
  });

  it('links a converted notebook to its page, and leaves other links alone', () => {
    expect(all.filter((node) => node.type === 'link').map((node) => node.url)).toEqual(['./hostile-sibling.mdx']);
    const tree = { cells: [{ cell_type: 'markdown', source: '[a](./hostile.ipynb#outputs) [b](./elsewhere.ipynb) [c](https://x.org/y.ipynb)' }], metadata: {} };
    expect(notebookToMdx(tree, options)).toContain('[a](./hostile.mdx#outputs) [b](./elsewhere.ipynb) [c](https://x.org/y.ipynb)');
  });

  it('puts the download link under the title', () => {
    const order = tree.children!.map((node) => node.name ?? node.type).slice(0, 4);
    expect(order).toEqual(['mdxjsEsm', 'heading', 'paragraph', 'paragraph']);
    expect(elements('NotebookHeader').map(props)).toEqual([{ fileName: 'hostile.ipynb', downloadPath: '/site-tests/hostile.ipynb' }]);
  });

  it('converts a notebook that has not run: code without outputs', () => {
    const notebook = JSON.parse(readFileSync(join(root, 'notebooks/01-leaky-relu.ipynb'), 'utf8'));
    for (const cell of notebook.cells) if (cell.cell_type === 'code') cell.outputs = [];
    const converted = notebookToMdx(notebook, { ...options, fileName: '01-leaky-relu.ipynb', downloadPath: '/notebooks/01-leaky-relu.ipynb' });
    expect(converted).toContain('title: "Leaky ReLU, the spec reproduced"');
    expect(converted).not.toMatch(/<(CellOutput|PlotlyOutput|HtmlOutput)/);
  });
});

describe('sanitizeHtml(html)', () => {
  it('balances tags and drops scripts, styles and handlers', () => {
    expect(sanitizeHtml('<p onclick="x()">a<script>b()</script><style>p{}</style><i>c')).toBe('<p>a<i>c</i></p>');
  });
});

describe('cleanText(text, pathsToHide)', () => {
  it('removes ANSI codes, makes repository paths relative and drops the folders of other absolute paths', () => {
    expect(cleanText('\u001b[31m/repo/src/a.ts:1\u001b[0m (file:///tmp/run/b.js:2) /repo', ['/repo'])).toBe('src/a.ts:1 (b.js:2) .');
  });
});
