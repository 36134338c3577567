// A page compiled as the site's docs plugin compiles it: Docusaurus's own
// preprocessor (which unwraps `mdx-code-block` fences and rewrites
// admonition titles) and its MDX processor, with the site's markdown
// options and maths plugins (docusaurus.config.ts). The tests read the
// syntax tree MDX parsed, before Docusaurus's plugins change it, and the one
// they leave, and can run the compiled page.
import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { KATEX_OPTIONS } from '../../website/build/katex-options.mjs';
import remarkKatexStylesheet from '../../website/plugins/remark-katex-stylesheet.js';
import remarkPrintedResults from '../../website/plugins/remark-printed-results.js';
import { root } from './snippets.js';

const require = createRequire(import.meta.url);
const { compileToJSX } = require('@docusaurus/mdx-loader/lib/utils.js') as {
  compileToJSX: (parameters: object) => Promise<{ content: string; data: Record<string, unknown> }>;
};
const { DEFAULT_MARKDOWN_CONFIG } = require('@docusaurus/core/lib/server/configValidation.js') as { DEFAULT_MARKDOWN_CONFIG: Record<string, unknown> };

/** A remark plugin that keeps a copy of the tree as it stands, under `key` of the file's data. */
const snapshot = (key: string) => () => (tree: Root, file: { data: Record<string, unknown> }) => {
  file.data[key] = structuredClone(tree);
};

const options = {
  admonitions: true,
  markdownConfig: { ...DEFAULT_MARKDOWN_CONFIG, hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' } },
  beforeDefaultRemarkPlugins: [snapshot('parsed'), remarkPrintedResults],
  remarkPlugins: [remarkMath, remarkKatexStylesheet, snapshot('transformed')],
  rehypePlugins: [[rehypeKatex, KATEX_OPTIONS]],
  staticDirs: [],
  siteDir: root,
};

/**
 * An MDX page compiled by Docusaurus, as the page `docs/site-tests/x.mdx`:
 * the JavaScript program, the tree MDX parsed from the preprocessed text,
 * and the tree Docusaurus's plugins made of it.
 */
export async function compileWithDocusaurus(mdx: string): Promise<{ program: string; parsed: Root; transformed: Root }> {
  const { content, data } = await compileToJSX({ filePath: `${root}/docs/site-tests/x.mdx`, fileContent: mdx, frontMatter: {}, options, compilerName: 'server' });
  return { program: content, parsed: data.parsed as Root, transformed: data.transformed as Root };
}
