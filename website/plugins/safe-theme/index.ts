import type { Plugin } from '@docusaurus/types';
import { fileURLToPath } from 'node:url';

/**
 * Theme components that replace the classic theme's where it writes page
 * text into markup unescaped. A local theme, not a swizzle: swizzled
 * components are read from `src/theme`, which is the library here.
 */
export default function safeThemePlugin(): Plugin {
  return {
    name: 'safe-theme',
    getThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
    getTypeScriptThemePath: () => fileURLToPath(new URL('./theme', import.meta.url)),
  };
}
