import type { Plugin } from '@docusaurus/types';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const patches = fileURLToPath(new URL('../../patches/', import.meta.url));

/**
 * Makes the patches of `patches/` (applied to node_modules by patch-package
 * when npm installs) build dependencies of the bundler's persistent cache.
 * The cache takes a package in node_modules to be what its version says, so
 * a build after a patch changed would reuse the unpatched module.
 */
export default function patchedDependenciesPlugin(): Plugin {
  return {
    name: 'patched-dependencies',
    configureWebpack(config) {
      const cache = config.experiments?.cache;
      if (typeof cache !== 'object') return {};
      const files = readdirSync(patches).filter((file) => file.endsWith('.patch')).map((file) => patches + file);
      return { experiments: { cache: { buildDependencies: files } } };
    },
  };
}
