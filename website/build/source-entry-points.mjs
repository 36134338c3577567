// The package's entry points as their TypeScript sources, read from the
// `leaky-relu:source` condition of package.json's `exports`: the one
// declaration of the package-name aliases. The type checker reads the same
// condition through `customConditions` (tsconfig.json, tsconfig.site.json);
// the tests (vitest.config.ts) and the site (website/plugins/library-alias.ts)
// read it here. The name is the package's own, so a consumer whose tools ask
// for a generic `source` condition still gets dist/, not our TypeScript.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);

/** The export condition that names an entry point's TypeScript source. */
const SOURCE_CONDITION = 'leaky-relu:source';

/** @typedef {{ readonly specifier: string, readonly file: string }} SourceEntryPoint */

/**
 * Each entry point's import specifier (`leaky-relu`, `leaky-relu/plot`...)
 * and the absolute path of its source file.
 *
 * @returns {SourceEntryPoint[]}
 */
export function sourceEntryPoints() {
  /** @type {{ name: string, exports: Record<string, string | Record<string, string>> }} */
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typeof target === 'object' && target[SOURCE_CONDITION] !== undefined
      ? [{ specifier: manifest.name + subpath.slice(1), file: fileURLToPath(new URL(target[SOURCE_CONDITION], root)) }]
      : [],
  );
}
