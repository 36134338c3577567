import type { LoadContext, Plugin } from '@docusaurus/types';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
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
 * The fonts every page with maths uses: its upright text and its italic
 * letters. Fetched only once the maths is laid out, they would arrive after
 * the first paint; preloaded, they come with the stylesheet.
 */
export const KATEX_PRELOADED_FONTS = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'];

/**
 * Copies KaTeX's stylesheet and fonts from node_modules into the built site
 * (no CDN). A page links it only when it shows maths
 * (website/components/KatexStylesheet): Docusaurus bundles every imported
 * CSS file into the one stylesheet of every page, so an import would put
 * KaTeX's 23 KB of rules in front of the first paint of every page.
 *
 * The component's link is managed by the head manager, which removes it
 * while the page hydrates and adds it back: for that moment the maths is
 * unstyled, its MathML shows beside it, and the page jumps (a layout shift
 * of 0.26 on /semantics on a phone). So each built page with maths also gets
 * the link, and preloads of its main fonts, as plain tags the head manager
 * does not own; the component's link still serves pages reached in the app.
 */
export default function katexStylesheetPlugin(context: LoadContext): Plugin {
  const stylesheet = `${context.baseUrl}${KATEX_STYLESHEET_PATH.slice(1)}`;
  const fonts = `${dirname(stylesheet)}/fonts/`;
  const tags =
    `<link rel="stylesheet" href="${stylesheet}">` +
    KATEX_PRELOADED_FONTS.map((font) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${fonts}${font}.woff2">`).join('');
  return {
    name: 'katex-stylesheet',
    async postBuild({ outDir }) {
      const target = join(outDir, dirname(KATEX_STYLESHEET_PATH));
      await mkdir(target, { recursive: true });
      await cp(join(katexDist, 'katex.min.css'), join(outDir, KATEX_STYLESHEET_PATH));
      await cp(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
      const pages = (await readdir(outDir, { recursive: true })).filter((path) => path.endsWith('.html'));
      for (const page of pages) {
        const file = join(outDir, page);
        const html = await readFile(file, 'utf8');
        const head = html.indexOf('</head>');
        // The component's link, as the server rendered it into the head (quoted or not).
        const linked = head !== -1 && [`href=${stylesheet}`, `href="${stylesheet}"`].some((attribute) => html.slice(0, head).includes(attribute));
        if (linked) await writeFile(file, html.slice(0, head) + tags + html.slice(head));
      }
    },
    // The components read the path from the site's global data.
    async contentLoaded({ actions }) {
      actions.setGlobalData({ stylesheet: KATEX_STYLESHEET_PATH });
    },
  };
}
