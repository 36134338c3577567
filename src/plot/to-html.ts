import { ownOptions } from '../base/options.js';
import { describeValue } from '../base/describe-value.js';
import { checkFigure, type Figure } from './figure.js';
import { PLOTLY_CONFIG, checkPlotlyUrl, escapeHtml, scriptJson } from './mime-bundle.js';

/** The options of {@link toHtml}. */
export interface ToHtmlOptions {
  /**
   * Load plotly.js from this URL instead of inlining it: a path next to the
   * page, or a CDN (`https://cdn.plot.ly/plotly-3.0.1.min.js`). By default the
   * installed `plotly.js-dist-min` is inlined, so the page works offline.
   */
  plotlyUrl?: string;
  /** The page's `<title>`. Default: the figure's title. */
  title?: string;
}

interface NodeProcess {
  process?: { getBuiltinModule?: (id: string) => unknown };
}

// The build has no Node types (the core must not need them), so the few used here are spelled out.
type NodeModuleApi = { createRequire(from: string): { resolve(id: string): string } };
type NodeFsApi = { readFileSync(path: string, encoding: 'utf8'): string };

let inlinedPlotly: string | undefined;

/**
 * Reads the installed plotly.js bundle, through Node's built-ins looked up at
 * run time, so that importing `leaky-relu/plot` in a browser bundle pulls in
 * no Node module.
 */
function installedPlotly(): string {
  if (inlinedPlotly !== undefined) return inlinedPlotly;
  const getBuiltinModule = (globalThis as NodeProcess).process?.getBuiltinModule;
  if (getBuiltinModule === undefined) {
    throw new Error('toHtml() inlines plotly.js read from node_modules, which needs Node 20.16 or later; elsewhere pass { plotlyUrl }.');
  }
  const { createRequire } = getBuiltinModule('node:module') as NodeModuleApi;
  const { readFileSync } = getBuiltinModule('node:fs') as NodeFsApi;
  let path: string;
  try {
    path = createRequire((import.meta as { url: string }).url).resolve('plotly.js-dist-min');
  } catch {
    throw new Error('toHtml() inlines plotly.js from the plotly.js-dist-min package, which is not installed: run npm install plotly.js-dist-min, or pass { plotlyUrl }.');
  }
  // A literal "</script" in the bundle would end the inline element early.
  inlinedPlotly = readFileSync(path, 'utf8').replace(/<\/script/gi, '<\\/script');
  return inlinedPlotly;
}

/**
 * A standalone HTML page that draws a figure with plotly.js: for scripts,
 * to write a chart to a file and open it in any browser.
 *
 * By default the installed `plotly.js-dist-min` is inlined (about 4.8 MB),
 * so the page needs neither a server nor internet access. With `plotlyUrl`
 * the page references plotly.js there instead and stays a few kilobytes.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @param options - `plotlyUrl` (default: inline the installed plotly.js) and `title` (default: the figure's).
 * @returns The page, as a string starting with `<!DOCTYPE html>`.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`, `options` is not an object, an option is unknown, or an option is not a string.
 * @throws {Error} when plotly.js is to be inlined and `plotly.js-dist-min` is not installed.
 *
 * @example
 * ```ts
 * import { leakyReluFigure, toHtml } from 'leaky-relu/plot';
 *
 * const page = toHtml(leakyReluFigure());
 * page.startsWith('<!DOCTYPE html>') //=> true
 * page.length > 4_000_000 //=> true
 * const light = toHtml(leakyReluFigure(), { plotlyUrl: 'plotly.min.js', title: 'Leaky ReLU' });
 * light.includes('<script src="plotly.min.js"></script>') //=> true
 * light.length < 20_000 //=> true
 * ```
 */
export function toHtml(figure: Figure, options: ToHtmlOptions = {}): string {
  checkFigure(figure);
  const own = ownOptions(options, ['plotlyUrl', 'title']);
  const title = own.title === undefined ? (figure.layout.title?.text ?? 'Plotly figure') : own.title;
  if (typeof title !== 'string') throw new TypeError(`options.title must be a string, got ${describeValue(title)}`);
  const plotly =
    own.plotlyUrl === undefined
      ? `<script>${installedPlotly()}</script>`
      : `<script src="${escapeHtml(checkPlotlyUrl(own))}"></script>`;
  const json = scriptJson({ data: figure.data, layout: figure.layout, config: PLOTLY_CONFIG });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
${plotly}
</head>
<body>
<div id="figure"></div>
<script>
var figure = ${json};
Plotly.newPlot('figure', figure.data, figure.layout, figure.config);
</script>
</body>
</html>
`;
}
