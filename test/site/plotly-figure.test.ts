import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plotlyFigure, styledText } from '../../website/build/plotly-figure.mjs';
import { root } from '../support/snippets.js';

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

  it.each(['scattermapbox', 'pointcloud', 'no-such-type'])('fails on a trace of type %s, which is not one of the trace types that draw offline', (type) => {
    expect(figure({ data: [{ type }] })).toThrow(/\/data\/0\/type: expected (a trace that draws offline|one of plotly\.js's trace types that draw offline)/);
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

  it("keeps every figure of the project's notebooks as it is", () => {
    const figures = readdirSync(join(root, 'notebooks'))
      .filter((name) => name.endsWith('.ipynb'))
      .flatMap((name) => (JSON.parse(readFileSync(join(root, 'notebooks', name), 'utf8')) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] }).cells)
      .flatMap((cell) => cell.outputs ?? [])
      .map((output) => output.data?.['application/vnd.plotly.v1+json'])
      .filter((value) => value !== undefined);
    expect(figures.length).toBeGreaterThan(5);
    for (const value of figures) expect(figure(value)()).toEqual({ figure: value, blocked: [] });
  });

  it('leaves out the attributes of no allowed trace or layout, the maps and the *src references, and no key reaches a prototype', () => {
    const { figure: drawn } = figure(JSON.parse('{"data": [{"type": "scatter", "x": [1], "xsrc": "grid:1", "geojson": "https://evil.example/g.json", "marker": {"colorsrc": "grid:2", "color": "red"}, "__proto__": {"polluted": 1}}], "layout": {"geo": {"scope": "world"}, "map": {"style": "https://evil.example/style.json"}, "mapbox": {"accesstoken": "x"}, "computed": {}, "xaxis2": {"title": {"text": "x2"}}, "polar3": {}, "xaxisfoo": {}, "unknown": 1}}'))() as { figure: { data: object[]; layout: object } };
    expect(drawn).toEqual({ data: [{ type: 'scatter', x: [1], marker: { color: 'red' } }], layout: { xaxis2: { title: { text: 'x2' } }, polar3: {} } });
    expect(Object.getPrototypeOf(drawn.data[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('makes the styled text of titles, annotations, names, data and templates safe: no style, no link, no tag but bare ones', () => {
    const style = 'cursor:url(https://evil.example/c.cur),auto;background-image:url(https://evil.example/b.png);-webkit-mask-image:url(https://evil.example/m.png)';
    const { figure: drawn } = figure({
      data: [{ type: 'bar', name: `<span style="${style}">n</span>`, x: ['<SPAN\nSTYLE="background:url(//evil.example/x)">a</SPAN>'], hovertemplate: '%{x}<%{text}<extra></extra>', text: ['span style="background:url(//evil.example/t)">'] }],
      layout: {
        title: { text: `<b style="${style}">T</b>` },
        annotations: [{ text: `<a href="https://evil.example/" target="_blank" popup="width=1">link</a><i style='color:url(//evil.example/i)'>i</i>`, x: 0, y: 0 }],
        template: { layout: { title: { text: `<span style="${style}">t</span>` } } },
      },
    })();
    expect(drawn).toEqual({
      data: [{ type: 'bar', name: '<span>n</span>', x: ['<span>a</span>'], hovertemplate: '%{x}&lt;%{text}<extra></extra>', text: ['span style="background:url(//evil.example/t)"&gt;'] }],
      layout: { title: { text: '<b>T</b>' }, annotations: [{ text: '<a>link</a><i>i</i>', x: 0, y: 0 }], template: { layout: { title: { text: '<span>t</span>' } } } },
    });
  });

  it('checks what a button or a slider sets, as the figure: no remote image, no map trace, no map, no template', () => {
    const { figure: drawn, blocked } = figure({
      data: [{ type: 'scatter' }],
      layout: {
        updatemenus: [
          {
            type: 'buttons',
            buttons: [
              { method: 'relayout', label: 'image', args: [{ 'images[0].source': 'https://evil.example/relayout.png', 'images.1.source': '//evil.example/dot.png', 'images[2]': { source: 'https://evil.example/nested.png', x: 1 }, 'xaxis.range[0]': 2, 'geo.scope': 'europe', 'map.style': 'https://evil.example/s.json', template: {} }] },
              { method: 'restyle', label: 'geo', args: [{ type: 'scattergeo', 'marker.color': 'red', lat: [1] }, [0]], args2: [{ type: ['scatter', 'scattermap'] }] },
              { method: 'update', label: 'both', args: [{ type: 'bar', xsrc: 'grid:1' }, { 'title.text': '<span style="background:url(//evil.example/u)">u</span>', 'updatemenus[0].buttons[0].args[0]': {} }, [0]] },
              { method: 'animate', label: 'frames', args: [[{ data: [{ type: 'scattergeo' }], layout: { images: [{ source: 'https://evil.example/animate.png' }] } }, 'named'], { frame: { duration: 10 } }] },
              { method: 'eval', label: 'unknown method', args: ['alert(1)'] },
            ],
          },
        ],
        sliders: [{ steps: [{ method: 'relayout', label: 's', args: [{ 'images[0].source': 'https://evil.example/slider.png', 'images[0].x': 0.5 }] }, { method: 'skip', args: ['x'] }] }],
      },
      frames: [{ name: 'f', data: [{ type: 'choropleth', z: [1] }], layout: { geo: {}, images: [{ source: 'https://evil.example/frame.png' }], template: { data: { scattergeo: [{}], bar: [{ marker: { color: 'red' } }] }, layout: { template: {} } } }, extra: 1 }],
    })();
    expect(drawn).toEqual({
      data: [{ type: 'scatter' }],
      layout: {
        updatemenus: [
          {
            type: 'buttons',
            buttons: [
              { method: 'relayout', label: 'image', args: [{ 'images[2]': { x: 1 }, 'xaxis.range[0]': 2 }] },
              { method: 'restyle', label: 'geo', args: [{ 'marker.color': 'red' }, [0]], args2: [{}, undefined] },
              { method: 'update', label: 'both', args: [{ type: 'bar' }, { 'title.text': '<span>u</span>' }, [0]] },
              { method: 'animate', label: 'frames', args: [[{ data: [{}], layout: { images: [{}] } }, 'named'], { frame: { duration: 10 } }] },
            ],
          },
        ],
        sliders: [{ steps: [{ method: 'relayout', label: 's', args: [{ 'images[0].x': 0.5 }] }, { method: 'skip', args: [] }] }],
      },
      frames: [{ name: 'f', data: [{ z: [1] }], layout: { images: [{}], template: { data: { bar: [{ marker: { color: 'red' } }] }, layout: {} } } }],
    });
    expect(blocked).toEqual(['https://evil.example/relayout.png', '//evil.example/dot.png', 'https://evil.example/nested.png', 'https://evil.example/animate.png', 'https://evil.example/slider.png', 'https://evil.example/frame.png']);
  });
});

describe('styledText(text)', () => {
  it.each([
    ['plain text', 'plain text'],
    ['x < 3 and y > 2', 'x &lt; 3 and y &gt; 2'],
    ['<b>bold</b><br><sup>2</sup>', '<b>bold</b><br><sup>2</sup>'],
    ['<br />', '<br>'],
    ['<span style="background:url(https://evil.example/)">s</span>', '<span>s</span>'],
    ["<span\r\nstyle='background:url(https://evil.example/)'>s</span>", '<span>s</span>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<span\tstyle="x">', '&lt;span\tstyle="x"&gt;'],
    ['<<b>>', '&lt;<b>&gt;'],
  ])('%j reads as %j', (text, safe) => {
    expect(styledText(text)).toBe(safe);
  });
});
