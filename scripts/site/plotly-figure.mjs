// @ts-check
// A Plotly output, checked before it reaches a page: plotly.js draws
// nothing for a `data` that is not an array, and the page's dark theme
// crashed on it ("e.data.map is not a function").
import { NotebookError } from './notebook-error.mjs';
import { isDataImage } from './sanitize-html.mjs';

/**
 * Trace types whose maps plotly.js fetches from a remote host (cdn.plot.ly's
 * topojson, map tile servers): a page must not make a reader's browser
 * contact a host the site does not name.
 */
const REMOTE_MAP_TRACES = new Set(['scattergeo', 'choropleth', 'scattermapbox', 'choroplethmapbox', 'densitymapbox', 'scattermap', 'choroplethmap', 'densitymap']);

/** @param {unknown} value */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The figure a page draws, `{ data, layout, frames? }`, from a Plotly
 * output. An image whose `source` is not a `data:image/` URL (in
 * `layout.images`, a template or an `image` trace) is removed, and its URL
 * returned, for the page to say it was not loaded.
 *
 * @param {unknown} value The output's `application/vnd.plotly.v1+json` value.
 * @param {string} path The notebook's path, for errors.
 * @param {string} pointer The output value's JSON pointer, for errors.
 * @returns {{ figure: { data: object[], layout: object, frames?: object[] }, blocked: string[] }}
 * @throws {NotebookError} For a figure plotly.js cannot draw, or one that loads maps from a remote host.
 */
export function plotlyFigure(value, path, pointer) {
  if (!isObject(value)) throw new NotebookError(path, pointer, `expected a Plotly figure, an object with a data array, got ${describe(value)}`);
  const { data, layout = {}, frames } = /** @type {{ data?: unknown, layout?: unknown, frames?: unknown }} */ (value);
  if (!Array.isArray(data)) throw new NotebookError(path, `${pointer}/data`, `expected an array of traces, got ${describe(data)}`);
  data.forEach((trace, index) => {
    if (!isObject(trace)) throw new NotebookError(path, `${pointer}/data/${index}`, `expected a trace object, got ${describe(trace)}`);
    const type = /** @type {{ type?: unknown }} */ (trace).type;
    if (type !== undefined && typeof type !== 'string') throw new NotebookError(path, `${pointer}/data/${index}/type`, `expected a trace type name, got ${describe(type)}`);
    if (typeof type === 'string' && REMOTE_MAP_TRACES.has(type)) {
      throw new NotebookError(path, `${pointer}/data/${index}/type`, `expected a trace that draws offline: plotly.js loads the maps of a ${type} trace from a remote host, which the site does not contact`);
    }
  });
  if (!isObject(layout)) throw new NotebookError(path, `${pointer}/layout`, `expected a layout object, got ${describe(layout)}`);
  if (frames !== undefined && !(Array.isArray(frames) && frames.every(isObject))) {
    throw new NotebookError(path, `${pointer}/frames`, `expected an array of frame objects, got ${describe(frames)}`);
  }
  /** @type {string[]} */
  const blocked = [];
  const figure = /** @type {any} */ (withoutRemoteImages(frames === undefined ? { data, layout } : { data, layout, frames }, blocked));
  return { figure, blocked };
}

/**
 * A copy of the figure without any `source` plotly.js would load from a URL.
 *
 * @param {unknown} value
 * @param {string[]} blocked
 * @returns {unknown}
 */
function withoutRemoteImages(value, blocked) {
  if (Array.isArray(value)) return value.map((item) => withoutRemoteImages(item, blocked));
  if (!isObject(value)) return value;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, item] of Object.entries(/** @type {Record<string, unknown>} */ (value))) {
    if (key === 'source' && typeof item === 'string' && !isDataImage(item)) {
      blocked.push(item);
      continue;
    }
    copy[key] = withoutRemoteImages(item, blocked);
  }
  return copy;
}

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
