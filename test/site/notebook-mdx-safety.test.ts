// No notebook text reaches MDX as code. A page is compiled as the site
// compiles it (Docusaurus's preprocessor, then its MDX processor, with the
// site's options), and the tree MDX parsed must hold no JSX, expression,
// import or directive but the converter's own: its import, and its
// components with JSON literals for props. The tree Docusaurus's plugins
// leave must hold no element but those and the maths stylesheet: an
// admonition, a link to a file or an image required from disk would be one.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MDX_PAYLOAD, mdxCodeBlockFences } from './fixtures/hostile-notebooks.mjs';
import { notebookToMdx } from '../../website/build/notebook-to-mdx.mjs';
import { compileWithDocusaurus } from '../support/docusaurus-mdx.js';
import { root } from '../support/snippets.js';

const options = {
  path: 'notebooks/x.ipynb',
  fileName: 'x.ipynb',
  downloadPath: '/notebooks/x.ipynb',
  notebookPages: new Map([['x.ipynb', 'x.mdx']]),
  repository: '/work/somewhere',
  cellsModule: './_cells/x.json',
};
const OWN_IMPORT = 'import CodeBlock from \'@theme/CodeBlock\';\nimport { NotebookCells, NotebookHeader } from \'@site/website/components/notebook\';\nimport cellRuns from "./_cells/x.json";';
const OWN_ELEMENTS = new Set(['CodeBlock', 'NotebookCells', 'NotebookHeader']);

/** A notebook of markdown cells. */
const markdownNotebook = (...sources: string[]) => ({
  nbformat: 4,
  nbformat_minor: 4,
  metadata: {},
  cells: sources.map((source) => ({ cell_type: 'markdown', metadata: {}, source })),
});

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}
const nodes = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(nodes)];

/** What in a parsed page is code or a directive the converter did not write: empty for a safe page. */
function foreignCode(tree: Node): string[] {
  return nodes(tree).flatMap((node): string[] => {
    if (node.type === 'mdxjsEsm') return node.value === OWN_IMPORT ? [] : [`import/export ${String(node.value)}`];
    if (node.type.endsWith('Directive') || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return [`${node.type} ${JSON.stringify(node.value ?? node.name)}`];
    if (!node.type.startsWith('mdxJsx')) return [];
    const literal = (attribute: { type: string; value?: unknown }) => {
      const expression = (attribute.value as { value?: unknown } | null)?.value;
      if (attribute.type !== 'mdxJsxAttribute' || typeof expression !== 'string') return false;
      if (/^cellRuns\[\d+\]$/.test(expression)) return true;
      try {
        JSON.parse(expression);
        return true;
      } catch {
        return false;
      }
    };
    const own = node.type === 'mdxJsxFlowElement' && OWN_ELEMENTS.has(node.name ?? '') && (node.children ?? []).length === 0 && (node.attributes ?? []).every(literal);
    return own ? [] : [`<${node.name}> ${JSON.stringify(node.attributes)}`];
  });
}

/** Docusaurus's own: the title's `<header>` (contentTitle), and the maths stylesheet (remark-katex-stylesheet). */
const SITE_ELEMENTS = new Set(['header', 'KatexStylesheet']);
/** The elements Docusaurus's plugins leave that are neither the page's own components nor the site's. */
const foreignElements = (tree: Node) =>
  nodes(tree)
    .filter((node) => node.type.startsWith('mdxJsx') && !OWN_ELEMENTS.has(node.name ?? '') && !SITE_ELEMENTS.has(node.name ?? ''))
    .map((node) => node.name);

/** Converts markdown cells, and compiles the page as the site does. */
async function convertAndCompile(...sources: string[]) {
  const { mdx } = notebookToMdx(markdownNotebook(...sources), options);
  return { mdx, ...(await compileWithDocusaurus(mdx)) };
}

const PAYLOAD = MDX_PAYLOAD;
const FENCE_FORMS = mdxCodeBlockFences(PAYLOAD);

describe('a converted page holds no code but the converter’s, as Docusaurus compiles it', () => {
  it.each(Object.entries(FENCE_FORMS))('an mdx-code-block fence: %s', async (_form, sources) => {
    const page = await convertAndCompile(...sources);
    expect(foreignCode(page.parsed as Node)).toEqual([]);
    expect(foreignElements(page.transformed as Node)).toEqual([]);
  });

  it('shows the code of an mdx-code-block fence as code', async () => {
    const page = await convertAndCompile(...FENCE_FORMS['the repro']!);
    const blocks = nodes(page.parsed as Node).filter((node) => node.name === 'CodeBlock');
    expect(blocks.map((node) => node.attributes!.map((attribute) => (attribute.value as { value: string }).value))).toEqual([[JSON.stringify('mdx-code-block'), JSON.stringify(PAYLOAD)]]);
  });

  it.each([
    [':::danger\nSECURITY NOTICE: this release is compromised\n:::'],
    [':::danger[Title]\nx\n:::'],
    ['> :::note Title\n> x\n> :::'],
    ['::::tip\n:::info\nx\n:::\n::::'],
    ['::leaf[x]{#y}'],
    ['a :abbr[HTML]{title="x"} b'],
    ['<details><summary>x</summary>y</details>'],
    ['<head><title>x</title></head>'],
  ])('a directive or an element Docusaurus would render: %j', async (source) => {
    const page = await convertAndCompile(source);
    expect(foreignCode(page.parsed as Node)).toEqual([]);
    expect(foreignElements(page.transformed as Node)).toEqual([]);
  });

  it('gives a heading an id with the prefix nb-, its own {#id} included', async () => {
    const page = await convertAndCompile('## x {#__docusaurus}\n\n## __docusaurus\n\n## x', '## x');
    const ids = nodes(page.transformed as Node).filter((node) => node.type === 'heading').map((node) => (node as { data?: { id?: string } }).data?.id);
    expect(ids).toEqual(['nb-__docusaurus', 'nb-__docusaurus-1', 'nb-x', 'nb-x-1']);
  });

  it('holds for any markdown made of fences, directives, JSX and expressions', async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '```', '````', '~~~', '```mdx-code-block', '````mdx-code-block', '``` mdx-code-block', '```mdx-code-block title="x"', '~~~mdx-code-block', 'mdx-code-block',
        ':::danger', ':::note Title', ':::', '::', ':x[y]{z}', '::leaf', '$$', '$', '`', '\\', '> ', '- ', '1. ', '    ', '  ', '\t', '#', '## ', '{#id}', '{#__docusaurus}',
        '<div>', '</div>', '<b onClick={f}>', '{globalThis.__pwned = 1}', '{', '}', '<!--', '-->', 'import x from "y"', 'export const a = 1', '[a](b "t', '")', '![i](attachment:%E0%A4%A)',
        '[f](../../package.json)', '|a|b|\n|-|-|', '\u202e', '\ud800',
      ),
      fc.string({ maxLength: 4 }),
    );
    const separator = fc.constantFrom('', ' ', '\n', '\r\n', '\n\n', '\n  ', '\n    ', '\n> ');
    const markdown = fc.array(fc.tuple(piece, separator), { maxLength: 24 }).map((parts) => parts.flat().join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(markdown, { minLength: 1, maxLength: 3 }), async (sources) => {
        const page = await convertAndCompile(...sources);
        expect(foreignCode(page.parsed as Node)).toEqual([]);
        expect(foreignElements(page.transformed as Node)).toEqual([]);
      }),
      { numRuns: Number(process.env.MDX_FUZZ_RUNS ?? 300) },
    );
  });
});

describe('building a page from a notebook runs none of its content', () => {
  /**
   * Compiles a page as the site does, then renders it in a Node process of
   * its own, as the build renders every page, with stand-ins for the
   * site's components. Returns whether the payload ran: it writes a file.
   */
  async function payloadRuns(mdx: (payload: string) => string): Promise<{ ran: boolean }> {
    // In the repository, so that the page's `react` and `@mdx-js/react` resolve.
    mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
    const folder = mkdtempSync(join(root, 'node_modules/.cache/mdx-safety-'));
    const sentinel = join(mkdtempSync(join(tmpdir(), 'mdx-safety-')), 'ran');
    const payload = `<span>{globalThis.process?.getBuiltinModule?.("node:fs").writeFileSync(${JSON.stringify(sentinel)}, "ran")}</span>`;
    const { program } = await compileWithDocusaurus(mdx(payload));
    writeFileSync(join(folder, 'stub.mjs'), 'export default function Stub() { return null; }\nexport const NotebookCells = Stub, NotebookHeader = Stub;\n');
    writeFileSync(join(folder, 'page.mjs'), program.replace(/from\s*(["'])(?:@site\/|@theme\/|\.\/_cells\/)[^"']*\1/g, 'from "./stub.mjs"'));
    const render = `import Page from ${JSON.stringify(pathToFileURL(join(folder, 'page.mjs')).href)}; import { createElement } from 'react'; import { renderToStaticMarkup } from 'react-dom/server'; process.stdout.write(renderToStaticMarkup(createElement(Page)));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', render], { cwd: root, encoding: 'utf8' });
    rmSync(folder, { recursive: true });
    expect(result.stderr).toBe('');
    return { ran: existsSync(sentinel) };
  }

  it('a hand-written page with the fence runs it: the check can fail', async () => {
    const { ran } = await payloadRuns((payload) => `# Page\n\n\`\`\`mdx-code-block\n${payload}\n\`\`\`\n`);
    expect(ran).toBe(true);
  });

  it.each(Object.keys(FENCE_FORMS))('a notebook’s fence (%s) is shown, not run', async (form) => {
    const { ran } = await payloadRuns((payload) => notebookToMdx(markdownNotebook(...mdxCodeBlockFences(payload)[form]!), options).mdx);
    expect(ran).toBe(false);
  });
});
