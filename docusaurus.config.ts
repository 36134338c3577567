// The documentation site. The config sits at the repository root, so the
// root is the site directory: `src/` is the library, and the site's own
// parts (components, css, static files, sidebars, plugins) live in `website/`.
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { createRequire } from 'node:module';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { generatedDocs } from './scripts/site/generated-paths.mjs';
import { siteVariant } from './scripts/site/site-variant.mjs';

const require = createRequire(import.meta.url);
/** The site-tests build adds the pages that test the site (scripts/site/site-variant.mjs). */
const withSiteTests = siteVariant() === 'site-tests';

export default {
  title: 'leaky-relu',
  tagline: 'The TypeScript reference for the Leaky ReLU activation',
  url: 'http://127.0.0.1:3000',
  baseUrl: '/',
  favicon: 'img/favicon.svg',
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },

  // Rspack and SWC: with the default Terser, re-minifying Plotly's prebuilt
  // bundle alone triples the build time.
  future: { v4: true, faster: true },

  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: '/',
          sidebarPath: './website/sidebars.ts',
          // The folder's README describes the folder to contributors; it is not a page.
          exclude: [
            '**/README.md',
            '**/_*.{js,jsx,ts,tsx,md,mdx}',
            '**/_*/**',
            '**/*.test.{js,jsx,ts,tsx}',
            ...(withSiteTests ? [] : ['site-tests/**']),
          ],
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
        },
        blog: false,
        pages: {
          path: 'website/pages',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
        },
        theme: {
          // KaTeX's stylesheet and fonts come from node_modules, bundled with the site: no CDN.
          customCss: [require.resolve('katex/dist/katex.min.css'), './website/css/custom.css'],
        },
      } satisfies Preset.Options,
    ],
  ],

  staticDirectories: ['website/static', generatedDocs.staticDirectory, ...(withSiteTests ? [generatedDocs.siteTestsStaticDirectory] : [])],

  plugins: [
    './website/plugins/safe-theme/index.ts',
    './website/plugins/script-end-tag-check.ts',
    './website/plugins/commonjs-in-esm-package.ts',
    './website/plugins/library-alias.ts',
    './website/plugins/benchmark-results.ts',
    [
      'docusaurus-plugin-typedoc',
      {
        entryPoints: ['src/index.ts', 'src/experiments/index.ts', 'src/plot/index.ts'],
        tsconfig: 'tsconfig.build.json',
        out: generatedDocs.api,
        readme: 'none',
        // The entry points' own names, as a reader imports them.
        entryFileName: 'index',
        excludePrivate: true,
        disableSources: true,
        sidebar: { pretty: true },
      },
    ],
  ],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        docsRouteBasePath: '/',
        indexPages: true,
        indexBlog: false,
        highlightSearchTermsOnTargetPage: false,
        // With `true`, 0.55.3 writes a result's page and heading titles into
        // the suggestion list as raw HTML (concatDocumentPath in
        // SuggestionTemplate), so a heading runs as markup on every page. Not
        // reported upstream as far as we found. With `false` every title goes
        // through the plugin's escapeHtml.
        explicitSearchResultPath: false,
      },
    ],
  ],

  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'leaky-relu',
      items: [
        { type: 'docSidebar', sidebarId: 'guide', position: 'left', label: 'Guide' },
        { type: 'docSidebar', sidebarId: 'notebooks', position: 'left', label: 'Notebooks' },
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API' },
        { to: '/benchmarks', label: 'Benchmarks', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'leaky-relu, MIT licensed. Every number on this site is computed by the library.',
    },
    prism: { additionalLanguages: ['bash', 'json'] },
  } satisfies Preset.ThemeConfig,
} satisfies Config;
