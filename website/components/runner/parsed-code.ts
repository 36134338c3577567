// The reader's code, as the runner's rewrites read it once its types are stripped.
import { parse } from 'acorn';
import type { Program } from 'acorn';

/**
 * The JavaScript of a block or cell, parsed as the runner runs it: a script
 * body, where a top-level `await` is allowed. Undefined when it does not
 * parse: the rewrites then leave it as it is, so that running it reports the error.
 */
export function parsedCode(javascript: string): Program | undefined {
  try {
    return parse(javascript, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true });
  } catch {
    return undefined;
  }
}
