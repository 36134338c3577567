import { describe, expect, it } from 'vitest';
import { leakyReluFigure, mimeBundle, type Figure } from 'leaky-relu/plot';

describe('mimeBundle(figure)', () => {
  const figure = leakyReluFigure();
  const { picture, live } = mimeBundle(figure);
  const bundle = { ...picture, ...live };

  it('is two outputs: the picture (plotly mimetype, PNG when given, summary), then the live chart’s HTML', () => {
    expect(Object.keys(picture)).toEqual(['application/vnd.plotly.v1+json', 'text/plain']);
    expect(Object.keys(live)).toEqual(['text/html']);
    const withPicture = mimeBundle(figure, { picture: 'iVBORw0KGgo=' });
    expect(Object.keys(withPicture.picture)).toEqual(['application/vnd.plotly.v1+json', 'image/png', 'text/plain']);
    expect(withPicture.picture['image/png']).toBe('iVBORw0KGgo=');
  });

  it('carries the figure as { data, layout } for Plotly renderers, without the fixed width that would overflow JupyterLab', () => {
    const { width, ...layout } = figure.layout;
    expect(width).toBe(1000);
    expect(picture['application/vnd.plotly.v1+json']).toEqual({ data: figure.data, layout });
  });

  it('draws the live chart at the output’s width, in the figure’s 10:6 shape, hiding the picture above it', () => {
    expect(live['text/html']).toMatch(/^<div class="leaky-relu-plot" data-leaky-relu-plot="[0-9a-f]{8}" style="width:100%;max-width:1000px">/);
    expect(live['text/html']).toContain("target.style.aspectRatio = '1000 / 600';");
    expect(live['text/html']).toContain('"autosize":true');
    expect(live['text/html']).not.toContain('"width":1000');
    expect(live['text/html']).toContain("closest('.jp-OutputArea-child, .output_area')");
  });

  it('says, where scripts do not run, how to get the live chart, with the summary when there is no picture', () => {
    expect(live['text/html']).toContain(
      '<p class="leaky-relu-plot-note">Plotly figure &quot;Leaky ReLU Activation Function and Its Derivative&quot;: Leaky ReLU Function, ' +
        'Leaky ReLU Derivative. Run the cell, or trust the notebook, to draw the chart here.</p>',
    );
    expect(mimeBundle(figure, { picture: 'iVBORw0KGgo=' }).live['text/html']).toContain(
      '<p class="leaky-relu-plot-note">Above: a static picture of this figure. Run the cell, or trust the notebook, to draw the live chart here.</p>',
    );
  });

  it('says in the output how to fix a plotly.js that cannot load', () => {
    expect(live['text/html']).toContain(
      "': start Jupyter at the folder whose node_modules holds plotly.js-dist-min (npm run lab does), ' +",
    );
    expect(live['text/html']).toContain('note.textContent = failure;');
  });

  it('sums the figure up on one line', () => {
    expect(bundle['text/plain']).toBe(
      'Plotly figure "Leaky ReLU Activation Function and Its Derivative": Leaky ReLU Function, Leaky ReLU Derivative',
    );
    expect(mimeBundle({ data: [], layout: {} }).picture['text/plain']).toBe('Plotly figure "untitled": no traces');
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
    const html = mimeBundle(figure, { plotlyUrl: 'https://cdn.plot.ly/plotly-3.0.1.min.js' }).live['text/html'];
    expect(html).toContain('var url = "https://cdn.plot.ly/plotly-3.0.1.min.js";');
  });

  it('is deterministic: the same figure gives the same HTML, another figure another key', () => {
    const key = (html: string): string => /data-leaky-relu-plot="([0-9a-f]{8})"/.exec(html)![1]!;
    expect(mimeBundle(leakyReluFigure()).live['text/html']).toBe(bundle['text/html']);
    expect(key(mimeBundle(leakyReluFigure({ alpha: 0.2 })).live['text/html'])).not.toBe(key(bundle['text/html']));
  });

  it('escapes the figure so that no text in it can close the script element', () => {
    const hostile: Figure = {
      data: [{ type: 'scatter', mode: 'lines', name: '</script><b>x', x: [], y: [] }],
      layout: { title: { text: '<img src=x onerror=alert(1)>' } },
    };
    const html = mimeBundle(hostile).live['text/html'];
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script>\\u003cb>x');
    expect(html).toContain('Plotly figure &quot;&lt;img src=x onerror=alert(1)&gt;&quot;: &lt;/script&gt;&lt;b&gt;x.');
    expect(html).not.toContain('<img');
  });

  it('throws a TypeError for something that is not a figure, or a bad plotlyUrl', () => {
    expect(() => mimeBundle([] as never)).toThrow(
      new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got Array(0)'),
    );
    expect(() => mimeBundle({ data: [] } as never)).toThrow(new TypeError('figure.layout must be an object, got undefined'));
    expect(() => mimeBundle(figure, { plotlyUrl: '' })).toThrow(
      new TypeError('options.plotlyUrl must be a non-empty string, got "" (string)'),
    );
    expect(() => mimeBundle({ data: [], layout: { width: '1px"><img src=x onerror=alert(1)>' } } as never)).toThrow(
      new TypeError('figure.layout.width must be a number of pixels, got "1px\\"><img src=x onerror=alert(1)>" (string)'),
    );
    expect(() => mimeBundle({ data: [], layout: { height: "1'; window.__pwned = 1; '" } } as never)).toThrow(TypeError);
    expect(() => mimeBundle(figure, { picture: '<svg>' })).toThrow(
      new TypeError('options.picture must be a base64 PNG string, got "<svg>" (string)'),
    );
  });
});
