// A kernel's cells share their top-level names, and a later cell may declare
// a name again: tslab runs each cell in a function of its own and hands its
// names on through `exports`, so `const x = 1` runs again, or in an edited
// cell, as often as the reader likes. This does the same for the page's
// kernel, where no type checker knows which names a cell took from earlier ones.
import type { Pattern, Program } from 'acorn';
import { parsedCode } from './parsed-code.js';

/**
 * The code of a cell, which runs in a function of its own, with each of its
 * top-level declarations (`const`, `let`, `var`, `function`, `class`) handed
 * to `share` as it takes effect: `share('x', () => x, (x_) => { x = x_; })`.
 * The cell's own names keep JavaScript's rules within the cell (a second
 * `const x` is a SyntaxError, a `let` read before its declaration a
 * ReferenceError); the next cells read and assign them through the getter
 * and setter, so a `const` stays constant and a name the cell never reached
 * keeps an earlier cell's value. A function is shared from the cell's start,
 * where it is hoisted. Code that does not parse is returned as it is, so
 * that running it reports the error.
 */
export function shareTopLevelDeclarations(javascript: string, share: string): string {
  const program = parsedCode(javascript);
  if (!program) return javascript;
  const sharing = (names: readonly string[]): string =>
    names.map((name) => `;${share}(${JSON.stringify(name)}, () => ${name}, (${name}_) => { ${name} = ${name}_; });`).join('');
  const hoisted = new Set<string>();
  const insertions: { at: number; text: string }[] = [];
  for (const statement of program.body) {
    if (statement.type === 'FunctionDeclaration') hoisted.add(statement.id.name);
    else {
      const names = declaredNames(statement);
      if (names.length > 0) insertions.push({ at: statement.end, text: sharing(names) });
    }
  }
  let shared = javascript;
  for (const { at, text } of insertions.reverse()) shared = `${shared.slice(0, at)}${text}${shared.slice(at)}`;
  return hoisted.size === 0 ? shared : `${sharing([...hoisted])}${shared}`;
}

/** The names a top-level statement declares, other than a function's. */
function declaredNames(statement: Program['body'][number]): string[] {
  if (statement.type === 'ClassDeclaration') return [statement.id.name];
  if (statement.type !== 'VariableDeclaration') return [];
  return [...new Set(statement.declarations.flatMap((declaration) => boundNames(declaration.id)))];
}

/** The names a binding pattern binds: `x`, `{ a, b: c, ...rest }`, `[d = 1, , e]`. */
function boundNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => boundNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? boundNames(element) : []));
    case 'RestElement':
      return boundNames(pattern.argument);
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    default:
      return [];
  }
}
