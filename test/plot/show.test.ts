import { afterEach, describe, expect, it, vi } from 'vitest';
import { leakyReluFigure, mimeBundle, show } from 'leaky-relu/plot';

type Writer = (content: unknown, update: boolean) => void;

/** What tslab 1.0.22 leaves on globalThis in a kernel: the cell's require, whose cache holds the kernel's modules. */
function fakeKernel(modules: Record<string, { exports: { lastWriteDisplayData?: Writer | null } }>): void {
  (globalThis as { __tslab__?: unknown }).__tslab__ = { exports: {}, require: { cache: modules } };
}

afterEach(() => {
  delete (globalThis as { __tslab__?: unknown }).__tslab__;
});

describe('show(figure, options)', () => {
  it('sends one display_data whose bundle is mimeBundle(figure), through the running kernel’s writer', () => {
    const write = vi.fn<Writer>();
    fakeKernel({ '/project/node_modules/tslab/dist/jupyter.js': { exports: { lastWriteDisplayData: write } } });
    const figure = leakyReluFigure();
    show(figure, { plotlyUrl: '/static/plotly.min.js' });
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith(
      { data: mimeBundle(figure, { plotlyUrl: '/static/plotly.min.js' }), metadata: {}, transient: {} },
      false,
    );
  });

  it('looks the writer up at every call, since tslab replaces it for each cell', () => {
    const first = vi.fn<Writer>();
    const second = vi.fn<Writer>();
    const kernel = { exports: { lastWriteDisplayData: first } };
    fakeKernel({ 'C:\\project\\node_modules\\tslab\\dist\\jupyter.js': kernel });
    show(leakyReluFigure());
    kernel.exports.lastWriteDisplayData = second;
    show(leakyReluFigure());
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
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
        'show() displays a figure in a Jupyter notebook running the tslab kernel, and none is running here. ' +
          'Outside a notebook, write a page with toHtml(figure) and open it in a browser.',
      ),
    );
  });

  it('checks the figure before looking for a kernel', () => {
    expect(() => show({} as never)).toThrow(TypeError);
  });
});
