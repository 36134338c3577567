/**
 * Finds the code a reader is shown (TSDoc `@example` blocks, Markdown code
 * blocks), turns each into a module that checks its `//=>` lines, and
 * type-checks them all against the real types.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { generatedDocs } from '../../website/build/generated-paths.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const generatedRoot = join(root, 'test/.generated');

export interface Snippet {
  /** A stable name: the source file and the line the code starts on. */
  readonly name: string;
  readonly code: string;
  /** The first line of `code` in its source file (1-based). */
  readonly line: number;
  /** The text of an output block that follows the code, if any. */
  readonly expectedOutput?: string;
}

/** Every `.ts` file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The pages of `docs/` written by hand, `.md` and `.mdx`: not the folders the
 * site build generates (the notebooks' pages, whose code the notebook runner
 * executes, and the API reference, whose examples are the TSDoc's), nor the
 * folder's README.
 */
export function handWrittenPages(): string[] {
  const generated = Object.values(generatedDocs).map((path) => join(root, path));
  const pages = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return generated.includes(path) ? [] : pages(path);
      return /\.mdx?$/.test(entry.name) && entry.name !== 'README.md' ? [path] : [];
    });
  return pages(join(root, 'docs')).sort();
}

/** The fenced code of every `@example` in a source file's TSDoc comments. */
export function tsdocExamples(file: string): Snippet[] {
  const text = readFileSync(file, 'utf8');
  const snippets: Snippet[] = [];
  const example = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\/|@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*@/g;
  for (const match of text.matchAll(example)) {
    const body = (match[1] ?? match[2] ?? '').split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    const fenceStart = body.findIndex((line) => /^```(ts|typescript)\s*$/.test(line));
    const fenceEnd = body.findIndex((line, index) => index > fenceStart && line.startsWith('```'));
    if (fenceStart < 0 || fenceEnd < 0) continue;
    const line = text.slice(0, match.index).split('\n').length + 1 + fenceStart + 1;
    snippets.push({
      name: `${relative(root, file)}:${line}`,
      code: body.slice(fenceStart + 1, fenceEnd).join('\n'),
      line,
    });
  }
  return snippets;
}

/**
 * The `ts`/`js` code blocks of a Markdown file. A block fenced as
 * `ts no-run` is skipped, and must say why on its first line. A `text` block
 * right after a code block is the output its `console.log` calls must print.
 */
export function markdownSnippets(file: string): Snippet[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(ts|typescript|js|javascript)(?:\s+(.*))?$/.exec(lines[index]!);
    if (!fence) continue;
    const end = lines.findIndex((line, at) => at > index && line.startsWith('```'));
    const code = lines.slice(index + 1, end).join('\n');
    const flags = fence[2] ?? '';
    let next = end + 1;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    let expectedOutput: string | undefined;
    if (lines[next] === '```text') {
      const outputEnd = lines.findIndex((line, at) => at > next && line.startsWith('```'));
      expectedOutput = lines.slice(next + 1, outputEnd).join('\n');
    }
    if (!flags.includes('no-run')) {
      snippets.push({ name: `${relative(root, file)}:${index + 2}`, code, line: index + 2, expectedOutput });
    }
    index = end;
  }
  return snippets;
}

/** The code blocks a Markdown file marks as not runnable, with the reason each gives. */
export function notRunnableSnippets(file: string): { readonly line: number; readonly reason: string }[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    if (!/^```(ts|typescript|js|javascript)\s+.*no-run/.test(line)) return [];
    const reason = /^\/\/\s*not run:\s*(.+)$/.exec(lines[index + 1] ?? '')?.[1] ?? '';
    return [{ line: index + 1, reason }];
  });
}

const runtimeImport = (file: string): string => {
  const path = relative(dirname(file), join(root, 'test/support/snippet-runtime.js'));
  return path.startsWith('.') ? path : `./${path}`;
};

/**
 * Writes a snippet as a module under `test/.generated/<group>/`: each
 * `expression //=> shown` line becomes a check, and `console` is the
 * recording one.
 */
export function writeSnippetModule(group: string, snippet: Snippet, index: number): string {
  const file = join(generatedRoot, group, `${String(index).padStart(3, '0')}.ts`);
  mkdirSync(dirname(file), { recursive: true });
  const body = snippet.code
    .split('\n')
    .map((line, offset) => {
      const arrow = /^(\s*)(.+?);?\s*\/\/=>\s*(.*)$/.exec(line);
      if (!arrow) return line;
      const [, indent, expression, expected] = arrow;
      const location = `${snippet.name.replace(/:\d+$/, '')}:${snippet.line + offset}`;
      return `${indent}__check(() => (${expression}), ${JSON.stringify(expected!.trim())}, ${JSON.stringify(location)});`;
    })
    .join('\n');
  const header =
    `import { check as __check, snippetConsole as console } from '${runtimeImport(file)}';\n` +
    `// Generated from ${snippet.name}; do not edit.\n`;
  writeFileSync(file, `${header}${body}\nexport {};\n`);
  return file;
}

/** Empties the generated folder of a group. */
export function clearGenerated(group: string): void {
  rmSync(join(generatedRoot, group), { recursive: true, force: true });
}

/** Type-checks generated modules with the project's compiler options; returns the errors as text. */
export function typeErrors(files: readonly string[]): string[] {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram([...files], { ...parsed.options, noEmit: true, noUnusedLocals: false });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file === undefined || files.includes(resolve(diagnostic.file.fileName)))
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${relative(root, diagnostic.file.fileName)}:${line + 1}: ${message}`;
    });
}
