import type { Plugin } from '@docusaurus/types';
import { fileURLToPath } from 'node:url';

/**
 * The site's own theme components: the 404 page's content, and the layout
 * that gives the search page its main landmark. A local theme, not a
 * swizzle: swizzled components are read from `src/theme`, which is the
 * library here.
 */
export default function siteThemePlugin(): Plugin {
  return {
    name: 'site-theme',
    getThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
    getTypeScriptThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
  };
}
