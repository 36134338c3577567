// @ts-check
// A Plotly output, checked before it reaches a page. plotly.js draws nothing
// for a `data` that is not an array (and the page's dark theme crashed on
// it, "e.data.map is not a function"), and a figure can make a reader's
// browser contact other hosts with no click: a map's topojson or tiles, an
// image's `source`, a `style` with `url(...)` in its styled text, or a button
// of `updatemenus` that sets any of those. A page must not contact a host
// the site does not name, and a Content-Security-Policy is no help where the
// site is served without one (GitHub Pages), so the figure keeps only what
// plotly-allow-list.mjs names, recursively: in its traces, layout, template,
// frames and in what its buttons and sliders set.
import {
  FRAME_ATTRIBUTES,
  LAYOUT_ATTRIBUTES,
  MENU_METHODS,
  NUMBERED_LAYOUT_ATTRIBUTE,
  REMOTE_MAP_TRACES,
  STYLED_TEXT_TAGS,
  TRACE_ATTRIBUTES,
  TRACE_TYPES,
} from './plotly-allow-list.mjs';
import { NotebookError } from './notebook-error.mjs';
import { isDataImage } from './sanitize-html.mjs';

/** @typedef {Record<string, unknown>} Attributes */

/** @param {unknown} value @returns {value is Attributes} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The figure a page draws, `{ data, layout, frames? }`, from a Plotly
 * output, with only the trace types and attributes the site allows
 * (plotly-allow-list.mjs); any other is left out, as plotly.js itself
 * ignores a name it does not know. Every string is made safe as plotly.js's
 * styled text ({@link styledText}). An image whose `source` is not a
 * `data:image/` URL is removed, and its URL returned, for the page to say it
 * was not loaded.
 *
 * @param {unknown} value The output's `application/vnd.plotly.v1+json` value.
 * @param {string} path The notebook's path, for errors.
 * @param {string} pointer The output value's JSON pointer, for errors.
 * @returns {{ figure: { data: object[], layout: object, frames?: object[] }, blocked: string[] }}
 * @throws {NotebookError} For a figure plotly.js cannot draw, or a trace whose type the site does not draw.
 */
export function plotlyFigure(value, path, pointer) {
  if (!isObject(value)) throw new NotebookError(path, pointer, `expected a Plotly figure, an object with a data array, got ${describe(value)}`);
  const { data, layout = {}, frames } = value;
  if (!Array.isArray(data)) throw new NotebookError(path, `${pointer}/data`, `expected an array of traces, got ${describe(data)}`);
  data.forEach((trace, index) => {
    if (!isObject(trace)) throw new NotebookError(path, `${pointer}/data/${index}`, `expected a trace object, got ${describe(trace)}`);
    const { type } = trace;
    if (type !== undefined && typeof type !== 'string') throw new NotebookError(path, `${pointer}/data/${index}/type`, `expected a trace type name, got ${describe(type)}`);
    if (typeof type === 'string' && REMOTE_MAP_TRACES.has(type)) {
      throw new NotebookError(path, `${pointer}/data/${index}/type`, `expected a trace that draws offline: plotly.js loads the maps of a ${type} trace from a remote host, which the site does not contact`);
    }
    if (typeof type === 'string' && !TRACE_TYPES.has(type)) {
      throw new NotebookError(path, `${pointer}/data/${index}/type`, `expected one of plotly.js's trace types that draw offline, got ${describe(type)}`);
    }
  });
  if (!isObject(layout)) throw new NotebookError(path, `${pointer}/layout`, `expected a layout object, got ${describe(layout)}`);
  if (frames !== undefined && !(Array.isArray(frames) && frames.every(isObject))) {
    throw new NotebookError(path, `${pointer}/frames`, `expected an array of frame objects, got ${describe(frames)}`);
  }
  /** @type {string[]} */
  const blocked = [];
  const figure = {
    data: data.map((trace) => cleanTrace(trace, blocked)),
    layout: cleanLayout(layout, blocked),
    ...(frames === undefined ? {} : { frames: frames.map((frame) => cleanFrame(frame, blocked)) }),
  };
  return { figure, blocked };
}

/**
 * A trace with the allowed attributes; a `type` the site does not draw is
 * left out (in a frame or a restyle, it would change the trace's type).
 *
 * @param {Attributes} trace
 * @param {string[]} blocked
 * @returns {Attributes}
 */
function cleanTrace(trace, blocked) {
  return cleanAttributes(trace, blocked, (key) => TRACE_ATTRIBUTES.has(key), { type: allowedTraceTypes });
}

/**
 * @param {Attributes} layout
 * @param {string[]} blocked
 * @param {{ inTemplate?: boolean }} [options] a template's layout holds no template
 * @returns {Attributes}
 */
function cleanLayout(layout, blocked, { inTemplate = false } = {}) {
  return cleanAttributes(layout, blocked, (key) => (LAYOUT_ATTRIBUTES.has(key) && !(inTemplate && key === 'template')) || NUMBERED_LAYOUT_ATTRIBUTE.test(key), {
    template: (template) => (isObject(template) ? cleanTemplate(template, blocked) : undefined),
    updatemenus: (menus) => cleanMenus(menus, 'buttons', blocked),
    sliders: (sliders) => cleanMenus(sliders, 'steps', blocked),
  });
}

/**
 * A template: default traces by type, of the allowed types, and a layout.
 *
 * @param {Attributes} template
 * @param {string[]} blocked
 */
function cleanTemplate(template, blocked) {
  /** @type {Attributes} */
  const copy = {};
  if (isObject(template.data)) {
    /** @type {Attributes} */
    const byType = {};
    for (const [type, traces] of Object.entries(template.data)) {
      if (TRACE_TYPES.has(type) && Array.isArray(traces)) byType[type] = traces.filter(isObject).map((trace) => cleanTrace(trace, blocked));
    }
    copy.data = byType;
  }
  if (isObject(template.layout)) copy.layout = cleanLayout(template.layout, blocked, { inTemplate: true });
  return copy;
}

/**
 * A frame of an animation: its traces and layout as the figure's.
 *
 * @param {Attributes} frame
 * @param {string[]} blocked
 */
function cleanFrame(frame, blocked) {
  return cleanAttributes(frame, blocked, (key) => FRAME_ATTRIBUTES.has(key), {
    data: (traces) => (Array.isArray(traces) ? traces.filter(isObject).map((trace) => cleanTrace(trace, blocked)) : undefined),
    layout: (layout) => (isObject(layout) ? cleanLayout(layout, blocked) : undefined),
  });
}

/**
 * `updatemenus` or `sliders`: each button or step keeps a method of
 * {@link MENU_METHODS}, and what it sets is checked as the figure is.
 *
 * @param {unknown} menus
 * @param {'buttons' | 'steps'} itemsKey
 * @param {string[]} blocked
 */
function cleanMenus(menus, itemsKey, blocked) {
  if (!Array.isArray(menus)) return undefined;
  return menus.filter(isObject).map((menu) => {
    const copy = cleanAttributes(menu, blocked, (key) => key !== itemsKey);
    const items = menu[itemsKey];
    if (Array.isArray(items)) copy[itemsKey] = items.filter((item) => isObject(item) && typeof item.method === 'string' && MENU_METHODS.has(item.method)).map((item) => cleanMenuItem(/** @type {Attributes} */ (item), blocked));
    return copy;
  });
}

/**
 * A button or step, whose `args` (and a button's `args2`, for its second
 * click) are the arguments of `Plotly[method]`.
 *
 * @param {Attributes} item
 * @param {string[]} blocked
 */
function cleanMenuItem(item, blocked) {
  const method = /** @type {string} */ (item.method);
  /** @param {unknown} args */
  const cleanArgs = (args) => {
    if (!Array.isArray(args)) return undefined;
    if (method === 'restyle') return [cleanUpdate(args[0], 'trace', blocked), traceIndices(args[1])];
    if (method === 'relayout') return [cleanUpdate(args[0], 'layout', blocked)];
    if (method === 'update') return [cleanUpdate(args[0], 'trace', blocked), cleanUpdate(args[1], 'layout', blocked), traceIndices(args[2])];
    if (method === 'animate') return [animationTargets(args[0], blocked), cleanValue('', args[1], blocked)];
    return [];
  };
  return cleanAttributes(item, blocked, () => true, { args: cleanArgs, args2: cleanArgs });
}

/**
 * What `restyle` or `relayout` sets: keys are attribute paths
 * (`images[0].source`, `marker.color`), each checked as the attribute it
 * names. A path into `template`, `updatemenus` or `sliders` is left out: a
 * button that rewrites buttons is more than a notebook figure needs.
 *
 * @param {unknown} update
 * @param {'trace' | 'layout'} kind
 * @param {string[]} blocked
 * @returns {Attributes}
 */
function cleanUpdate(update, kind, blocked) {
  /** @type {Attributes} */
  const copy = {};
  if (!isObject(update)) return copy;
  for (const [path, value] of Object.entries(update)) {
    // plotly.js reads `a[0].b` and `a.0.b` alike.
    const names = path.split('.').map((name) => name.replace(/(\[\d+\])+$/, ''));
    const [top = ''] = names;
    const allowed = kind === 'trace' ? TRACE_ATTRIBUTES.has(top) : (LAYOUT_ATTRIBUTES.has(top) || NUMBERED_LAYOUT_ATTRIBUTE.test(top)) && !['template', 'updatemenus', 'sliders'].includes(top);
    if (!allowed || names.slice(0, -1).some(isFetchingName) || top === '__proto__') continue;
    const cleaned = kind === 'trace' && path === 'type' ? allowedTraceTypes(value) : cleanValue(names.at(-1) ?? '', value, blocked);
    if (cleaned !== undefined) copy[path] = cleaned;
  }
  return copy;
}

/** @param {unknown} value */
const traceIndices = (value) => (typeof value === 'number' || (Array.isArray(value) && value.every((index) => typeof index === 'number')) ? value : undefined);

/**
 * What `animate` goes to: frame names, or frames, checked as the figure's.
 *
 * @param {unknown} value
 * @param {string[]} blocked
 */
function animationTargets(value, blocked) {
  if (value === null || typeof value === 'string') return typeof value === 'string' ? styledText(value) : value;
  if (!Array.isArray(value)) return undefined;
  return value.map((target) => (isObject(target) ? cleanFrame(target, blocked) : typeof target === 'string' ? styledText(target) : null));
}

/**
 * A trace type, or a restyle's list of them, if the site draws every one.
 *
 * @param {unknown} value
 */
function allowedTraceTypes(value) {
  const types = Array.isArray(value) ? value : [value];
  return types.every((type) => typeof type === 'string' && TRACE_TYPES.has(type)) ? value : undefined;
}

/**
 * A copy of an object with the keys `isAllowed` admits, each value cleaned by
 * its handler in `special` or by {@link cleanValue}.
 *
 * @param {Attributes} object
 * @param {string[]} blocked
 * @param {(key: string) => boolean} isAllowed
 * @param {Record<string, (value: unknown) => unknown>} [special]
 * @returns {Attributes}
 */
function cleanAttributes(object, blocked, isAllowed, special = {}) {
  /** @type {Attributes} */
  const copy = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === '__proto__' || !isAllowed(key)) continue;
    const cleaned = Object.hasOwn(special, key) ? /** @type {(value: unknown) => unknown} */ (special[key])(value) : cleanValue(key, value, blocked);
    if (cleaned !== undefined) copy[key] = cleaned;
  }
  return copy;
}

/**
 * Names through which plotly.js would load something: an image's `source`
 * (a URL), and the `*src` references to Chart Studio's data grids.
 *
 * @param {string} name
 */
const isFetchingName = (name) => name === 'source' || (name.length > 3 && name.endsWith('src'));

/**
 * A value inside an allowed attribute, where any name may stay but those of
 * {@link isFetchingName}: a `source` stays only as a `data:image/` URL (any
 * other is left out and its URL recorded in `blocked`), and every string is
 * made safe as styled text.
 *
 * @param {string} key
 * @param {unknown} value
 * @param {string[]} blocked
 * @returns {unknown}
 */
function cleanValue(key, value, blocked) {
  if (key === 'source') {
    if (typeof value === 'string' && isDataImage(value)) return value;
    if (typeof value === 'string') blocked.push(value);
    return undefined;
  }
  if (isFetchingName(key)) return undefined;
  if (typeof value === 'string') return styledText(value);
  if (Array.isArray(value)) return value.map((item) => cleanValue('', item, blocked));
  if (isObject(value)) return cleanAttributes(value, blocked, () => true);
  return value;
}

/**
 * A string made safe as plotly.js's styled text, which plotly.js reads in
 * titles, annotations, labels, legends, hover text and templates alike. It
 * splits a string into tags and text as plotly.js does
 * (`svg_text_utils.js`), and rebuilds each of its tags (`<b>`, `<span>`,
 * `<a>` …) bare: a `style` is copied onto the SVG text, and one with
 * `url(...)` fetches on page load; an `href` or `popup` leads to another
 * host. Any other `<` and `>` become entities, which plotly.js shows as the
 * characters, so that no tag can be assembled later from pieces (a
 * `hovertemplate` that puts `%{text}` after a `<`).
 *
 * @param {string} text
 * @returns {string}
 */
export function styledText(text) {
  return text
    .split(/(<[^<>]*>)/)
    .map((part) => {
      // plotly.js reads a line break in a tag as a space.
      const tag = /^<(\/?)([^ >]*)(\s+(.*))?>$/is.exec(part.replace(/\r\n?|\n/g, ' '));
      const name = tag?.[2]?.toLowerCase() ?? '';
      if (tag && STYLED_TEXT_TAGS.has(name)) return `<${tag[1]}${name}>`;
      return part.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    })
    .join('');
}

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
