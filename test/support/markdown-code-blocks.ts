/**
 * The suite every Markdown page gets (the README, the site's pages): its
 * `ts`/`js` blocks are type-checked together against the real types, then
 * each is run, and the results and output it shows are asserted.
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { reset, results } from './snippet-runtime.js';
import { clearGenerated, markdownSnippets, notRunnableSnippets, root, typeErrors, writeSnippetModule, type Snippet } from './snippets.js';

/** Registers the tests of the code blocks of `files`, generated under `test/.generated/<group>/`; returns the blocks. */
export function testMarkdownCodeBlocks(group: string, files: readonly string[]): Snippet[] {
  clearGenerated(group);
  const snippets = files.flatMap(markdownSnippets);
  const modules = snippets.map((snippet, index) => writeSnippetModule(group, snippet, index));

  it('type-check against the real types', () => {
    expect(typeErrors(modules)).toEqual([]);
  }, 60_000);

  it('say why when marked as not runnable', () => {
    for (const file of files) {
      for (const { line, reason } of notRunnableSnippets(file)) expect(reason, `${relative(root, file)}:${line}`).not.toBe('');
    }
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
  return snippets;
}
