/// <reference lib="webworker" />
// Where the reader's code runs: a Worker of the runner frame, so a runaway
// loop blocks neither the page nor the frame, and Stop ends it. Its origin is
// the frame's, opaque, and the frame's CSP holds here too (no host to fetch).
// The code is TypeScript: sucrase strips its types, and its imports become
// `require` calls, answered with the site's own build of the library. An
// import stays even when the code given uses none of its names: a cell
// imports for the cells after it.
import * as library from 'leaky-relu';
import * as experiments from 'leaky-relu/experiments';
import * as plot from 'leaky-relu/plot';
import { formatWithOptions, inspect } from 'node-inspect-extracted';
import { transform } from 'sucrase';
import { importsAsRequires } from './imports-as-requires';
import { keepLastValue } from './last-value';
import { shareTopLevelDeclarations } from './shared-declarations';
import type { OutputKind, RunMode, RunnerCommand, RunnerEvent } from './protocol';

declare const self: DedicatedWorkerGlobalScope & Record<string, unknown>;

const send = (event: RunnerEvent): void => self.postMessage(event);

/** The run whose output the console and `show` report now. */
let current = 0;

// Node's console.log format (util.format), with Node's inspect: a Float32Array prints as it does in Node.
const print = (kind: OutputKind) => (...values: unknown[]): void =>
  send({ type: 'output', id: current, kind, text: formatWithOptions({}, ...values) });
const stdout = print('stdout');
const stderr = print('stderr');
Object.assign(console, { log: stdout, info: stdout, debug: stdout, warn: stderr, error: stderr });

/** `show` as a notebook's: the figure goes to the page as the Plotly JSON of its output. */
function show(figure: plot.Figure): void {
  const json = plot.mimeBundle(figure).picture['application/vnd.plotly.v1+json'];
  send({ type: 'figure', id: current, figure: JSON.parse(JSON.stringify(json)) });
}

const modules: Record<string, unknown> = {
  'leaky-relu': library,
  'leaky-relu/plot': { ...plot, show },
  'leaky-relu/experiments': experiments,
};

/** The `require` the transformed imports call: the library's three entry points, nothing else. */
function require(specifier: string): unknown {
  if (Object.hasOwn(modules, specifier)) return modules[specifier];
  throw new Error(`Cannot find module '${specifier}': code on this page can import leaky-relu, leaky-relu/plot and leaky-relu/experiments`);
}
self.require = require;
self.exports = {};

/**
 * Shares a cell's top-level name with the cells after it: a property of the
 * Worker's global object that reads and assigns the cell's own binding.
 */
function share(name: string, get: () => unknown, set: (value: unknown) => void): void {
  Object.defineProperty(self, name, { get, set, configurable: true, enumerable: true });
}
self.__share = share;

/**
 * Runs code as a classic script of this Worker, from a blob: URL, in an
 * async function of its own, so its top-level `await` works and a name it
 * declares may be declared again by the next run, as in a kernel. A cell's
 * top-level names are then shared, for the cells after it; a guide's block
 * keeps its names to itself.
 */
async function execute(code: string, mode: RunMode): Promise<void> {
  const imported = importsAsRequires(transform(code, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code);
  // The code written here names the Worker's scope globalThis, which a cell is unlikely to declare and share, unlike `self`.
  const lastKept = keepLastValue(imported, 'globalThis.__lastValue');
  const javascript = mode === 'cell' ? shareTopLevelDeclarations(lastKept, 'globalThis.__share') : lastKept;
  self.__lastValue = undefined;
  const script = `globalThis.__completion = (async () => {${javascript}\n})();`;
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  try {
    importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
  await self.__completion;
  // A figure as the last value draws, as on Deno's kernel: the library's figures carry Jupyter's display protocol.
  const last = self.__lastValue as { [JUPYTER_DISPLAY]?: unknown } | null | undefined;
  self.__lastValue = undefined;
  if (typeof last === 'object' && last !== null && typeof last[JUPYTER_DISPLAY] === 'function') show(last as unknown as plot.Figure);
}

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

/** What Chromium puts before the message of an error thrown by `importScripts`, such as the code's SyntaxError, which Node shows alone. */
const LOADER_PREFIX = /^Failed to execute 'importScripts' on 'WorkerGlobalScope': /;

/** An error as Node shows one that ends a script: its name and message. */
const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message.replace(LOADER_PREFIX, '')}` : `Uncaught ${inspect(error)}`);

// One run after another, as a kernel runs cells.
let queue = Promise.resolve();
self.onmessage = (message: MessageEvent<RunnerCommand>) => {
  const command = message.data;
  if (command.type !== 'run') return;
  queue = queue.then(async () => {
    current = command.id;
    let ok = true;
    try {
      await execute(command.code, command.mode);
    } catch (error) {
      ok = false;
      send({ type: 'output', id: command.id, kind: 'error', text: describeError(error) });
    }
    send({ type: 'done', id: command.id, ok });
  });
};
send({ type: 'ready' });
