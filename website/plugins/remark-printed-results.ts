import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** `expression //=> result`: a result shown in a comment, the docs' convention (the doc tests check it). */
const RESULT_LINE = /^(?<indent>\s*)(?<expression>\S.*?);?\s*\/\/=>\s?(?<result>.*)$/;
const THROWS = /^throws\s+/;
/** A result that is a single-quoted string literal with no escape in it. */
const STRING_RESULT = /^'(?<text>[^'\\]*)'$/;
const SCRIPT_LANGUAGES = new Set(['js', 'javascript', 'ts', 'typescript', 'mjs']);

/**
 * A code block as a reader copies and runs it: each `expression //=> result`
 * line prints its value (`console.log(expression)`), and one that shows
 * `//=> throws …` catches the error and prints it, so the block runs to its
 * end. The results follow the block, as the output a run prints. The
 * results are Node's `console.log` format, which the docs' results already use.
 *
 * @returns the printing code, and the output it prints; `undefined` for a block with no result line
 */
export function printedResults(code: string): { code: string; output: string } | undefined {
  const output: string[] = [];
  const lines = code.split('\n').map((line) => {
    const match = RESULT_LINE.exec(line);
    if (!match?.groups) return line;
    const { indent, expression, result } = match.groups as { indent: string; expression: string; result: string };
    if (THROWS.test(result)) {
      output.push(result.replace(THROWS, ''));
      return `${indent}try {\n${indent}  ${expression};\n${indent}} catch (error) {\n${indent}  console.log(String(error));\n${indent}}`;
    }
    // A string result is written as a literal, as the doc tests compare it; console.log prints its text.
    output.push(STRING_RESULT.exec(result)?.groups?.text ?? result);
    return `${indent}console.log(${expression});`;
  });
  return output.length === 0 ? undefined : { code: lines.join('\n'), output: output.join('\n') };
}

/** A remark plugin: every JavaScript or TypeScript block with `//=>` results prints them, its output shown under it. */
export default function remarkPrintedResults() {
  return (tree: Root): void => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!parent || index === undefined || !SCRIPT_LANGUAGES.has(node.lang ?? '')) return undefined;
      const printed = printedResults(node.value);
      if (!printed) return undefined;
      node.value = printed.code;
      const output: Code = { type: 'code', lang: 'text', meta: 'title="Output"', value: printed.output };
      parent.children.splice(index + 1, 0, output);
      return index + 2;
    });
  };
}
