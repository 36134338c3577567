import { checkOptionKeys } from '../core/options.js';
import { describeValue } from '../core/validate.js';
import { checkFigure, type Figure } from './figure.js';

/** Where the HTML output loads plotly.js from: see {@link MimeBundleOptions.plotlyUrl}. */
export const DEFAULT_PLOTLY_URL = 'files/node_modules/plotly.js-dist-min/plotly.min.js';

/** The options of {@link mimeBundle} and `show`. */
export interface MimeBundleOptions {
  /**
   * Where the `text/html` output loads plotly.js from, once per page. A
   * relative URL is resolved against the Jupyter server's base URL. The
   * default, `files/node_modules/plotly.js-dist-min/plotly.min.js`, is the
   * package installed next to the notebooks, served by Jupyter's `/files/`
   * route: it works offline when Jupyter is started at the project's root. A
   * CDN URL (`https://cdn.plot.ly/plotly-3.0.1.min.js`) works from anywhere
   * with internet access.
   */
  plotlyUrl?: string;
}

/** The MIME bundle of one Jupyter `display_data`. */
export interface MimeBundle {
  /** The figure for Plotly's own renderers: JupyterLab's plotly extension, VS Code, nteract. */
  'application/vnd.plotly.v1+json': Figure;
  /** A `<div>` and a `<script>` that draws it with plotly.js, for front ends without a Plotly renderer. */
  'text/html': string;
  /** A one-line summary, for consoles and logs. */
  'text/plain': string;
}

/** Plotly.newPlot's configuration, in both the notebook output and the standalone page. */
export const PLOTLY_CONFIG = { displaylogo: false, responsive: true } as const;

/**
 * The MIME bundle `show` sends: the figure as Plotly JSON, an HTML fallback
 * that loads plotly.js once per page without inlining it, and a text summary.
 *
 * The HTML is deterministic (its element key is a hash of the figure), so
 * re-running a notebook rewrites the same output. Its script loads plotly.js
 * with the page's require.js (Notebook 6) hidden until the load ends, and
 * draws after the asynchronous load.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @param options - `plotlyUrl`: where the HTML loads plotly.js from.
 * @returns The bundle, keyed by MIME type.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`, `options` is not an object, an option is unknown, or `plotlyUrl` is not a string.
 *
 * @example
 * ```ts
 * import { leakyReluFigure, mimeBundle } from 'leaky-relu/plot';
 *
 * const bundle = mimeBundle(leakyReluFigure());
 * Object.keys(bundle) //=> [ 'application/vnd.plotly.v1+json', 'text/html', 'text/plain' ]
 * bundle['text/plain'] //=> 'Plotly figure "Leaky ReLU Activation Function and Its Derivative": Leaky ReLU Function, Leaky ReLU Derivative'
 * bundle['text/html'].includes('files/node_modules/plotly.js-dist-min/plotly.min.js') //=> true
 * ```
 */
export function mimeBundle(figure: Figure, options: MimeBundleOptions = {}): MimeBundle {
  checkFigure(figure);
  checkOptionKeys(options, ['plotlyUrl']);
  const plotlyUrl = checkPlotlyUrl(options);
  const { data, layout } = figure;
  return {
    'application/vnd.plotly.v1+json': { data, layout },
    'text/html': htmlOutput(figure, plotlyUrl),
    'text/plain': summary(figure),
  };
}

/** The `plotlyUrl` option, checked. */
export function checkPlotlyUrl(options: MimeBundleOptions | undefined, fallback = DEFAULT_PLOTLY_URL): string {
  // Only a missing option takes the fallback: null is a wrong value, not an absent one.
  const url = options?.plotlyUrl === undefined ? fallback : options.plotlyUrl;
  if (typeof url !== 'string' || url === '') {
    throw new TypeError(`options.plotlyUrl must be a non-empty string, got ${describeValue(url)}`);
  }
  return url;
}

/**
 * JSON that can sit inside a `<script>` element: `<` is escaped so that the
 * data can never close the element, and so are the two line separators that
 * old JavaScript engines reject in string literals.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function summary({ data, layout }: Figure): string {
  const title = layout.title?.text ?? 'untitled';
  const names = data.map((trace, index) => trace.name ?? `trace ${index}`);
  return `Plotly figure ${JSON.stringify(title)}: ${names.length === 0 ? 'no traces' : names.join(', ')}`;
}

/** FNV-1a, 32 bits: a short, stable key for the figure's element. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, '0');
}

function htmlOutput(figure: Figure, plotlyUrl: string): string {
  const json = scriptJson({ data: figure.data, layout: figure.layout, config: PLOTLY_CONFIG });
  const key = hash(json);
  // The script runs in the browser, in ES5 for Notebook 6's oldest supported
  // browsers. Each output claims the first unclaimed element with its key, so
  // two outputs of the same figure on one page each draw into their own.
  return `<div class="leaky-relu-plot" data-leaky-relu-plot="${key}"></div>
<script type="text/javascript">
(function () {
  var figure = ${json};
  var selector = 'div[data-leaky-relu-plot="${key}"]:not([data-claimed])';
  var target = claim();
  function claim() {
    var element = document.querySelector(selector);
    if (element) element.setAttribute('data-claimed', '');
    return element;
  }
  function draw(failure) {
    // JupyterLab may run the script before the output is attached.
    target = target || claim();
    if (!target) return void setTimeout(draw, 50, failure);
    if (failure) target.textContent = failure;
    else window.Plotly.newPlot(target, figure.data, figure.layout, figure.config);
  }
  if (window.Plotly) return draw();
  var loader = window.leakyReluPlotlyLoader;
  if (!loader) {
    var config = document.getElementById('jupyter-config-data');
    var base = document.body.getAttribute('data-base-url') || (config && JSON.parse(config.textContent).baseUrl) || '/';
    var url = ${scriptJson(plotlyUrl)};
    if (!/^([a-z][a-z0-9+.-]*:|\\/)/i.test(url)) url = base.replace(/\\/?$/, '/') + url;
    var script = document.createElement('script');
    // Notebook 6 pages run require.js: with define() visible, plotly.js would
    // register as an AMD module instead of setting window.Plotly.
    var define = window.define;
    window.define = undefined;
    loader = window.leakyReluPlotlyLoader = { waiting: [] };
    script.onload = script.onerror = function () {
      window.define = define;
      var failure = window.Plotly ? '' : 'plotly.js could not be loaded from ' + url +
        ': start Jupyter in the folder whose node_modules holds plotly.js-dist-min, or pass show(figure, { plotlyUrl }).';
      var waiting = loader.waiting;
      window.leakyReluPlotlyLoader = failure ? undefined : loader;
      loader.waiting = undefined;
      for (var index = 0; index < waiting.length; index++) waiting[index](failure);
    };
    script.src = url;
    document.head.appendChild(script);
  }
  if (loader.waiting) loader.waiting.push(draw);
  else draw();
})();
</script>`;
}
