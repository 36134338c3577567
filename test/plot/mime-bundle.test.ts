import { describe, expect, it } from 'vitest';
import { leakyReluFigure, mimeBundle, type Figure } from 'leaky-relu/plot';

describe('mimeBundle(figure)', () => {
  const figure = leakyReluFigure();
  const bundle = mimeBundle(figure);

  it('has the plotly mimetype, the HTML fallback and a text summary, in that order', () => {
    expect(Object.keys(bundle)).toEqual(['application/vnd.plotly.v1+json', 'text/html', 'text/plain']);
  });

  it('carries the figure as { data, layout } for Plotly renderers', () => {
    expect(bundle['application/vnd.plotly.v1+json']).toEqual({ data: figure.data, layout: figure.layout });
  });

  it('sums the figure up on one line', () => {
    expect(bundle['text/plain']).toBe(
      'Plotly figure "Leaky ReLU Activation Function and Its Derivative": Leaky ReLU Function, Leaky ReLU Derivative',
    );
    expect(mimeBundle({ data: [], layout: {} })['text/plain']).toBe('Plotly figure "untitled": no traces');
  });

  it('loads plotly.js from the Jupyter server’s files route, relative to the page’s base URL, never from a CDN', () => {
    const html = bundle['text/html'];
    expect(html).toContain('var url = "files/node_modules/plotly.js-dist-min/plotly.min.js";');
    expect(html).toContain("document.body.getAttribute('data-base-url')");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html.length).toBeLessThan(20_000);
  });

  it('hides require.js’s define while plotly.js loads, and restores it', () => {
    const html = bundle['text/html'];
    expect(html).toContain('window.define = undefined;');
    expect(html).toContain('window.define = define;');
    expect(html.indexOf('window.define = undefined;')).toBeLessThan(html.indexOf('document.head.appendChild(script)'));
  });

  it('draws only after the asynchronous load, with one loader per page', () => {
    const html = bundle['text/html'];
    expect(html).toContain('if (window.Plotly) return draw();');
    expect(html).toContain('var loader = window.leakyReluPlotlyLoader;');
    expect(html).toContain('script.onload = script.onerror = function () {');
  });

  it('takes plotlyUrl, used as is when absolute', () => {
    const html = mimeBundle(figure, { plotlyUrl: 'https://cdn.plot.ly/plotly-3.0.1.min.js' })['text/html'];
    expect(html).toContain('var url = "https://cdn.plot.ly/plotly-3.0.1.min.js";');
  });

  it('is deterministic: the same figure gives the same HTML, another figure another key', () => {
    const key = (html: string): string => /data-leaky-relu-plot="([0-9a-f]{8})"/.exec(html)![1]!;
    expect(mimeBundle(leakyReluFigure())['text/html']).toBe(bundle['text/html']);
    expect(key(mimeBundle(leakyReluFigure({ alpha: 0.2 }))['text/html'])).not.toBe(key(bundle['text/html']));
  });

  it('escapes the figure so that no text in it can close the script element', () => {
    const hostile: Figure = { data: [{ type: 'scatter', mode: 'lines', name: '</script><b>x', x: [], y: [] }], layout: {} };
    const html = mimeBundle(hostile)['text/html'];
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script>\\u003cb>x');
  });

  it('throws a TypeError for something that is not a figure, or a bad plotlyUrl', () => {
    expect(() => mimeBundle([] as never)).toThrow(
      new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got Array(0)'),
    );
    expect(() => mimeBundle({ data: [] } as never)).toThrow(new TypeError('figure.layout must be an object, got undefined'));
    expect(() => mimeBundle(figure, { plotlyUrl: '' })).toThrow(
      new TypeError('options.plotlyUrl must be a non-empty string, got "" (string)'),
    );
  });
});
