import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedResults } from '../../../website/plugins/remark-printed-results.js';

describe('printedResults', () => {
  it('prints each result line and lists what it prints', () => {
    expect(printedResults("import { leakyRelu } from 'leaky-relu';\n\nleakyRelu(-2) //=> -0.02\nleakyRelu([-1, 0, 3], 0.1) //=> [ -0.1, 0, 3 ]")).toEqual({
      code: "import { leakyRelu } from 'leaky-relu';\n\nconsole.log(leakyRelu(-2));\nconsole.log(leakyRelu([-1, 0, 3], 0.1));",
      output: '-0.02\n[ -0.1, 0, 3 ]',
    });
  });

  it('catches and prints an error a result line shows, so the block runs on', () => {
    expect(printedResults('f(1, Number.NaN) //=> throws RangeError: alpha must be a finite number, got NaN')).toEqual({
      code: 'try {\n  f(1, Number.NaN);\n} catch (error) {\n  console.log(String(error));\n}',
      output: 'RangeError: alpha must be a finite number, got NaN',
    });
  });

  it('shows a string result as console.log prints it: its text, without the quotes', () => {
    expect(printedResults("'[0. 1.]'.trim() //=> '[0. 1.]'")?.output).toBe('[0. 1.]');
  });

  it('leaves a block without result lines alone', () => {
    expect(printedResults('const x = 1;\nconsole.log(x);')).toBeUndefined();
  });

  it('prints, run by Node, exactly the output it lists', () => {
    const printed = printedResults(
      "const x = new Float32Array([-1, 0.5]);\nx.map((v) => v * 0.01) //=> Float32Array(2) [ -0.009999999776482582, 0.004999999888241291 ]\n['a', 'b'].join('  ') //=> 'a  b'\nObject.is(-0 * 1, -0) //=> true\n-0 //=> -0\n[1, 2].at(5).x //=> throws TypeError: Cannot read properties of undefined (reading 'x')",
    )!;
    const file = join(mkdtempSync(join(tmpdir(), 'printed-')), 'snippet.mjs');
    writeFileSync(file, printed.code);
    expect(execFileSync(process.execPath, [file], { encoding: 'utf8' })).toBe(`${printed.output}\n`);
  });
});
