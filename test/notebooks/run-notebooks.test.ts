import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { leakyReluFigure, mimeBundle } from 'leaky-relu/plot';
import {
  NOTEBOOK_TIMEOUT,
  cellOutputs,
  copyFixtures,
  builtPackage,
  describeWithJupyter,
  python,
  registerKernel,
  runNotebooks,
  streamText,
} from '../support/jupyter.js';
import { root } from '../support/snippets.js';

describeWithJupyter('scripts/run-notebooks.py on the project’s tslab and Deno kernels', () => {
  beforeAll(registerKernel);

  it('registers both kernels in the project’s .jupyter/, from its node_modules, under names a user can tell apart', () => {
    const spec = (name: string) =>
      JSON.parse(readFileSync(join(root, '.jupyter/kernels', name, 'kernel.json'), 'utf8')) as { argv: string[]; display_name: string };
    const [tslab, deno] = [spec('tslab'), spec('deno')];
    expect(tslab.argv).toEqual([join(root, 'node_modules/.bin/tslab'), 'kernel', '--config-path', '{connection_file}']);
    expect(deno.argv.slice(1)).toEqual(['jupyter', '--kernel', '--conn', '{connection_file}']);
    expect(deno.argv[0]!.startsWith(join(root, 'node_modules/'))).toBe(true);
    const version = spawnSync(deno.argv[0]!, ['--version'], { encoding: 'utf8' });
    expect(version.stdout).toMatch(/^deno 2\.9\.6 /);
    expect([tslab.display_name, deno.display_name]).toEqual(['TypeScript', 'TypeScript (Deno)']);
  });

  it('runs a notebook that imports the package by name on both kernels, which agree, and writes tslab’s show()’s two display_data back, the picture first', () => {
    const [notebook] = copyFixtures('run-show', ['show.ipynb']);
    const run = runNotebooks([notebook!]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/show\.ipynb: ran on deno in [\d.]+ s \(kernel start [\d.]+ s, cells [\d.]+ s\)\n.*show\.ipynb: ran and agreed, outputs written\n/);
    const [imports, printed, shown, shownDark] = cellOutputs(notebook!);
    expect(imports).toEqual([]);
    expect(printed!.map(streamText)).toEqual(['[-0.02 -0.01  0.    1.    2.  ]\n']);
    expect(shown!.map((output) => output.output_type)).toEqual(['display_data', 'display_data']);
    const [picture, live] = shown!;
    expect(Object.keys(picture!.data!)).toEqual(['application/vnd.plotly.v1+json', 'image/png', 'text/plain']);
    expect(Object.keys(live!.data!)).toEqual(['text/html']);
    const png = Buffer.from(streamText({ output_type: 'png', text: picture!.data!['image/png'] as string }), 'base64');
    // The PNG's header: its signature, then IHDR: the 1000×600 figure drawn at most 900 pixels wide, in its 10:6 shape.
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 540]);
    const expected = mimeBundle(leakyReluFigure(), { picture: 'AAAA' });
    expect(picture!.data!['application/vnd.plotly.v1+json']).toEqual(expected.picture['application/vnd.plotly.v1+json']);
    expect(streamText({ output_type: 'html', text: live!.data!['text/html'] as string[] })).toBe(expected.live['text/html']);
    expect(streamText({ output_type: 'plain', text: picture!.data!['text/plain'] as string[] })).toBe(
      'Plotly figure "Leaky ReLU Activation Function and Its Derivative": Leaky ReLU Function, Leaky ReLU Derivative',
    );
    const { width: _width, ...dark } = leakyReluFigure({ theme: 'dark', markZero: true }).layout;
    expect(shownDark!.map((each) => (each.data!['application/vnd.plotly.v1+json'] as { layout?: unknown } | undefined)?.layout)).toEqual([
      dark,
      undefined,
    ]);
  }, NOTEBOOK_TIMEOUT);

  it('writes the same file on every run: no timestamps, no absolute paths', () => {
    const [notebook] = copyFixtures('run-twice', ['expected-error.ipynb']);
    expect(runNotebooks([notebook!]).status).toBe(0);
    const first = readFileSync(notebook!, 'utf8');
    expect(runNotebooks([notebook!]).status).toBe(0);
    expect(readFileSync(notebook!, 'utf8')).toBe(first);
    expect(first).not.toMatch(/"execution"|iopub|file:\/\/| {4}at /);
    expect(first).not.toContain(root);
  }, NOTEBOOK_TIMEOUT);

  it('lets a cell tagged raises-exception fail, and still runs the cell after it', () => {
    const [notebook] = copyFixtures('run-expected-error', ['expected-error.ipynb']);
    const run = runNotebooks([notebook!]);
    expect(run.status).toBe(0);
    const [, failed, after] = cellOutputs(notebook!);
    expect(failed!.map(streamText).join('')).toContain('RangeError: alpha must be a finite number, got NaN');
    expect(after!.map(streamText)).toEqual(['-0.02\n']);
  }, NOTEBOOK_TIMEOUT);

  it('fails on a cell the kernel aborted, which nbclient alone counts as a success', () => {
    const [notebook] = copyFixtures('run-abort', ['expected-error.ipynb']);
    const before = readFileSync(notebook!, 'utf8');
    // Without the pause after the expected error, the next cell lands in tslab's 200 ms abort window.
    const run = runNotebooks(['--kernel', 'tslab', '--error-grace-ms', '0', notebook!]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cell 2 was aborted by the kernel');
    expect(run.stderr).toContain('console.log(leakyRelu(-2));');
    expect(readFileSync(notebook!, 'utf8')).toBe(before);
  }, NOTEBOOK_TIMEOUT);

  it('fails where the kernels print differently and notebooks/kernel-differences.json does not say why, writing nothing', () => {
    const [notebook] = copyFixtures('run-differ', ['kernels-differ.ipynb']);
    const before = readFileSync(notebook!, 'utf8');
    const run = runNotebooks(['--check', notebook!]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('tslab and Deno differ where notebooks/kernel-differences.json does not say why:\n');
    expect(run.stderr).toContain('{"notebook": "kernels-differ.ipynb", "cell": 0, "stdout": 0, "tslab": "{ kernel: \'tslab\' }", "deno": "{ kernel: \\"deno\\" }"}');
    expect(readFileSync(notebook!, 'utf8')).toBe(before);
  }, NOTEBOOK_TIMEOUT);

  it('fails on a cell with reply status error, and shows its stderr', () => {
    const [notebook] = copyFixtures('run-error', ['error.ipynb']);
    const run = runNotebooks([notebook!]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cell 1 failed with status "error"');
    expect(run.stderr).toContain('--- stderr\n');
    expect(run.stderr).toContain('RangeError: alpha must be a finite number, got NaN');
  }, NOTEBOOK_TIMEOUT);

  it('fails on a notebook that its outputs would make too large to commit', () => {
    const [notebook] = copyFixtures('run-size', ['show.ipynb']);
    const run = runNotebooks(['--kernel', 'tslab', '--max-bytes', '20000', notebook!]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/show\.ipynb: would be \d+ bytes with its outputs, over the limit of 20000/);
  }, NOTEBOOK_TIMEOUT);

  it('passes the kernel’s own stderr on, except tslab’s harmless startup bind race', () => {
    const race = (frame: string): string =>
      'UnhandledPromiseRejection: Error: Socket is blocked by a bind or unbind operation\n' +
      `    at ZmqMessage.signAndSend (tslab/dist/jupyter.js:143:14)\n    at ${frame} {\n  errno: 16,\n  code: 'EBUSY'\n}\n`;
    const log = `${race('ZmqServer.publishStatus (tslab/dist/jupyter.js:339:15)')}a real warning\n${race('tslab/dist/jupyter.js:462:30')}`;
    const filter =
      'import importlib.util, sys\n' +
      "spec = importlib.util.spec_from_file_location('runner', sys.argv[1])\n" +
      'runner = importlib.util.module_from_spec(spec)\n' +
      'spec.loader.exec_module(runner)\n' +
      'sys.stdout.write(runner.TSLAB_BIND_RACE.sub("", sys.stdin.read()))\n';
    const run = spawnSync(python, ['-c', filter, join(root, 'scripts/run-notebooks.py')], { input: log, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('a real warning\n');
  });

  it('with --check, executes without writing the outputs back', () => {
    const [notebook] = copyFixtures('run-check', ['show.ipynb']);
    const before = readFileSync(notebook!, 'utf8');
    const run = runNotebooks(['--kernel', 'tslab', '--check', notebook!]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('show.ipynb: ran\n');
    expect(readFileSync(notebook!, 'utf8')).toBe(before);
  }, NOTEBOOK_TIMEOUT);
}, [builtPackage]);
