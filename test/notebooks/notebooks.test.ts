import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NOTEBOOK_TIMEOUT,
  cellOutputs,
  publishedNotebooks,
  builtPackage,
  describeWithJupyter,
  registerKernel,
  runNotebooks,
  streamText,
  type CellOutput,
} from '../support/jupyter.js';
import { root } from '../support/snippets.js';

const committed = publishedNotebooks().map((name) => join(root, 'notebooks', name));

/** Every stream line a notebook printed, in order. */
const printed = (outputs: CellOutput[][]): string =>
  outputs
    .flat()
    .filter((output) => output.output_type === 'stream')
    .map(streamText)
    .join('');

/** The Plotly figures a notebook displayed, in order. */
const figures = (outputs: CellOutput[][]) =>
  outputs
    .flat()
    .flatMap((output) => (output.data?.['application/vnd.plotly.v1+json'] ? [output.data['application/vnd.plotly.v1+json']] : [])) as {
    data: { name: string }[];
    layout: { title: { text: string } };
  }[];

/** Each notebook on tslab and on Deno's kernel: for the four, about 5 minutes on two cores, 10 on two busy ones. */
const ALL_NOTEBOOKS_TIMEOUT = NOTEBOOK_TIMEOUT * 2 * committed.length;

describeWithJupyter('the notebooks in notebooks/', () => {
  const freshDir = join(root, 'test/.generated/notebooks-fresh');
  const fresh = committed.map((path) => join(freshDir, basename(path)));
  let run: ReturnType<typeof runNotebooks>;

  beforeAll(() => {
    registerKernel();
    rmSync(freshDir, { recursive: true, force: true });
    mkdirSync(freshDir, { recursive: true });
    committed.forEach((path, index) => copyFileSync(path, fresh[index]!));
    run = runNotebooks(fresh, ALL_NOTEBOOKS_TIMEOUT);
  }, ALL_NOTEBOOKS_TIMEOUT);

  it('are the ones the project publishes', () => {
    expect(committed.map((path) => basename(path))).toEqual([
      '01-leaky-relu.ipynb',
      '02-dying-relu.ipynb',
      '03-properties.ipynb',
      '04-beyond-fixed-alpha.ipynb',
    ]);
  });

  it('all run again on the project kernel with no error and no aborted cell', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(committed.map((path) => [basename(path)] as const))(
    '%s runs on Deno’s kernel too, unchanged, printing the same lines and figures but for the differences listed with their reasons',
    (name) => {
      expect(run.stdout).toMatch(new RegExp(`${name}: ran on tslab in .*\n.*${name}: ran on deno in .*\n.*${name}: ran and agreed`));
      const listed = JSON.parse(readFileSync(join(root, 'notebooks/kernel-differences.json'), 'utf8')) as { notebook: string; reason: string }[];
      for (const entry of listed.filter((each) => each.notebook === name)) expect(entry.reason.length).toBeGreaterThan(40);
    },
  );

  it.each(committed.map((path, index) => [basename(path), path, index] as const))(
    '%s is committed with the outputs a fresh run gives, and stays under 1 MB, each figure with its static picture under 60 KB',
    (_name, path, index) => {
      const text = readFileSync(path, 'utf8');
      expect(text.length).toBeLessThan(1_000_000);
      const outputs = cellOutputs(path);
      const pictures = outputs.flat().flatMap((output) => (output.data?.['image/png'] ? [String(output.data['image/png'])] : []));
      expect(pictures.length).toBe(figures(outputs).length);
      for (const picture of pictures) expect(picture.length).toBeLessThanOrEqual(60_000);
      expect(outputs.flat().length, 'committed with its outputs: run npm run notebooks').toBeGreaterThan(0);
      expect(cellOutputs(fresh[index]!)).toEqual(outputs);
    },
  );

  it.each(committed.map((path) => [basename(path), path] as const))('%s has a title and a description for the site', (_name, path) => {
    const { metadata } = JSON.parse(readFileSync(path, 'utf8')) as { metadata: { title?: string; description?: string } };
    expect(metadata.title?.length).toBeGreaterThan(10);
    expect(metadata.description?.length).toBeGreaterThan(40);
  });

  describe('key outputs', () => {
    const outputsOf = (name: string) => cellOutputs(fresh[committed.findIndex((path) => basename(path) === name)]!);

    it('01 prints the spec usage example verbatim and shows the spec figure', () => {
      const outputs = outputsOf('01-leaky-relu.ipynb');
      const text = printed(outputs);
      expect(text).toContain('Input: [-2 -1  0  1  2]\nOutput: [-0.02 -0.01  0.    1.    2.  ]\n');
      expect(text).toContain('forward agrees:    true\nderivative agrees: true\n');
      const [figure] = figures(outputs);
      expect(figure!.layout.title.text).toBe('Leaky ReLU Activation Function and Its Derivative');
      expect(figure!.data.map((trace) => trace.name)).toEqual(['Leaky ReLU Function', 'Leaky ReLU Derivative']);
    });

    it('02 measures more dead units under ReLU than under Leaky ReLU', () => {
      const text = printed(outputsOf('02-dying-relu.ipynb'));
      const average = /Over (\d+) seeds: ReLU ends with ([\d.]+) dead units on average, Leaky ReLU with ([\d.]+)\./.exec(text);
      expect(average, text).not.toBeNull();
      const [, , relu, leaky] = average!.map(Number);
      expect(relu!).toBeGreaterThan(leaky! + 5);
      const seeds = /ReLU ends with more dead units than Leaky ReLU on (\d+) of (\d+) seeds\./.exec(text)!;
      expect(seeds[1]).toBe(seeds[2]);
      expect(figures(outputsOf('02-dying-relu.ipynb')).length).toBe(2);
    });

    it('03 finds the analytic and empirical means agreeing to 3 decimals for every alpha', () => {
      const text = printed(outputsOf('03-properties.ipynb'));
      const rows = [...text.matchAll(/^\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(-?[\d.]+e[-+]\d+)$/gm)];
      expect(rows.map((row) => Number(row[1]))).toEqual([0, 0.01, 0.1, 0.3, 0.5, 1]);
      for (const [, alpha, analytic, empirical] of rows) {
        expect(Number(analytic)).toBeCloseTo((1 - Number(alpha)) / Math.sqrt(2 * Math.PI), 4);
        expect(Math.abs(Number(empirical) - Number(analytic)), `alpha ${alpha}`).toBeLessThan(5e-4);
      }
      expect(text).toContain('Within 5e-4, so agreeing to 3 decimals, for every alpha: true.');
    });

    it('04 shows PReLU learning its slopes, PyTorch and tfjs-cpu differing in the last bit, and TensorFlow flushing a subnormal', () => {
      const outputs = outputsOf('04-beyond-fixed-alpha.ipynb');
      const text = printed(outputs);
      expect(text).toContain('pytorch    -0.2200000137090683  (0xbe6147af)');
      expect(text).toContain('tfjs-cpu   -0.2199999988079071  (0xbe6147ae)');
      expect(text).toMatch(/^tensorflow  0\.2 .* flush\s*$/m);
      expect(text).toContain('spec       forward 0x000116c2 0x800037c0  derivative 1 0.20000000298023224');
      expect(text).toContain('tensorflow forward 0x00000000 0x80000000  derivative 0.20000000298023224 0.20000000298023224');
      expect(text).toMatch(/dead units 0 of 32/);
      const [slopes] = figures(outputs);
      expect(slopes!.data).toHaveLength(32);
    });
  });
}, [builtPackage]);
