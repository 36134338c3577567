/**
 * The package's sources as plain JavaScript in a temporary folder, for tests
 * that must run it in a child process of their own (Node 20 cannot run
 * TypeScript): each file goes through TypeScript's transpileModule, and the
 * imports already name `.js` files.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { root } from './snippets.js';

let folder: string | undefined;

/** The folder holding the transpiled `index.js` (made once per test file). */
export function transpiledPackage(): string {
  if (folder) return folder;
  const made = mkdtempSync(join(tmpdir(), 'leaky-relu-js-'));
  const source = join(root, 'src');
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        });
        const target = join(made, relative(source, path)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, outputText);
      }
    }
  };
  visit(source);
  writeFileSync(join(made, 'package.json'), '{ "type": "module" }\n');
  folder = made;
  return made;
}
