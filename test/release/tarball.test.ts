/**
 * The package as npm ships it. It is packed once, from a copy of the
 * repository's files as a fresh clone has them (no dist/), so `npm pack` must
 * build dist/ through `prepack`; the repository's own dist/, which other tests
 * read, is left alone. The tarball is then installed into an empty project, as
 * a consumer installs it, and linted as the registry's tools lint it.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownSnippets, root } from '../support/snippets.js';

interface Packed {
  /** The tarball's path. */
  readonly tarball: string;
  /** The paths it holds, relative to the package's root. */
  readonly files: readonly string[];
}

let work: string;
let clone: string;
let consumer: string;
let packed: Packed;
let install: SpawnSyncReturns<string>;

/** Runs `command` in `cwd`; fails with everything it printed unless it exits 0. */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** The repository's files as a fresh clone has them: tracked, or new and not ignored. */
function cloneFiles(): string[] {
  // safe.directory: in a CI container the checkout belongs to another user than the tests.
  const listed = execFileSync('git', ['-c', `safe.directory=${root}`, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  // Deleted files are still listed until the deletion is committed; links (.venv) are not the repository's.
  return [...new Set(listed.split('\0'))].filter((file) => file !== '' && statSync(join(root, file), { throwIfNoEntry: false })?.isFile());
}

/** Node, run in the consumer project on `code` as an ES module (`.mjs`) or CommonJS (`.cjs`). */
function runInConsumer(name: string, code: string): string {
  writeFileSync(join(consumer, name), code);
  return run(process.execPath, [name], consumer).stdout.trimEnd();
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'leaky-relu-tarball-'));
  clone = join(work, 'clone');
  for (const file of cloneFiles()) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(root, file), join(clone, file));
  }
  // The build's tools (TypeScript, wabt) are the repository's; a clone gets them with npm ci.
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  const [report] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], clone).stdout) as [
    { filename: string; files: { path: string }[] },
  ];
  packed = { tarball: join(work, report.filename), files: report.files.map(({ path }) => path) };

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  // The package has no dependencies, so its tarball installs without the registry.
  install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', packed.tarball], consumer);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm tarball', () => {
  it('is built by npm pack from a fresh clone, through prepack', () => {
    expect(existsSync(join(clone, 'dist'))).toBe(true);
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/plot/index.js', 'dist/experiments/index.d.ts']) expect(packed.files).toContain(file);
  });

  it('holds LICENSE, README.md, package.json, dist/ and src/, and nothing else of the repository', () => {
    expect(packed.files.filter((file) => !/^(LICENSE|README\.md|package\.json|(dist|src)\/.+)$/.test(file))).toEqual([]);
    expect(packed.files).toContain('LICENSE');
    expect(packed.files).toContain('README.md');
    const sources = cloneFiles().filter((file) => file.startsWith('src/'));
    expect(packed.files.filter((file) => file.startsWith('src/')).sort()).toEqual(sources.sort());
  });

  it('runs no script when a consumer installs it, and npm prints no install-script warning', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/leaky-relu/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const installTime = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(manifest.scripts ?? {}).filter((name) => installTime.includes(name))).toEqual([]);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/install-scripts|install script|leaky-relu@[^ ]* \(/i);
  });

  it("runs the README's quick start from the installed package, printing the output the README shows", () => {
    const quickStart = markdownSnippets(join(root, 'README.md')).find((snippet) => snippet.expectedOutput !== undefined);
    expect(quickStart?.code).toContain("from 'leaky-relu'");
    // The block is TypeScript: its types removed, as Node's type stripping or tsx would.
    const { outputText } = ts.transpileModule(quickStart!.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(runInConsumer('quick-start.mjs', outputText)).toBe(quickStart!.expectedOutput);
  });

  it('loads with require, as Node 20.19 or later does for ES modules', () => {
    const code = [
      "const { formatArray, leakyRelu } = require('leaky-relu');",
      "const { leakyReluFigure } = require('leaky-relu/plot');",
      'console.log(formatArray(leakyRelu([-2, 0, 2], 0.5)), leakyReluFigure().data.length);',
    ].join('\n');
    expect(runInConsumer('required.cjs', code)).toBe('[-1  0  2] 2');
  });

  it('names playwright-core, its optional peer, and how to install it, when staticPicture cannot find it', () => {
    const code = [
      "import { leakyReluFigure, staticPicture } from 'leaky-relu/plot';",
      'try { staticPicture(leakyReluFigure()); } catch (error) { console.log(error.message); }',
    ].join('\n');
    expect(runInConsumer('static-picture.mjs', code)).toBe(
      'static pictures need playwright-core, an optional peer dependency of leaky-relu, which is not installed: run npm install playwright-core',
    );
  });

  it('passes publint, suggestions included', async () => {
    const bytes = readFileSync(packed.tarball);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  });

  it('passes @arethetypeswrong/cli --profile esm-only', () => {
    const attw = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
    const result = spawnSync(process.execPath, [attw, packed.tarball, '--profile', 'esm-only', '--format', 'table'], { encoding: 'utf8' });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  });
});
