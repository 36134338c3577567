import type { Plugin } from '@docusaurus/types';
import { fileURLToPath } from 'node:url';

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
          alias: {
            'leaky-relu$': fromRoot('src/index.ts'),
            'leaky-relu/plot$': fromRoot('src/plot/index.ts'),
            'leaky-relu/experiments$': fromRoot('src/experiments/index.ts'),
          },
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
