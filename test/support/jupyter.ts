/**
 * What the notebook and browser tests share: the check for what they run on
 * (Chromium, and Notebook 6 for its opt-in suite, from Debian; JupyterLab,
 * Notebook 7 and nbclient from the project's .venv), the project's kernel,
 * and the notebook runner.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { root } from './snippets.js';

/** A kernel start plus a few cells takes 3–8 s on two slow cores; leave room for a busy machine. */
export const NOTEBOOK_TIMEOUT = 180_000;

/** The notebooks the project publishes: every `.ipynb` of notebooks/, by file name, in order. */
export const publishedNotebooks = (): string[] =>
  readdirSync(join(root, 'notebooks'))
    .filter((name) => name.endsWith('.ipynb'))
    .sort();

/** The project's Python, in .venv: `npm test` makes it (scripts/python-env.sh), and exports its path. */
export const python = process.env.LEAKY_RELU_PYTHON ?? join(root, '.venv/bin/python');

/** A `jupyter` command of the project's .venv. */
export const venvJupyter = join(dirname(python), 'jupyter');

/** Whether this run is the opt-in suite on Debian's Notebook 6 (`npm run test:notebook6`). */
const notebook6 = process.env.LEAKY_RELU_NOTEBOOK6 === '1';
const systemCheck = spawnSync('bash', [join(root, 'scripts/system-deps.sh'), '--check', ...(notebook6 ? ['--notebook6'] : [])], {
  encoding: 'utf8',
});
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

/** Output that `npm test` builds before the tests, and that a suite runs on. */
export interface BuiltOutput {
  /** The folder, for the message: `dist/`, `build/`. */
  readonly folder: string;
  /** Whether it is there, and built from the current sources where that can be told. */
  readonly built: () => boolean;
}

/** The built package, which tslab loads by name: `npm run build`. */
export const builtPackage: BuiltOutput = { folder: 'dist/', built: () => existsSync(join(root, 'dist/plot/index.js')) };

/**
 * `describe` for tests that need Jupyter, nbclient or Chromium, and the
 * built output in `needs`. When a package is missing the suite fails with the
 * install command, and when an output is missing its first hook fails with the
 * build command, unless LEAKY_RELU_SKIP_SYSTEM_TESTS=1 asks to skip the
 * suite. A skipped suite's body is never called, so none of its hooks is
 * registered; one skipped test says what it needed.
 */
export function describeWithJupyter(name: string, body: () => void, needs: readonly BuiltOutput[] = []): void {
  const unbuilt = skipRequested ? needs.filter((output) => !output.built()).map((output) => output.folder) : [];
  if (systemSkipped || unbuilt.length > 0) {
    const missing = systemSkipped ? `Chromium${notebook6 ? ', Jupyter Notebook 6' : ''} or the project's .venv` : unbuilt.join(' and ');
    describe(name, () => {
      // Skipped at run time, with the reason in the report: only the explicit opt-out gets here.
      it(`runs on ${missing}`, ({ skip }) => skip(`${missing} missing, and LEAKY_RELU_SKIP_SYSTEM_TESTS=1 asks to skip`));
    });
  } else if (!systemMissing) {
    describe(name, body);
  } else {
    describe(name, () => {
      it('has the Debian packages and the Python environment it runs on', () => {
        throw new Error(missingMessage);
      });
    });
  }
}

/**
 * Registers the project's kernels, tslab and Deno's, in .jupyter/, as `npm run notebooks` does.
 * Without the deno dev dependency this throws, saying to run npm install: no test skips Deno.
 */
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

/** Runs scripts/run-notebooks.py with the project's Python, for at most `timeout` milliseconds. */
export function runNotebooks(args: readonly string[], timeout = NOTEBOOK_TIMEOUT): RunResult {
  const run = spawnSync(python, [join(root, 'scripts/run-notebooks.py'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout,
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

/** The flags every browser test launches Chromium with. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** A free TCP port on 127.0.0.1, for a server that other helpers' tests must not collide with. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running Jupyter server and what a test needs to reach and stop it. */
export interface JupyterServer {
  readonly url: string;
  readonly token: string;
  readonly process: ChildProcess;
  readonly log: () => string;
  readonly home: string;
}

/**
 * Starts a Jupyter server at the repo root (so /files/node_modules/ is
 * served), on the project kernel, isolated from the user's configuration:
 * its config, data and runtime folders are fresh temporary ones.
 */
export async function startJupyterServer(
  command: string,
  args: (token: string) => readonly string[],
  prepareConfig: (configDir: string, env: NodeJS.ProcessEnv) => void = () => {},
): Promise<JupyterServer> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const home = mkdtempSync(join(tmpdir(), 'leaky-relu-jupyter-'));
  const env = {
    ...process.env,
    JUPYTER_PATH: join(root, '.jupyter'),
    JUPYTER_CONFIG_DIR: join(home, 'config'),
    JUPYTER_DATA_DIR: join(home, 'data'),
    JUPYTER_RUNTIME_DIR: join(home, 'runtime'),
  };
  prepareConfig(env.JUPYTER_CONFIG_DIR, env);
  const server = spawn(command, [...args(token), '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0'], {
    env,
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${command} exited with ${server.exitCode}:\n${log}`);
    const answer = await fetch(`${url}/api/status?token=${token}`).catch(() => undefined);
    if (answer?.ok) return { url, token, process: server, log: () => log, home };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(`${command} did not answer within 120 s:\n${log}`);
}

/** Stops a server that startJupyterServer started, and removes its temporary folders. */
export async function stopJupyterServer(jupyter: JupyterServer): Promise<void> {
  if (jupyter.process.exitCode === null) {
    const exited = new Promise((resolve) => jupyter.process.once('exit', resolve));
    jupyter.process.kill('SIGTERM');
    await exited;
  }
  rmSync(jupyter.home, { recursive: true, force: true });
}

/** A page that may reach 127.0.0.1 only: any other request (a CDN) is aborted and recorded. */
export async function offlinePage(browser: Browser): Promise<{ page: Page; blocked: string[]; errors: string[]; requested: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Jupyter's pages load a few megabytes of scripts: on two busy cores, far more than playwright's default 30 s.
  page.setDefaultTimeout(120_000);
  const blocked: string[] = [];
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'file:' || url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  // The first line is the message; the stack follows, to tell the front end's errors from ours.
  page.on('pageerror', (error) => errors.push(`${String(error)}${error.stack ? `\n${error.stack.split('\n').slice(1).join('\n')}` : ''}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, blocked, errors, requested };
}
