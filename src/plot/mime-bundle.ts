import { ownOptions } from '../base/options.js';
import { describeValue } from '../base/describe-value.js';
import { checkFigure, type Figure } from './figure.js';
import { DEFAULT_PICTURE_SIZE } from './static-picture.js';

/** Where the HTML output loads plotly.js from: see {@link MimeBundleOptions.plotlyUrl}. */
export const DEFAULT_PLOTLY_URL = 'files/node_modules/plotly.js-dist-min/plotly.min.js';

/** The options of {@link mimeBundle} and `show`. */
export interface MimeBundleOptions {
  /**
   * Where the live chart loads plotly.js from, once per page. A relative URL
   * is resolved against the Jupyter server's base URL. The default,
   * `files/node_modules/plotly.js-dist-min/plotly.min.js`, is the package
   * installed next to the notebooks, served by Jupyter's `/files/` route: it
   * works offline when Jupyter is started at the project's root. A CDN URL
   * (`https://cdn.plot.ly/plotly-3.0.1.min.js`) works from anywhere with
   * internet access; nothing loads from a CDN unless it is passed here.
   */
  plotlyUrl?: string;
  /**
   * The figure's static picture, a base64 PNG such as {@link staticPicture}
   * draws. `show` draws it when it can; without it, the output shows the
   * figure's summary until the live chart replaces it.
   */
  picture?: string;
}

/**
 * The first `display_data` of a figure: what shows where no script runs.
 * Its `image/png` is the figure's static picture, the one the documentation
 * site shows before plotly.js loads.
 */
export interface PictureBundle {
  /** The figure for Plotly's own renderers: JupyterLab's plotly extension, VS Code, nteract. */
  'application/vnd.plotly.v1+json': Figure;
  /** The static picture, base64 PNG, `layout.width` × `layout.height` pixels, at most 900 wide (when one was drawn). */
  'image/png'?: string;
  /** A one-line summary, for consoles and logs. */
  'text/plain': string;
}

/** The second `display_data` of a figure: the live chart, where scripts run. */
export interface LiveBundle {
  /**
   * A `<div>` and a `<script>` that draws the chart with plotly.js into the
   * output's width, and hides the static picture just above it. Where scripts
   * do not run (an untrusted notebook), the div shows a note saying how to
   * get the live chart.
   */
  'text/html': string;
}

/** The two `display_data` bundles `show` sends for a figure, in order. */
export interface MimeBundle {
  readonly picture: PictureBundle;
  readonly live: LiveBundle;
}

/** Plotly.newPlot's configuration, in both the notebook output and the standalone page. */
export const PLOTLY_CONFIG = { displaylogo: false, responsive: true } as const;

/**
 * The two `display_data` bundles `show` sends for a figure: first the static
 * picture (with the figure as Plotly JSON and a summary), then the live chart
 * as HTML, which loads plotly.js once per page without inlining it.
 *
 * Two outputs, because each front end picks one MIME type per output: an
 * untrusted notebook would show sanitized (script-less, empty) HTML rather
 * than an image of the same output, so the picture is an output of its own,
 * and the live chart hides it once drawn.
 *
 * The HTML is deterministic (its element key is a hash of the figure), so
 * re-running a notebook rewrites the same output. Its script loads plotly.js
 * with the page's require.js (Notebook 6) hidden until the load ends, draws
 * after the asynchronous load, and follows the output's width at the
 * figure's shape. When plotly.js cannot load, it says so in the output and
 * keeps the picture.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @param options - `plotlyUrl`: where the HTML loads plotly.js from; `picture`: the static picture.
 * @returns The two bundles, `picture` then `live`, each keyed by MIME type.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`, `options` is not an object, an option is unknown, or `plotlyUrl` or `picture` is not a string.
 *
 * @example
 * ```ts
 * import { leakyReluFigure, mimeBundle } from 'leaky-relu/plot';
 *
 * const { picture, live } = mimeBundle(leakyReluFigure());
 * Object.keys(picture) //=> [ 'application/vnd.plotly.v1+json', 'text/plain' ]
 * picture['text/plain'] //=> 'Plotly figure "Leaky ReLU Activation Function and Its Derivative": Leaky ReLU Function, Leaky ReLU Derivative'
 * live['text/html'].includes('files/node_modules/plotly.js-dist-min/plotly.min.js') //=> true
 * Object.keys(mimeBundle(leakyReluFigure(), { picture: 'iVBORw0KGgo=' }).picture) //=> [ 'application/vnd.plotly.v1+json', 'image/png', 'text/plain' ]
 * ```
 */
export function mimeBundle(figure: Figure, options: MimeBundleOptions = {}): MimeBundle {
  checkFigure(figure);
  const own = ownOptions(options, ['plotlyUrl', 'picture']);
  const plotlyUrl = checkPlotlyUrl(own);
  const picture = own.picture;
  if (picture !== undefined && (typeof picture !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(picture))) {
    throw new TypeError(`options.picture must be a base64 PNG string, got ${describeValue(picture)}`);
  }
  const { data, layout } = figure;
  // Plotly's renderers draw at layout.width when it is set, wider than JupyterLab's output area for the spec's 1000 pixels.
  const { width: _fixedWidth, ...fitting } = layout;
  return {
    picture: {
      'application/vnd.plotly.v1+json': { data, layout: fitting },
      ...(picture === undefined ? {} : { 'image/png': picture }),
      'text/plain': summary(figure),
    },
    live: { 'text/html': htmlOutput(figure, plotlyUrl, picture !== undefined) },
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

/** Text for an HTML element's content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlOutput(figure: Figure, plotlyUrl: string, hasPicture: boolean): string {
  const width = figure.layout.width ?? DEFAULT_PICTURE_SIZE.width;
  const height = figure.layout.height ?? DEFAULT_PICTURE_SIZE.height;
  const { width: _width, height: _height, ...layout } = figure.layout;
  const json = scriptJson({ data: figure.data, layout: { ...layout, autosize: true }, config: PLOTLY_CONFIG });
  const key = hash(json);
  const text = summary(figure);
  const note = hasPicture
    ? `Above: a static picture of this figure. Run the cell, or trust the notebook, to draw the live chart here.`
    : `${text}. Run the cell, or trust the notebook, to draw the chart here.`;
  // The script runs in the browser, in ES5 for Notebook 6's oldest supported
  // browsers. Each output claims the first unclaimed element with its key, so
  // two outputs of the same figure on one page each draw into their own.
  return `<div class="leaky-relu-plot" data-leaky-relu-plot="${key}" style="width:100%;max-width:${width}px"><p class="leaky-relu-plot-note">${escapeHtml(note)}</p></div>
<script type="text/javascript">
(function () {
  var figure = ${json};
  var summary = ${scriptJson(text)};
  var selector = 'div[data-leaky-relu-plot="${key}"]:not([data-claimed])';
  var target = claim();
  function claim() {
    var element = document.querySelector(selector);
    if (element) element.setAttribute('data-claimed', '');
    return element;
  }
  // The picture is the output just before this one, in JupyterLab and
  // Notebook 7 (.jp-OutputArea-child) and in Notebook 6 (.output_area).
  function picture() {
    var area = target.closest && target.closest('.jp-OutputArea-child, .output_area');
    var previous = area && area.previousElementSibling;
    if (!previous) return null;
    var isPicture = previous.querySelector('img, .jp-RenderedPlotly') || previous.textContent.trim() === summary;
    return isPicture ? previous : null;
  }
  function draw(failure) {
    // JupyterLab may run the script before the output is attached.
    target = target || claim();
    if (!target) return void setTimeout(draw, 50, failure);
    var note = target.querySelector('.leaky-relu-plot-note');
    if (failure) {
      note.textContent = failure;
      note.style.color = '#b00020';
      return;
    }
    target.removeChild(note);
    target.style.aspectRatio = '${width} / ${height}';
    var above = picture();
    if (above) above.style.display = 'none';
    window.Plotly.newPlot(target, figure.data, figure.layout, figure.config);
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
      var failure = window.Plotly ? '' : 'The live chart could not load plotly.js from ' + url +
        ': start Jupyter at the folder whose node_modules holds plotly.js-dist-min (npm run lab does), ' +
        'or pass show(figure, { plotlyUrl }).';
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
