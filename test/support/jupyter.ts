/**
 * What the notebook and browser tests share: the check for what they run on
 * (Chromium and Notebook 6 from Debian, JupyterLab, Notebook 7 and nbclient
 * from the project's .venv), the project's kernel, and the notebook runner.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'vitest';
import { root } from './snippets.js';

/** A kernel start plus a few cells takes 3–8 s on two slow cores; leave room for a busy machine. */
export const NOTEBOOK_TIMEOUT = 180_000;

/** The project's Python, in .venv: `npm test` makes it (scripts/python-env.sh), and exports its path. */
export const python = process.env.LEAKY_RELU_PYTHON ?? join(root, '.venv/bin/python');

/** A `jupyter` command of the project's .venv. */
export const venvJupyter = join(dirname(python), 'jupyter');

const systemCheck = spawnSync('bash', [join(root, 'scripts/system-deps.sh')], { encoding: 'utf8' });
const skipRequested = process.env.LEAKY_RELU_SKIP_SYSTEM_TESTS === '1';
const venvCheck = spawnSync(python, ['-c', 'import jupyterlab, notebook, nbclient, nbconvert'], { encoding: 'utf8' });
const venvMissing = venvCheck.status !== 0 && !skipRequested;
const systemMissing = systemCheck.status !== 0 || venvMissing;
const systemSkipped = !systemMissing && (systemCheck.stderr.includes('LEAKY_RELU_SKIP_SYSTEM_TESTS=1') || venvCheck.status !== 0);
const missingMessage = [
  systemCheck.status !== 0 ? systemCheck.stderr.trim() : '',
  venvMissing
    ? `The project's Python environment has no JupyterLab, Notebook 7 or nbclient (${python}).\n` +
      'Make it with: bash scripts/python-env.sh jupyter (npm test does)\n(or set LEAKY_RELU_SKIP_SYSTEM_TESTS=1 to skip those tests)'
    : '',
]
  .filter(Boolean)
  .join('\n');

/**
 * `describe` for tests that need Jupyter, nbclient or Chromium. When they are
 * missing the suite fails with the install command, unless
 * LEAKY_RELU_SKIP_SYSTEM_TESTS=1 asks to skip it.
 */
export function describeWithJupyter(name: string, body: () => void): void {
  if (!systemMissing) {
    // Skipped only on the explicit opt-out; without it, a missing package fails below.
    describe.skipIf(systemSkipped)(name, body);
  } else {
    describe(name, () => {
      it('has the Debian packages and the Python environment it runs on', () => {
        throw new Error(missingMessage);
      });
    });
  }
}

/** Registers the project's tslab kernel in .jupyter/, as `npm run notebooks` does. */
export function registerKernel(): void {
  if (!existsSync(join(root, 'dist/plot/index.js'))) throw new Error('dist/ is missing: run npm run build (npm test does)');
  execFileSync(process.execPath, [join(root, 'scripts/jupyter-kernel.mjs')]);
}

/** Copies fixture notebooks into a fresh folder under test/.generated, inside the repo so that `leaky-relu` resolves. */
export function copyFixtures(group: string, names: readonly string[]): string[] {
  const dir = join(root, 'test/.generated', group);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return names.map((name) => {
    const copy = join(dir, basename(name));
    copyFileSync(join(root, 'test/notebooks/fixtures', name), copy);
    return copy;
  });
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs scripts/run-notebooks.py with the project's Python. */
export function runNotebooks(args: readonly string[]): RunResult {
  const run = spawnSync(python, [join(root, 'scripts/run-notebooks.py'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: NOTEBOOK_TIMEOUT,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The output of a notebook cell, as nbformat stores it. */
export interface CellOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** The outputs of each cell of a notebook file. */
export function cellOutputs(path: string): CellOutput[][] {
  const notebook = JSON.parse(readFileSync(path, 'utf8')) as { cells: { outputs?: CellOutput[] }[] };
  return notebook.cells.map((cell) => cell.outputs ?? []);
}

/** A stream output's text, joined. */
export function streamText(output: CellOutput): string {
  return Array.isArray(output.text) ? output.text.join('') : (output.text ?? '');
}
