import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reset, results } from './support/snippet-runtime.js';
import { clearGenerated, root, sourceFiles, tsdocExamples, typeErrors, writeSnippetModule } from './support/snippets.js';

clearGenerated('examples');
const examples = sourceFiles(join(root, 'src')).flatMap(tsdocExamples);
const modules = examples.map((example, index) => writeSnippetModule('examples', example, index));

describe('every @example in the TSDoc', () => {
  it.each(['leaky-relu', 'leaky-relu/experiments', 'leaky-relu/plot'])('exists for every function %s exports', async (entry) => {
    const exported = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
    const functions = Object.entries(exported).filter(([, value]) => typeof value === 'function');
    expect(functions.length).toBeGreaterThan(0);
    for (const [name] of functions) {
      expect(examples.some((example) => example.code.includes(`${name}(`)), `an @example calls ${name}`).toBe(true);
    }
  });

  it('type-checks against the real types', () => {
    expect(typeErrors(modules)).toEqual([]);
  }, 60_000);

  it.each(examples.map((example, index) => [example.name, modules[index]!] as const))(
    'runs %s and prints what its //=> lines show',
    async (_name, module) => {
      reset();
      await import(pathToFileURL(module).href);
      expect(results.failures).toEqual([]);
      expect(results.checks).toBeGreaterThan(0);
    },
  );
});
