import type { Plugin } from '@docusaurus/types';
import { fileURLToPath } from 'node:url';
import { sourceEntryPoints } from '../build/source-entry-points.mjs';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The site imports the library by its package name, as a reader does, and
 * gets the sources in `src/`: a demo always runs the code it documents.
 */
export default function libraryAliasPlugin(): Plugin {
  return {
    name: 'library-alias',
    configureWebpack() {
      return {
        resolve: {
          // The aliases are the `leaky-relu:source` condition of package.json's exports; `$` matches the specifier exactly.
          alias: Object.fromEntries(sourceEntryPoints().map(({ specifier, file }) => [`${specifier}$`, file])),
          // The sources import each other as `./x.js`, as compiled ESM must.
          extensionAlias: { '.js': ['.ts', '.js'] },
        },
        module: {
          rules: [{ test: /\.ts$/, include: fromRoot('src'), enforce: 'pre' as const, use: [{ loader: fromRoot('website/plugins/import-meta-url-loader.cjs') }] }],
        },
      };
    },
  };
}
