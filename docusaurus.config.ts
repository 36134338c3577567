// The documentation site. The config sits at the repository root, so the
// root is the site directory: `src/` is the library, and the site's own
// parts (components, css, static files, sidebars, plugins) live in `website/`.
import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { themes as prismThemes } from 'prism-react-renderer';
import { createRequire } from 'node:module';
import rehypeKatex from 'rehype-katex';
import { readableTheme } from './website/prism-theme';
import { ssgTemplate } from './website/ssg-template';
import remarkMath from 'remark-math';
import { generatedDocs } from './website/build/generated-paths.mjs';
import { KATEX_OPTIONS } from './website/build/katex-options.mjs';
import { siteAddress } from './website/build/site-address.mjs';
import { siteVariant } from './website/build/site-variant.mjs';
import rehypeFocusableScroll from './website/plugins/rehype-focusable-scroll';
import remarkKatexStylesheet from './website/plugins/remark-katex-stylesheet';
import remarkPrintedResults from './website/plugins/remark-printed-results';

const require = createRequire(import.meta.url);
/** The site-tests build adds the pages that test the site (website/build/site-variant.mjs). */
const withSiteTests = siteVariant() === 'site-tests';
/** Where the site is published: SITE_URL and BASE_URL, or what `npm start` serves. */
const { url, baseUrl } = siteAddress();
const packageJson = require('./package.json') as { version: string; repository?: string | { url?: string } };
/** The repository's web address, from package.json's `repository`, when it names one on GitHub. */
const repositoryUrl = githubUrl(packageJson.repository);
const mathPlugins = { remarkPlugins: [remarkMath, remarkKatexStylesheet], rehypePlugins: [[rehypeKatex, KATEX_OPTIONS], rehypeFocusableScroll] };

export default {
  title: 'leaky-relu',
  tagline: 'The TypeScript reference for the Leaky ReLU activation',
  url,
  baseUrl,
  favicon: 'img/favicon.svg',
  trailingSlash: false,
  // Pages paint before the application's scripts run (website/ssg-template.ts).
  ssrTemplate: ssgTemplate,

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
          ...mathPlugins,
          // A block copied and run prints what the page shows under it.
          beforeDefaultRemarkPlugins: [remarkPrintedResults],
          ...(repositoryUrl ? { editUrl: `${repositoryUrl}/edit/main/` } : {}),
        },
        blog: false,
        pages: {
          path: 'website/pages',
          ...mathPlugins,
        },
        // KaTeX's stylesheet is imported by the pages with maths only (website/plugins/remark-katex-stylesheet.ts).
        theme: { customCss: ['./website/css/custom.css'] },
      } satisfies Preset.Options,
    ],
  ],

  // Link prefetches run in idle time (website/client-modules/idle-prefetch.ts).
  clientModules: ['./website/client-modules/idle-prefetch.ts'],

  staticDirectories: ['website/static', generatedDocs.staticDirectory, ...(withSiteTests ? [generatedDocs.siteTestsStaticDirectory] : [])],

  plugins: [
    './website/plugins/safe-theme/index.ts',
    './website/plugins/site-theme/index.ts',
    './website/plugins/patched-dependencies.ts',
    './website/plugins/robots-txt.ts',
    './website/plugins/katex-stylesheet.ts',
    './website/plugins/script-end-tag-check.ts',
    './website/plugins/content-security-policy-meta.ts',
    './website/plugins/commonjs-in-esm-package.ts',
    './website/plugins/library-alias.ts',
    './website/plugins/runner-page.ts',
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
        // Each page's description is its summary's first sentence, not its Markdown signature.
        plugin: ['./website/plugins/typedoc-description.mjs'],
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

  customFields: { version: packageJson.version, repositoryUrl },

  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    // The social card: a committed picture (website/build/social-card.mjs draws it).
    image: 'img/social-card.png',
    navbar: {
      title: 'leaky-relu',
      items: [
        { type: 'docSidebar', sidebarId: 'guide', position: 'left', label: 'Guide' },
        { type: 'docSidebar', sidebarId: 'notebooks', position: 'left', label: 'Notebooks' },
        { type: 'docSidebar', sidebarId: 'api', position: 'left', label: 'API' },
        // A page of its own, in no sidebar: one navbar item is active on it, not two.
        { type: 'doc', docId: 'benchmarks', label: 'Benchmarks', position: 'left' },
        ...(repositoryUrl ? [{ href: repositoryUrl, label: 'GitHub', position: 'right' as const }] : []),
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'leaky-relu, MIT licensed. Every number on this site is computed by the library.',
    },
    // VS Code's themes, with every token colour brought to 4.5:1 on its background.
    prism: { theme: readableTheme(prismThemes.vsLight), darkTheme: readableTheme(prismThemes.vsDark), additionalLanguages: ['bash'] },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

/** `https://github.com/owner/name` from package.json's `repository` field, in any of npm's spellings. */
function githubUrl(repository: typeof packageJson.repository): string | undefined {
  const spec = typeof repository === 'string' ? repository : repository?.url;
  const match = spec && /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(spec);
  return match ? `https://github.com/${match[1]}` : undefined;
}
