import type { Plugin } from '@docusaurus/types';
import { fileURLToPath } from 'node:url';

/**
 * The site's own theme components: the 404 page's content, the layout that
 * gives the search page its main landmark, and the code block that loads
 * Prism's extra languages. A local theme, not a
 * swizzle: swizzled components are read from `src/theme`, which is the
 * library here.
 */
export default function siteThemePlugin(): Plugin {
  return {
    name: 'site-theme',
    // The classic theme's client module that registers Prism's extra
    // languages is replaced by nothing: ./theme/CodeBlock/Content registers
    // them, so Prism loads with the pages that show code.
    configureWebpack(_config, _isServer, { currentBundler }) {
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      return { plugins: [new NormalModuleReplacementPlugin(/theme-classic[\\/]lib[\\/]prism-include-languages\.js$/, fileURLToPath(new URL('./no-client-module.ts', import.meta.url)))] };
    },
    getThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
    getTypeScriptThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
  };
}
