/**
 * leaky-relu/plot: Plotly figures of Leaky ReLU built from the library's own
 * values, displayed in Jupyter notebooks (on Deno's kernel or tslab) or written as
 * standalone HTML pages. The core entry point, `leaky-relu`, never imports
 * this one.
 *
 * @module leaky-relu/plot
 */
export { leakyReluFigure, alphaComparisonFigure, activationComparisonFigure } from './figures.js';
export type { ActivationComparisonOptions, CurveOptions, LeakyReluFigureOptions } from './figures.js';
export type { Axis, Figure, Layout, LineStyle, MarkerStyle, ScatterTrace, Title } from './figure.js';
export { plotThemes, type FigureTheme, type ThemeName } from './themes.js';
export { mimeBundle, type LiveBundle, type MimeBundle, type MimeBundleOptions, type PictureBundle } from './mime-bundle.js';
export { show, type ShowOptions } from './show.js';
export { staticPicture } from './static-picture.js';
export { toHtml, type ToHtmlOptions } from './to-html.js';
export { meanOutputFigure } from './mean-output-figure.js';
export { rreluSlopesFigure, type RreluSlopesFigureOptions } from './rrelu-slopes-figure.js';
