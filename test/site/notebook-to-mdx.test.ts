import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_BYTES, MAX_PAGE_OUTPUT_BYTES } from '../../website/build/notebook-limits.mjs';
import { isSafeLink, markdownTree, notebookPage, notebookToMdx } from '../../website/build/notebook-to-mdx.mjs';
import { root } from '../support/snippets.js';

const hostile = JSON.parse(readFileSync(join(root, 'test/site/fixtures/hostile.ipynb'), 'utf8'));
const notebookPages = new Map([
  ['hostile.ipynb', 'hostile.mdx'],
  ['hostile-sibling.ipynb', 'hostile-sibling.mdx'],
  ['y2 name #1 %41.ipynb', 'y2-name-1-41.mdx'],
]);
const options = {
  path: 'test/site/fixtures/hostile.ipynb',
  fileName: 'hostile.ipynb',
  downloadPath: '/site-tests/hostile.ipynb',
  notebookPages,
  repository: '/work/somewhere',
  cellsModule: './_cells/hostile.json',
};

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  depth?: number;
  attributes?: { name: string; value: { value: string } | string }[];
  children?: Node[];
}

/** A page read back as MDX reads it, with the cells it imports. */
function parsePage({ mdx: page, cellRuns }: { mdx: string; cellRuns: unknown[][] }) {
  const [, frontMatter = '', body = page] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(page) ?? [];
  const tree = unified().use(remarkParse).use(remarkMath).use(remarkMdx).parse(body) as Node;
  const nodes = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(nodes)];
  const all = nodes(tree);
  const text = all.filter((node) => node.type === 'text' || node.type === 'inlineCode').map((node) => String(node.value)).join('');
  /** A JSX element's props: a JSON literal evaluated, `cellRuns[i]` as written. */
  const props = (node: Node): Record<string, unknown> =>
    Object.fromEntries(
      node.attributes!.map((attribute) => {
        const expression = (attribute.value as { value: string }).value;
        return [attribute.name, expression.startsWith('cellRuns[') ? expression : JSON.parse(expression)];
      }),
    );
  const elements = (name: string) => all.filter((node) => node.name === name);
  /** Every cell of the NotebookCells elements, in order. */
  const cells = elements('NotebookCells').flatMap((node) => {
    const [, run] = /^cellRuns\[(\d+)\]$/.exec((node.attributes![0]!.value as { value: string }).value)!;
    return cellRuns[Number(run)] as { type: string; source: string; outputs?: Record<string, unknown>[] }[];
  });
  const outputs = cells.flatMap((cell) => cell.outputs ?? []);
  return { frontMatter, body, tree, all, text, props, elements, cells, outputs };
}

/** A one-cell notebook with these outputs. */
function withOutputs(...outputs: unknown[]) {
  return { nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'code', execution_count: 1, metadata: {}, source: 'x', outputs }] };
}
const display = (data: Record<string, unknown>) => ({ output_type: 'display_data', metadata: {}, data });
/** The outputs a page shows. */
const outputsOf = (notebook: unknown): Record<string, unknown>[] =>
  (notebookPage(notebook, options).cellRuns.flat() as { outputs: Record<string, unknown>[] }[]).flatMap((cell) => cell.outputs);

const page = parsePage(notebookToMdx(hostile, options));

describe('notebookToMdx(notebook, options)', () => {
  it('writes a page that MDX compiles, with maths', async () => {
    await expect(compile(page.body, { remarkPlugins: [remarkMath] })).resolves.toBeDefined();
  });

  it('keeps braces, < and unbalanced tags of markdown cells as text', () => {
    expect(page.text).toContain('braces {like this} and {{double}}, a lone < sign, a < b, 1 <2, an unbalanced <div> tag, and </span> a stray closing tag.');
    expect(page.text).toContain("<script>window.hostileScriptRan = 'markdown';</script>");
    expect(page.all.filter((node) => node.type === 'html')).toEqual([]);
  });

  it("keeps a paragraph that starts with 'import ' as text, not as a JavaScript statement", () => {
    expect(page.all.filter((node) => node.type === 'mdxjsEsm').map((node) => node.value)).toEqual([
      'import CodeBlock from \'@theme/CodeBlock\';\nimport { NotebookCells, NotebookHeader } from \'@site/website/components/notebook\';\nimport cellRuns from "./_cells/hostile.json";',
    ]);
    expect(page.text).toContain("import x from 'y'");
  });

  it('emits no element but its own components', () => {
    const names = new Set(page.all.filter((node) => node.type.startsWith('mdxJsx')).map((node) => node.name));
    expect([...names].sort()).toEqual(['NotebookCells', 'NotebookHeader']);
  });

  it('keeps maths with braces as maths', () => {
    expect(page.all.filter((node) => node.type === 'inlineMath').map((node) => node.value)).toEqual(['\\frac{1}{2} + x^{2}']);
    expect(page.all.filter((node) => node.type === 'math')).toHaveLength(1);
  });

  it('gives code cells and their outputs to NotebookCells as data imported from a JSON module, one element per run of cells', () => {
    expect(page.elements('NotebookCells').map(page.props)).toEqual([{ cells: 'cellRuns[0]', downloadPath: '/site-tests/hostile.ipynb' }]);
    expect(page.cells.map((cell) => cell.type)).toEqual(['code', 'code', 'code', 'code', 'code']);
    expect(page.cells[0]).toMatchObject({ type: 'code', language: 'ts', source: expect.stringContaining("console.log(`<b>${JSON.stringify(braces)}</b>`);") });
  });

  it('gives stream outputs as text, without ANSI codes', () => {
    expect(page.outputs.slice(0, 2)).toEqual([
      { type: 'text', kind: 'stdout', text: '<b>{"a":"{","b":"}"}</b>\n{{ template }} and <script>window.hostileScriptRan = \'stdout\';</script>\n' },
      { type: 'text', kind: 'stderr', text: 'red text and bold green\n' },
    ]);
  });

  it("shows an error traceback without colours, with the repository's path made relative", () => {
    expect(page.outputs.find((output) => output.kind === 'error')).toEqual({
      type: 'text',
      kind: 'error',
      text: 'Error: boom <in a {brace}>\n    at notebooks/hostile.ipynb:1:7\n    at Object.<anonymous> (/root/.cache/tslab/cell.ts:1:1)',
    });
  });

  it('sanitises HTML outputs: no script, no event handler, no javascript: link, classes prefixed', () => {
    const html = page.outputs.find((output) => output.type === 'html')!.html as string;
    expect(page.outputs.find((output) => output.type === 'notice')!.text).toContain('not loaded from data:,x');
    expect(html).toContain('Unbalanced <b>bold <i>italic</i></b>');
    expect(html).not.toMatch(/<script|onerror|href=/i);
    expect(html).toContain('<a>a javascript: link</a>');
    expect(html).toContain('class="nb-hostile-html"');
  });

  it('draws a Plotly output live, preferred to its HTML fallback, with its text made safe as styled text', () => {
    const saved = JSON.stringify(hostile.cells[5].outputs[0].data['application/vnd.plotly.v1+json']);
    // plotly.js shows the entities as the characters.
    expect(page.outputs.filter((output) => output.type === 'plotly').map((output) => output.figure)).toEqual([
      JSON.parse(saved.replaceAll('<', '&lt;').replaceAll('>', '&gt;')),
    ]);
  });

  it('keeps the static picture saved beside a Plotly figure, for the page to show until plotly.js loads', () => {
    const figure = { data: [{ type: 'scatter', x: [0], y: [0] }], layout: {} };
    const [withPng] = outputsOf(withOutputs(display({ 'application/vnd.plotly.v1+json': figure, 'image/png': 'iVBO\nRw0K', 'text/plain': 'f' })));
    expect(withPng).toEqual({ type: 'plotly', figure, picture: 'data:image/png;base64,iVBORw0K' });
    const [withoutPng] = outputsOf(withOutputs(display({ 'application/vnd.plotly.v1+json': figure })));
    expect(withoutPng).toEqual({ type: 'plotly', figure });
    // Anything but base64 in the PNG is not put into a URL.
    const [badPng] = outputsOf(withOutputs(display({ 'application/vnd.plotly.v1+json': figure, 'image/png': '"><script>' })));
    expect(badPng).toEqual({ type: 'plotly', figure });
  });

  it("draws show()'s figure once: its live-chart twin right after the figure is not shown again", () => {
    const figure = { data: [{ type: 'scatter', x: [0], y: [0] }], layout: {} };
    const live = display({ 'text/html': '<div class="leaky-relu-plot" data-leaky-relu-plot="ee54c2a0"><p>note</p></div><script>x()</script>' });
    expect(outputsOf(withOutputs(display({ 'application/vnd.plotly.v1+json': figure, 'text/plain': 'f' }), live)).map((output) => output.type)).toEqual(['plotly']);
    // Without a figure before it, the same HTML is an output like any other, sanitised.
    expect(outputsOf(withOutputs(live)).map((output) => output.type)).toEqual(['html']);
  });

  it("writes the notebook's title and description as plain text front matter", () => {
    expect(page.frontMatter.split('\n')).toEqual([
      'title: "A hostile notebook: {braces}, and \\"quotes\\""',
      'description: "Checks that the converter shows everything escaped and runs no script."',
    ]);
  });

  it('turns a title or description that holds markup into the text it shows', () => {
    const notebook = { ...withOutputs(), metadata: { title: 'T </script><script>window.__pwned=1</script>', description: 'x &lt;script&gt;alert(1)&lt;/script&gt; y' } };
    expect(parsePage(notebookToMdx(notebook, options)).frontMatter).toBe('title: "T"\ndescription: "x y"');
  });

  it('takes a title the metadata lacks from the heading the page opens with, without the escaped brace of its id', () => {
    const page = (source: string) => ({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source }] });
    expect(parsePage(notebookToMdx(page('# A <b>bold</b> notebook {#own}\n\nText.'), options)).frontMatter).toBe('title: "A bold notebook"');
    // Docusaurus then names the page after its file, as it would without the converter.
    expect(parsePage(notebookToMdx(page('Text first.\n\n# A heading'), options)).frontMatter).toBe('');
    expect(parsePage(notebookToMdx(page('## A smaller heading'), options)).frontMatter).toBe('');
  });

  it('keeps no bidi control in a title, a description or a heading, where it would reverse the text shown', () => {
    const notebook = { nbformat: 4, nbformat_minor: 4, metadata: { title: 'Invoice \u202egnp.exe', description: 'a\u2066b\u2069\u200fc' }, cells: [{ cell_type: 'markdown', metadata: {}, source: '# Title \u202etxt.exe\n\n## <b>x\u202ey</b>' }] };
    const converted = parsePage(notebookToMdx(notebook, options));
    expect(converted.frontMatter).toBe('title: "Invoice gnp.exe"\ndescription: "abc"');
    expect(converted.all.filter((node) => node.type === 'heading').map((node) => node.children!.map((child) => child.value).join(''))).toEqual(['Title txt.exe {#nb-title-txtexe}', 'xy {#nb-xy}']);
  });

  it('turns the HTML of a heading into the text it shows', () => {
    const notebook = { nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: '# Heading </script><script>alert(1)//</script>\n\n## Zebra section <img src=x onerror="alert(1)">' }] };
    const headings = parsePage(notebookToMdx(notebook, options)).all.filter((node) => node.type === 'heading');
    const text = (node: Node): string => (node.children ?? []).map((child) => (child.type === 'text' ? String(child.value) : text(child))).join('');
    expect(headings.map(text)).toEqual(['Heading alert(1)// {#nb-heading-alert1}', 'Zebra section  {#nb-zebra-section}']);
  });

  it("links a converted notebook to its page, whatever its name, a fragment to the heading's prefixed id, and leaves other links alone", () => {
    expect(page.all.filter((node) => node.type === 'link').map((node) => node.url)).toEqual(['./hostile-sibling.mdx']);
    const notebook = { nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: '[a](./hostile.ipynb#outputs) [b](#setting) [c](https://x.org/y.ipynb) [d](./y2%20name%20%231%20%2541.ipynb) [e](../conventions)' }] };
    expect(notebookToMdx(notebook, options).mdx).toContain('[a](./hostile.mdx#nb-outputs) [b](#nb-setting) [c](https://x.org/y.ipynb) [d](./y2-name-1-41.mdx) [e](../conventions)');
  });

  it('links to no file of the machine that builds the site, which Docusaurus would publish', () => {
    const links = ['./elsewhere.ipynb', '../../../../home/me/.ssh/id_ed25519.pub', '/etc/ssl/private/key.pem', '@site/package.json', './data.csv?x#y'];
    const notebook = { nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: links.map((url, index) => `[${index}](${url})`).join(' ') }] };
    expect(parsePage(notebookToMdx(notebook, options)).all.filter((node) => node.type === 'link').map((node) => node.url)).toEqual(links.map(() => '#'));
  });

  it('puts the download link under the title', () => {
    const order = page.tree.children!.map((node) => node.name ?? node.type).slice(0, 4);
    expect(order).toEqual(['mdxjsEsm', 'heading', 'paragraph', 'paragraph']);
    expect(page.tree.children!.findIndex((node) => node.name === 'NotebookHeader')).toBeLessThan(page.tree.children!.findIndex((node) => node.name === 'NotebookCells'));
    expect(page.elements('NotebookHeader').map(page.props)).toEqual([{ fileName: 'hostile.ipynb', downloadPath: '/site-tests/hostile.ipynb' }]);
  });

  it('converts a notebook that has not run: code without outputs', () => {
    const notebook = JSON.parse(readFileSync(join(root, 'notebooks/01-leaky-relu.ipynb'), 'utf8'));
    for (const cell of notebook.cells) if (cell.cell_type === 'code') cell.outputs = [];
    const converted = parsePage(notebookToMdx(notebook, { ...options, fileName: '01-leaky-relu.ipynb', downloadPath: '/notebooks/01-leaky-relu.ipynb' }));
    expect(converted.frontMatter).toContain('title: "Leaky ReLU, the spec reproduced"');
    expect(converted.cells.length).toBeGreaterThan(0);
    expect(converted.outputs).toEqual([]);
  });
});

describe('notebookToMdx shows every kind of output, or says why not', () => {
  it('shows an SVG as an image, never inline', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
    const [output] = outputsOf(withOutputs(display({ 'image/svg+xml': svg, 'text/plain': 'svg' })));
    expect(output).toEqual({ type: 'image', src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` });
  });

  it('shows GIF, PNG and JPEG images as data: URLs', () => {
    const outputs = outputsOf(withOutputs(display({ 'image/gif': 'R0lG\nODlh' }), display({ 'image/png': 'iVBO' }), display({ 'image/jpeg': '/9j/' })));
    expect(outputs.map((output) => output.src)).toEqual(['data:image/gif;base64,R0lGODlh', 'data:image/png;base64,iVBO', 'data:image/jpeg;base64,/9j/']);
  });

  it('renders LaTeX with KaTeX, trusting none of its links', () => {
    const [output] = outputsOf(withOutputs(display({ 'text/latex': '$$\\frac{a}{b} + \\href{javascript:alert(1)}{x}$$' })));
    expect(output).toMatchObject({ type: 'rendered', kind: 'latex' });
    expect(output!.html).toContain('class="katex-display"');
    expect(output!.html).toContain('<mfrac>');
    expect(output!.html).not.toMatch(/<a |href=/);
  });

  it('shows a JavaScript output as code it does not run, and prefers any other type', () => {
    expect(outputsOf(withOutputs(display({ 'application/javascript': 'alert(1)' })))).toEqual([{ type: 'javascript', text: 'alert(1)' }]);
    expect(outputsOf(withOutputs(display({ 'application/javascript': 'alert(1)', 'text/plain': 'fallback' })))).toEqual([{ type: 'text', kind: 'result', text: 'fallback' }]);
  });

  it('renders markdown outputs to HTML without raw HTML, unsafe links or remote images', () => {
    const [output] = outputsOf(withOutputs(display({ 'text/markdown': '**bold** <img src=x onerror=alert(1)> [x](javascript:alert(2)) ![i](https://evil.example/i.png) $x^2$' })));
    expect(output).toMatchObject({ type: 'rendered', kind: 'markdown' });
    expect(output!.html).toContain('<strong>bold</strong> &#x3C;img src=x onerror=alert(1)>');
    expect(output!.html).toContain('<a href="#">x</a>');
    expect(output!.html).toContain('[image not loaded from https://evil.example/i.png]');
    expect(output!.html).toContain('class="katex"');
  });

  it('shows a raw cell as text', () => {
    const notebook = { nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'raw', metadata: { format: 'text/latex' }, source: '\\section{<b>}' }] };
    expect(parsePage(notebookToMdx(notebook, options)).cells).toEqual([{ type: 'raw', format: 'text/latex', source: '\\section{<b>}' }]);
  });

  it('fails on an output with no type it can show, naming the notebook, the output and the types', () => {
    expect(() => notebookToMdx(withOutputs(display({ 'application/x-custom': 'x' })), options)).toThrow(
      'test/site/fixtures/hostile.ipynb: at /cells/0/outputs/0/data: expected an output with a type the site shows (application/vnd.plotly.v1+json, text/html, image/svg+xml, image/png, image/jpeg, image/gif, image/webp, text/latex, text/markdown, application/json, text/plain, application/javascript), got application/x-custom',
    );
  });

  it('fails on a Plotly figure it cannot draw, naming the notebook and the pointer', () => {
    const figure = (value: unknown) => () => notebookToMdx(withOutputs(display({ 'application/vnd.plotly.v1+json': value })), options);
    expect(figure(null)).toThrow('hostile.ipynb: at /cells/0/outputs/0/data/application~1vnd.plotly.v1+json: expected a Plotly figure, an object with a data array, got null');
    expect(figure({ data: {}, layout: {} })).toThrow('at /cells/0/outputs/0/data/application~1vnd.plotly.v1+json/data: expected an array of traces, got an object');
  });

  it('notes each remote image of an HTML output or a figure that it did not load', () => {
    const outputs = outputsOf(
      withOutputs(
        display({ 'text/html': '<img src="https://evil.example/a.png">' }),
        display({ 'application/vnd.plotly.v1+json': { data: [], layout: { images: [{ source: 'https://evil.example/b.png' }] } } }),
      ),
    );
    expect(outputs.map((output) => output.type)).toEqual(['html', 'notice', 'plotly', 'notice']);
    expect(outputs[1]!.text).toContain('https://evil.example/a.png');
    expect(outputs[3]!.text).toContain('https://evil.example/b.png');
    expect(outputs[2]!.figure).toEqual({ data: [], layout: { images: [{}] } });
  });
});

describe('notebookToMdx keeps a page within the size limits', () => {
  it('cuts a text output over the limit, with a notice, and keeps what follows the cut off the page', () => {
    const text = `${'a line of output\n'.repeat(Math.ceil((MAX_OUTPUT_BYTES * 1.5) / 17))}the end marker\n`;
    const outputs = outputsOf(withOutputs({ output_type: 'stream', name: 'stdout', text }));
    expect(outputs).toHaveLength(2);
    expect((outputs[0]!.text as string).length).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect((outputs[0]!.text as string).endsWith('a line of output\n')).toBe(true);
    expect(JSON.stringify(outputs)).not.toContain('the end marker');
    expect(outputs[1]).toMatchObject({ type: 'notice', kind: 'held-back', text: expect.stringMatching(/^This output is 1\.\d MB, over the 1\.0 MB a page shows of one output: it is cut after 1024 KB\. The whole output is in the notebook file\.$/) });
  });

  it('holds back an image over the limit whole', () => {
    const outputs = outputsOf(withOutputs(display({ 'image/png': 'A'.repeat(MAX_OUTPUT_BYTES + 10) })));
    expect(outputs).toEqual([{ type: 'notice', kind: 'held-back', text: expect.stringContaining('it is not shown here') }]);
  });

  it('holds back every output once the page shows its most', () => {
    const count = Math.ceil(MAX_PAGE_OUTPUT_BYTES / (MAX_OUTPUT_BYTES * 0.9)) + 2;
    const image = display({ 'image/png': 'A'.repeat(MAX_OUTPUT_BYTES * 0.9) });
    const outputs = outputsOf(withOutputs(...Array.from({ length: count }, () => image)));
    const shown = outputs.filter((output) => output.type === 'image');
    expect(shown.length).toBe(Math.floor(MAX_PAGE_OUTPUT_BYTES / (MAX_OUTPUT_BYTES * 0.9 + 60)));
    expect(outputs.slice(shown.length).every((output) => output.type === 'notice' && (output.text as string).startsWith('This page already shows'))).toBe(true);
  });
});

describe('markdownTree(source, notebookPages, attachments)', () => {
  const nodes = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(nodes)];
  it('keeps images from data: URLs and attachments, and notes any other', () => {
    const tree = markdownTree('![a](data:image/png;base64,AA) ![b](attachment:b.png) ![c](https://evil.example/c.png) ![d][ref]\n\n[ref]: https://evil.example/d.png', new Map(), { 'b.png': { 'image/png': 'BB' } });
    const all = nodes(tree as Node);
    expect(all.filter((node) => node.type === 'image').map((node) => node.url)).toEqual(['data:image/png;base64,AA', 'data:image/png;base64,BB']);
    expect(all.filter((node) => node.type === 'text').map((node) => node.value)).toContain('[image not loaded from https://evil.example/c.png]');
    expect(all.filter((node) => node.type === 'text').map((node) => node.value)).toContain('[image not loaded: d]');
  });
});

describe('markdownTree, with a badly encoded attachment name', () => {
  it('notes the image it did not load, where decodeURIComponent would throw a URIError naming no notebook', () => {
    const tree = markdownTree('![x](attachment:%E0%A4%A) ![y](attachment:__proto__)', new Map(), { 'a.png': { 'image/png': 'AA' } });
    const text = (node: Node): string => (node.children ?? []).map((child) => (child.type === 'text' ? String(child.value) : text(child))).join('');
    expect(text(tree as Node)).toBe('[image not loaded from attachment:%E0%A4%A] [image not loaded from attachment:__proto__]');
  });
});

describe('isSafeLink(url)', () => {
  it('keeps relative, http, https and mailto links', () => {
    for (const url of ['./a.mdx', '#x', '/b', 'https://x.org', 'HTTP://x.org', 'mailto:a@b.c', 'a:b/c'.replace('a:', '')]) expect(isSafeLink(url), url).toBe(true);
  });
  it('refuses javascript:, data: and vbscript: URLs, however written', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'jav\tascript:alert(1)', ' \u0001javascript:alert(1)', 'java\nscript:x', 'data:text/html,x', 'vbscript:x']) expect(isSafeLink(url), url).toBe(false);
  });
});
