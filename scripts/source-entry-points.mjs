// The package's entry points as their TypeScript sources, read from the
// `source` condition of package.json's `exports`: the one declaration of the
// package-name aliases. The type checker reads the same condition through
// `customConditions` (tsconfig.json, tsconfig.site.json); the tests
// (vitest.config.ts) and the site (website/plugins/library-alias.ts) read it
// here. Node and published consumers never ask for `source`, so they get dist/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

/** @typedef {{ readonly specifier: string, readonly file: string }} SourceEntryPoint */

/**
 * Each entry point's import specifier (`leaky-relu`, `leaky-relu/plot`...)
 * and the absolute path of its source file.
 *
 * @returns {SourceEntryPoint[]}
 */
export function sourceEntryPoints() {
  /** @type {{ name: string, exports: Record<string, string | { source?: string }> }} */
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typeof target === 'object' && target.source !== undefined
      ? [{ specifier: manifest.name + subpath.slice(1), file: fileURLToPath(new URL(target.source, root)) }]
      : [],
  );
}
