// The imports of code run on the page, as the runner's Worker answers them.

/** An import declaration as sucrase leaves it: `import { a, b as c } from 'x'`, `import * as x from 'x'`, `import x from 'x'`, `import 'x'`. */
const IMPORT = /^import\s*(?:([\w$]+)\s*,?\s*)?(\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?(['"][^'"\n]+['"])\s*;?/gm;

/**
 * Each import as a `var` of what `require` returns. Sucrase's own import
 * transform renames the imported names within the code it is given, which
 * would leave a cell's imports unknown to the cells after it; a `var` at a
 * cell's top level is shared with them as the cell's other names are
 * (./shared-declarations.ts), and a second import of a name (a later
 * cell's) is allowed, as in tslab.
 */
export function importsAsRequires(javascript: string): string {
  return javascript.replace(IMPORT, (_declaration, defaultName: string | undefined, names: string | undefined, specifier: string) => {
    const bindings: string[] = [];
    if (defaultName) bindings.push(`{ default: ${defaultName} } = require(${specifier})`);
    if (names?.startsWith('*')) bindings.push(`${names.replace(/^\*\s*as\s+/, '')} = require(${specifier})`);
    else if (names) bindings.push(`${names.replace(/\s+as\s+/g, ': ')} = require(${specifier})`);
    return bindings.length === 0 ? `require(${specifier});` : `var ${bindings.join(', ')};`;
  });
}
