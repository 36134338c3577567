// A kernel shows a cell's last value; a script keeps no such value. This finds it.
import { parsedCode } from './parsed-code.js';

/**
 * The code, with its last top-level statement, when that is an expression,
 * assigned to `target` as well: `show(figure)` stays a call, and a cell that
 * ends with `leakyReluFigure()` hands its figure on to be drawn, as Deno's
 * kernel draws it. Code that does not parse is returned as it is, so that
 * running it reports the error.
 */
export function keepLastValue(javascript: string, target: string): string {
  const last = parsedCode(javascript)?.body.at(-1);
  if (last?.type !== 'ExpressionStatement' || 'directive' in last) return javascript;
  const { start, end } = last.expression;
  return `${javascript.slice(0, start)}${target} = (${javascript.slice(start, end)})${javascript.slice(end)}`;
}
