import { Console } from 'node:console';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activationComparisonFigure, alphaComparisonFigure, leakyReluFigure, mimeBundle, show, staticPicture } from 'leaky-relu/plot';

type Writer = (content: unknown, update: boolean) => void;

/** What tslab 1.0.22 leaves on globalThis in a kernel: the cell's require, whose cache holds the kernel's modules. */
function fakeKernel(modules: Record<string, { exports: { lastWriteDisplayData?: Writer | null } }>): void {
  (globalThis as { __tslab__?: unknown }).__tslab__ = { exports: {}, require: { cache: modules } };
}

type Broadcast = (type: string, content: unknown) => void;

/** What Deno's kernel (`deno jupyter`) puts on Deno.jupyter; outside it, Deno's getter throws. */
function fakeDeno(jupyter: () => { broadcast: Broadcast }): void {
  (globalThis as { Deno?: unknown }).Deno = {
    get jupyter() {
      return jupyter();
    },
  };
}

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

afterEach(() => {
  delete (globalThis as { __tslab__?: unknown }).__tslab__;
  delete (globalThis as { Deno?: unknown }).Deno;
});

describe('show(figure, options)', () => {
  it('sends the two display_data of mimeBundle(figure), picture then live chart, through the running kernel’s writer', () => {
    const write = vi.fn<Writer>();
    fakeKernel({ '/project/node_modules/tslab/dist/jupyter.js': { exports: { lastWriteDisplayData: write } } });
    const figure = leakyReluFigure();
    show(figure, { plotlyUrl: '/static/plotly.min.js', picture: false });
    const { picture, live } = mimeBundle(figure, { plotlyUrl: '/static/plotly.min.js' });
    expect(write.mock.calls).toEqual([
      [{ data: picture, metadata: {}, transient: {} }, false],
      [{ data: live, metadata: {}, transient: {} }, false],
    ]);
  });

  it('draws the static picture into the first output by default', () => {
    const write = vi.fn<Writer>();
    fakeKernel({ '/project/node_modules/tslab/dist/jupyter.js': { exports: { lastWriteDisplayData: write } } });
    const figure = leakyReluFigure({ points: 3 });
    show(figure);
    const png = staticPicture(figure);
    expect(write.mock.calls.map(([content]) => content)).toEqual([
      { data: mimeBundle(figure, { picture: png }).picture, metadata: {}, transient: {} },
      { data: mimeBundle(figure, { picture: png }).live, metadata: {}, transient: {} },
    ]);
  }, 300_000);

  it('looks the writer up at every call, since tslab replaces it for each cell', () => {
    const first = vi.fn<Writer>();
    const second = vi.fn<Writer>();
    const kernel = { exports: { lastWriteDisplayData: first } };
    fakeKernel({ 'C:\\project\\node_modules\\tslab\\dist\\jupyter.js': kernel });
    show(leakyReluFigure(), { picture: false });
    kernel.exports.lastWriteDisplayData = second;
    show(leakyReluFigure(), { picture: false });
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([2, 2]);
  });

  it('ignores modules that are not tslab’s kernel, and a kernel with no cell running', () => {
    const impostor = vi.fn<Writer>();
    fakeKernel({
      '/project/node_modules/other/dist/jupyter.js': { exports: { lastWriteDisplayData: impostor } },
      '/project/node_modules/tslab/dist/jupyter.js': { exports: { lastWriteDisplayData: null } },
    });
    expect(() => show(leakyReluFigure())).toThrow(/none is running here/);
    expect(impostor).not.toHaveBeenCalled();
  });

  it('outside a kernel, throws an Error that says to use toHtml', () => {
    expect(() => show(leakyReluFigure())).toThrow(
      new Error(
        "show() displays a figure in a Jupyter notebook running Deno's kernel or tslab, and none is running here. " +
          'Outside a notebook, write a page with toHtml(figure) and open it in a browser.',
      ),
    );
  });

  it('in Deno’s kernel, sends the same two display_data through Deno.jupyter.broadcast, in order', () => {
    const broadcast = vi.fn<Broadcast>();
    fakeDeno(() => ({ broadcast }));
    const figure = leakyReluFigure();
    show(figure, { picture: false });
    const { picture, live } = mimeBundle(figure);
    expect(broadcast.mock.calls).toEqual([
      ['display_data', { data: picture, metadata: {}, transient: {} }],
      ['display_data', { data: live, metadata: {}, transient: {} }],
    ]);
  });

  it('outside Deno’s kernel, where Deno.jupyter throws, explains as outside any kernel', () => {
    fakeDeno(() => {
      throw new Error('Deno.jupyter is only available in `deno jupyter` subcommand');
    });
    expect(() => show(leakyReluFigure())).toThrow(/none is running here/);
  });

  it('checks the figure and the options before looking for a kernel, naming the value', () => {
    expect(() => show({} as never)).toThrow(new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got an object (Object)'));
    expect(() => show(42 as never)).toThrow(new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got 42'));
    expect(() => show(leakyReluFigure(), { picture: 'yes' as never })).toThrow(
      new TypeError('options.picture must be a boolean, got "yes" (string)'),
    );
    expect(() => show(leakyReluFigure(), null as never)).toThrow(new TypeError('options must be an object, got null'));
  });
});

describe('a figure as a cell’s value in Deno’s kernel ([Symbol.for("Jupyter.display")])', () => {
  it('returns the one bundle of what show() sends in two: Plotly JSON, static picture, summary, live HTML', () => {
    const figure = leakyReluFigure({ points: 3 });
    const bundle = (figure as unknown as Record<symbol, () => object>)[JUPYTER_DISPLAY]!();
    const png = staticPicture(figure);
    const { picture, live } = mimeBundle(figure, { picture: png });
    expect(bundle).toEqual({ ...picture, ...live });
    expect(Object.keys(bundle)).toEqual(['application/vnd.plotly.v1+json', 'image/png', 'text/plain', 'text/html']);
  }, 300_000);

  it('is on every figure the builders return, and invisible to JSON, structuredClone, Object.keys and equality', () => {
    for (const figure of [leakyReluFigure({ points: 2 }), alphaComparisonFigure([0.1], { points: 2 }), activationComparisonFigure({ points: 2 })]) {
      const plain = { data: figure.data, layout: figure.layout };
      expect(typeof (figure as unknown as Record<symbol, unknown>)[JUPYTER_DISPLAY]).toBe('function');
      expect(Object.getOwnPropertyDescriptor(figure, JUPYTER_DISPLAY)!.enumerable).toBe(false);
      expect(Object.keys(figure)).toEqual(['data', 'layout']);
      expect(JSON.stringify(figure)).toBe(JSON.stringify(plain));
      const clone = structuredClone(figure);
      expect(clone).toEqual(plain);
      expect(Object.getOwnPropertySymbols(clone)).toEqual([]);
      expect(figure).toEqual(plain);
    }
  });
});

describe('a figure as a cell’s value (util.inspect, which tslab’s console.log calls)', () => {
  it('outside a kernel, prints as its plain { data, layout }', () => {
    const figure = leakyReluFigure({ points: 2, showDerivative: false });
    expect(inspect(figure, { depth: 4 })).toBe(inspect({ data: figure.data, layout: figure.layout }, { depth: 4 }));
    expect(Object.keys(figure)).toEqual(['data', 'layout']);
    expect(JSON.parse(JSON.stringify(figure))).toEqual({ data: figure.data, layout: figure.layout });
  });

  it('inside a kernel, at the top level, shows itself and prints nothing; nested, it prints as data', () => {
    const write = vi.fn<Writer>();
    fakeKernel({ '/project/node_modules/tslab/dist/jupyter.js': { exports: { lastWriteDisplayData: write } } });
    const figure = alphaComparisonFigure([0.1], { points: 2 });
    const printed: unknown[] = [];
    // tslab's console: the global one, writing to process.stdout (vitest replaces the global console here).
    const kernelConsole = new Console({ stdout: process.stdout, stderr: process.stderr });
    const stdoutWrite = process.stdout.write;
    process.stdout.write = ((chunk: unknown) => printed.push(chunk)) as never;
    try {
      kernelConsole.log(figure);
      kernelConsole.log('after');
    } finally {
      process.stdout.write = stdoutWrite;
    }
    expect(printed).toEqual(['after\n']);
    expect(write).toHaveBeenCalledTimes(2);
    expect(write.mock.calls[0]![0]).toMatchObject({ data: { 'text/plain': 'Plotly figure "Leaky ReLU for Different Values of Alpha": alpha = 0.1' } });
    expect(inspect([figure])).toBe(inspect([{ data: figure.data, layout: figure.layout }]));
    expect(write).toHaveBeenCalledTimes(2);
  }, 300_000);
});
