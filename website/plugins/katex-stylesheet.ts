import type { Plugin } from '@docusaurus/types';
import { cp, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const katexDist = dirname(require.resolve('katex/dist/katex.min.css'));
const katexVersion = (require('katex/package.json') as { version: string }).version;

/**
 * Where the built site serves KaTeX's stylesheet, its fonts beside it. The
 * version is in the path: a new KaTeX is a new URL.
 */
export const KATEX_STYLESHEET_PATH = `/katex-${katexVersion}/katex.min.css`;

/**
 * Copies KaTeX's stylesheet and fonts from node_modules into the built site
 * (no CDN). A page links it only when it shows maths
 * (website/components/KatexStylesheet): Docusaurus bundles every imported
 * CSS file into the one stylesheet of every page, so an import would put
 * KaTeX's 23 KB of rules in front of the first paint of every page.
 */
export default function katexStylesheetPlugin(): Plugin {
  return {
    name: 'katex-stylesheet',
    async postBuild({ outDir }) {
      const target = join(outDir, dirname(KATEX_STYLESHEET_PATH));
      await mkdir(target, { recursive: true });
      await cp(join(katexDist, 'katex.min.css'), join(outDir, KATEX_STYLESHEET_PATH));
      await cp(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
    },
    // The components read the path from the site's global data.
    async contentLoaded({ actions }) {
      actions.setGlobalData({ stylesheet: KATEX_STYLESHEET_PATH });
    },
  };
}
