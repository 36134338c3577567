import { describe, expect, it } from 'vitest';
import { isMarkedNotRun, runsOnThePage } from '../../../../website/components/runner/runnable-pages.js';

describe('runsOnThePage(path, code)', () => {
  it('gives Run to a block of a runnable page, with or without the trailing slash', () => {
    expect(runsOnThePage('/getting-started', "console.log('hi');")).toBe(true);
    expect(runsOnThePage('/getting-started/', "console.log('hi');")).toBe(true);
  });

  it('gives no Run to a block of a page that is not runnable', () => {
    expect(runsOnThePage('/plots', "console.log('hi');")).toBe(false);
  });

  it('gives no Run to a block fenced no-run, which runs nowhere: it opens with `// not run:`', () => {
    const code = "// not run: Deno only\nimport { leakyRelu } from 'npm:leaky-relu';";
    expect(isMarkedNotRun(code)).toBe(true);
    expect(runsOnThePage('/notebook-kernels', code)).toBe(false);
    expect(isMarkedNotRun("const note = '// not run: in a string';")).toBe(false);
  });

  it('gives no Run to a block listed as running in Node only', () => {
    expect(runsOnThePage('/speed', 'const pool = await createPool({ threads: 2 });')).toBe(false);
    expect(runsOnThePage('/speed', "console.log('hi');")).toBe(true);
  });
});
