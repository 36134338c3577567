import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reset, results } from './support/snippet-runtime.js';
import { clearGenerated, markdownSnippets, notRunnableSnippets, root, typeErrors, writeSnippetModule } from './support/snippets.js';

const readme = join(root, 'README.md');
clearGenerated('readme');
const snippets = markdownSnippets(readme);
const modules = snippets.map((snippet, index) => writeSnippetModule('readme', snippet, index));

describe('the README code blocks', () => {
  it('include the quick start', () => {
    expect(snippets.some((snippet) => snippet.code.includes("from 'leaky-relu'"))).toBe(true);
  });

  it('type-check against the real types', () => {
    expect(typeErrors(modules)).toEqual([]);
  }, 60_000);

  it('say why when marked as not runnable', () => {
    for (const { line, reason } of notRunnableSnippets(readme)) expect(reason, `README.md:${line}`).not.toBe('');
  });

  it.each(snippets.map((snippet, index) => [snippet.name, snippet, modules[index]!] as const))(
    'runs %s with the results and output it shows',
    async (_name, snippet, module) => {
      reset();
      await import(pathToFileURL(module).href);
      expect(results.failures).toEqual([]);
      if (snippet.expectedOutput !== undefined) expect(results.output.join('\n')).toBe(snippet.expectedOutput);
      expect(results.checks + (snippet.expectedOutput === undefined ? 0 : 1)).toBeGreaterThan(0);
    },
  );
});
