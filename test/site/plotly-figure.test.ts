import { describe, expect, it } from 'vitest';
import { plotlyFigure } from '../../scripts/site/plotly-figure.mjs';

const figure = (value: unknown) => () => plotlyFigure(value, 'notebooks/x.ipynb', '/cells/0/outputs/0/data/application~1vnd.plotly.v1+json');

describe('plotlyFigure(value, path, pointer)', () => {
  it('keeps data, layout and frames, with an empty layout when there is none', () => {
    expect(figure({ data: [{ type: 'scatter', x: [1] }], frames: [{ name: 'a' }], config: { x: 1 } })()).toEqual({
      figure: { data: [{ type: 'scatter', x: [1] }], layout: {}, frames: [{ name: 'a' }] },
      blocked: [],
    });
  });

  it.each([
    [null, '', 'expected a Plotly figure, an object with a data array, got null'],
    [{ data: {}, layout: {} }, '/data', 'expected an array of traces, got an object'],
    [{ data: [null] }, '/data/0', 'expected a trace object, got null'],
    [{ data: [{ type: 3 }] }, '/data/0/type', 'expected a trace type name, got number 3'],
    [{ data: [], layout: null }, '/layout', 'expected a layout object, got null'],
    [{ data: [], frames: [1] }, '/frames', 'expected an array of frame objects, got an array'],
  ])('fails on %j, naming the notebook, the pointer and what it expected', (value, pointer, expected) => {
    expect(figure(value)).toThrow(`notebooks/x.ipynb: at /cells/0/outputs/0/data/application~1vnd.plotly.v1+json${pointer}: ${expected}`);
  });

  it('fails on a trace whose maps plotly.js would fetch from a remote host', () => {
    expect(figure({ data: [{ type: 'scattergeo' }] })).toThrow('/data/0/type: expected a trace that draws offline: plotly.js loads the maps of a scattergeo trace from a remote host');
  });

  it('removes every image source that is not a data: URL, and returns its URL', () => {
    const { figure: drawn, blocked } = figure({
      data: [{ type: 'image', source: 'https://evil.example/trace.png' }],
      layout: { images: [{ source: 'https://evil.example/a.png', x: 0 }, { source: 'data:image/png;base64,AA' }], template: { layout: { images: [{ source: '//evil.example/t.png' }] } } },
    })();
    expect(blocked).toEqual(['https://evil.example/trace.png', 'https://evil.example/a.png', '//evil.example/t.png']);
    expect(drawn).toEqual({ data: [{ type: 'image' }], layout: { images: [{ x: 0 }, { source: 'data:image/png;base64,AA' }], template: { layout: { images: [{}] } } } });
  });
});
