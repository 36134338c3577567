import { leakyRelu } from '../core/leaky-relu.js';
import { leakyReluDerivative } from '../core/derivative.js';
import { linspace } from '../core/linspace.js';
import { prelu } from '../core/prelu.js';
import { rrelu } from '../core/rrelu.js';
import { ownOptions } from '../base/options.js';
import { isArray } from '../base/is-array.js';
import { checkFinite } from '../base/check-finite.js';
import { describeValue } from '../base/describe-value.js';
import type { Figure, Layout, ScatterTrace } from './figure.js';
import { plotThemes, type FigureTheme, type ThemeName } from './themes.js';
import { displayable } from './show.js';

/** The options every figure builder takes: where the curves are sampled, and the theme. */
export interface CurveOptions {
  /** The x interval `[start, stop]`, both included. Default `[-10, 10]`, the spec's. */
  range?: readonly [number, number];
  /** How many evenly spaced x values (`linspace(start, stop, points)`). Default 100, the spec's. */
  points?: number;
  /** The layout theme. Default `'light'`, which looks like the spec's Matplotlib figure. */
  theme?: ThemeName;
}

/** The options of {@link leakyReluFigure}. */
export interface LeakyReluFigureOptions extends CurveOptions {
  /** The slope for negative inputs. Default `0.01`. */
  alpha?: number;
  /** Draw the derivative too. Default `true`. */
  showDerivative?: boolean;
  /**
   * Mark the convention at x = 0: filled dots where the curves are at 0 (the
   * `x >= 0` branch, so the derivative is 1) and an open dot at the
   * derivative's left limit, alpha. Default `false`, as in the spec's figure.
   */
  markZero?: boolean;
}

/** The options of {@link activationComparisonFigure}. */
export interface ActivationComparisonOptions extends CurveOptions {
  /** Leaky ReLU's slope for negative inputs. Default `0.1`, so that it stands apart from ReLU. */
  alpha?: number;
  /** ELU's alpha: ELU(x) = alpha·(eˣ − 1) for x < 0. Default `1`. */
  eluAlpha?: number;
  /**
   * Add the library's two variants, dotted: PReLU at PyTorch's initial slope
   * 0.25 (before any learning), and RReLU in evaluation, whose slope is the
   * mean of its range, 11/48. Default `false`.
   */
  variants?: boolean;
}

const TITLE = 'Leaky ReLU Activation Function and Its Derivative';
// figsize=(10, 6) at Matplotlib's 100 dpi.
const WIDTH = 1000;
const HEIGHT = 600;

/**
 * The spec's figure: Leaky ReLU and its derivative over `linspace(-10, 10, 100)`,
 * as Plotly JSON, with every value computed by this library.
 *
 * ```text
 * y  = leakyRelu(x, alpha)            solid blue, "Leaky ReLU Function"
 * y' = leakyReluDerivative(x, alpha)  dashed red, "Leaky ReLU Derivative"
 * ```
 *
 * The layout reproduces the spec's Matplotlib code: its title, the axis
 * titles `Input (x)` and `Output`, a legend, a grid, and 1000×600 pixels for
 * `figsize=(10, 6)`.
 *
 * @param options - `alpha` (default 0.01), `range` (default `[-10, 10]`),
 *   `points` (default 100), `showDerivative` (default true), `markZero`
 *   (default false) and `theme` (default `'light'`).
 * @returns A new `{ data, layout }` of plain arrays and objects, for `show` or `toHtml`.
 * @throws {TypeError} when `options` is not an object, an option is unknown, or an option has the wrong type.
 * @throws {RangeError} when `alpha` or the range is not finite, the range
 *   does not go up, `points` is not a whole number of 2 or more, or the theme is unknown.
 *
 * @example
 * ```ts
 * import { leakyReluFigure } from 'leaky-relu/plot';
 *
 * const figure = leakyReluFigure();
 * figure.data.map((trace) => trace.name) //=> [ 'Leaky ReLU Function', 'Leaky ReLU Derivative' ]
 * figure.data.map((trace) => trace.x.length) //=> [ 100, 100 ]
 * figure.data.map((trace) => trace.line) //=> [ { color: 'blue', dash: 'solid', width: 2 }, { color: 'red', dash: 'dash', width: 2 } ]
 * figure.layout.title //=> { text: 'Leaky ReLU Activation Function and Its Derivative' }
 * leakyReluFigure({ alpha: 0.2, range: [-1, 1], points: 3 }).data.map((trace) => trace.y) //=> [ [ -0.2, 0, 1 ], [ 0.2, 1, 1 ] ]
 * leakyReluFigure({ points: 1 }) //=> throws RangeError: options.points must be a whole number, 2 or more, got 1
 * ```
 */
export function leakyReluFigure(options: LeakyReluFigureOptions = {}): Figure {
  const own = checkOptions(options, ['alpha', 'showDerivative', 'markZero']);
  const alpha = checkFinite(own.alpha ?? 0.01, 'options.alpha');
  const showDerivative = checkFlag(own.showDerivative ?? true, 'options.showDerivative');
  const markZero = checkFlag(own.markZero ?? false, 'options.markZero');
  const { x, theme } = sampling(own);
  const [functionColor, derivativeColor] = theme.palette;
  const data = [line('Leaky ReLU Function', x, leakyRelu(x, alpha), { color: functionColor!, dash: 'solid', width: 2 })];
  if (showDerivative) {
    data.push(line('Leaky ReLU Derivative', x, leakyReluDerivative(x, alpha), { color: derivativeColor!, dash: 'dash', width: 2 }));
  }
  if (markZero) data.push(zeroMarks(alpha, showDerivative, theme));
  return displayable({ data, layout: layout(TITLE, theme) });
}

/**
 * Leaky ReLU for several slopes on one chart: one solid curve per alpha,
 * named `alpha = <value>`.
 *
 * ```text
 * y = leakyRelu(x, alphas[i])   for each i
 * ```
 *
 * @param alphas - The slopes to compare: one or more finite numbers.
 * @param options - `range` (default `[-10, 10]`), `points` (default 100) and `theme` (default `'light'`).
 * @returns A new `{ data, layout }` with one trace per alpha, in the order given.
 * @throws {TypeError} when `alphas` is not an array of numbers, `options` is not an object, an option is unknown, or an option has the wrong type.
 * @throws {RangeError} when `alphas` is empty, an alpha is not finite, or an option is out of range.
 *
 * @example
 * ```ts
 * import { alphaComparisonFigure } from 'leaky-relu/plot';
 *
 * const figure = alphaComparisonFigure([0.01, 0.1, 0.3], { range: [-2, 2], points: 5 });
 * figure.data.map((trace) => trace.name) //=> [ 'alpha = 0.01', 'alpha = 0.1', 'alpha = 0.3' ]
 * figure.data.map((trace) => trace.y[0]) //=> [ -0.02, -0.2, -0.6 ]
 * alphaComparisonFigure([]) //=> throws RangeError: alphas must hold at least one alpha, got Array(0)
 * ```
 */
export function alphaComparisonFigure(alphas: readonly number[], options: CurveOptions = {}): Figure {
  if (!isArray(alphas)) throw new TypeError(`alphas must be an array of numbers, got ${describeValue(alphas)}`);
  if (alphas.length === 0) throw new RangeError(`alphas must hold at least one alpha, got ${describeValue(alphas)}`);
  alphas.forEach((alpha, index) => checkFinite(alpha, `alphas[${index}]`));
  const { x, theme } = sampling(checkOptions(options, []));
  const data = alphas.map((alpha, index) =>
    line(`alpha = ${alpha}`, x, leakyRelu(x, alpha), { color: paletteColor(theme, index), dash: 'solid', width: 2 }),
  );
  return displayable({ data, layout: layout('Leaky ReLU for Different Values of Alpha', theme) });
}

/**
 * ReLU, Leaky ReLU and ELU on one chart. ReLU is `leakyRelu(x, 0)` and Leaky
 * ReLU is `leakyRelu(x, alpha)`, both from this library; ELU is the only one
 * computed here.
 *
 * ```text
 * ReLU(x)       = leakyRelu(x, 0)
 * LeakyReLU(x)  = leakyRelu(x, alpha)
 * ELU(x)        = x if x >= 0, eluAlpha·(eˣ − 1) otherwise
 * ```
 *
 * With `variants`, PReLU and RReLU (in evaluation) are added, each
 * computed by its op, as the site's comparison demo draws them.
 *
 * @param options - `alpha` (default 0.1), `eluAlpha` (default 1), `variants`
 *   (default false), `range` (default `[-10, 10]`), `points` (default 100)
 *   and `theme` (default `'light'`).
 * @returns A new `{ data, layout }` with the traces `ReLU`, `Leaky ReLU (alpha = …)` and `ELU (alpha = …)`,
 *   then with `variants` `PReLU (initial slope 0.25)` and `RReLU in evaluation (slope 11/48)`.
 * @throws {TypeError} when `options` is not an object, an option is unknown, or an option has the wrong type.
 * @throws {RangeError} when an alpha or the range is not finite, or an option is out of range.
 *
 * @example
 * ```ts
 * import { activationComparisonFigure } from 'leaky-relu/plot';
 *
 * const figure = activationComparisonFigure({ range: [-1, 1], points: 3 });
 * figure.data.map((trace) => trace.name) //=> [ 'ReLU', 'Leaky ReLU (alpha = 0.1)', 'ELU (alpha = 1)' ]
 * figure.data.map((trace) => trace.y[0]) //=> [ -0, -0.1, -0.6321205588285577 ]
 * activationComparisonFigure({ range: [-1, 1], points: 3, variants: true }).data.map((trace) => trace.y[0])
 * //=> [ -0, -0.1, -0.6321205588285577, -0.25, -0.22916666666666666 ]
 * ```
 */
export function activationComparisonFigure(options: ActivationComparisonOptions = {}): Figure {
  const own = checkOptions(options, ['alpha', 'eluAlpha', 'variants']);
  const alpha = checkFinite(own.alpha ?? 0.1, 'options.alpha');
  const eluAlpha = checkFinite(own.eluAlpha ?? 1, 'options.eluAlpha');
  const withVariants = checkFlag(own.variants ?? false, 'options.variants');
  const { x, theme } = sampling(own);
  const curves: [string, number[]][] = [
    ['ReLU', leakyRelu(x, 0)],
    [`Leaky ReLU (alpha = ${alpha})`, leakyRelu(x, alpha)],
    [`ELU (alpha = ${eluAlpha})`, x.map((value) => elu(value, eluAlpha))],
  ];
  const data = curves.map(([name, y], index) => line(name, x, y, { color: paletteColor(theme, index), dash: 'solid', width: 2 }));
  if (!withVariants) return displayable({ data, layout: layout('ReLU, Leaky ReLU and ELU', theme) });
  const variants: [string, number[]][] = [
    ['PReLU (initial slope 0.25)', prelu(x, [0.25])],
    ['RReLU in evaluation (slope 11/48)', rrelu(x).output],
  ];
  data.push(...variants.map(([name, y], index) => line(name, x, y, { color: paletteColor(theme, curves.length + index), width: 2, dash: 'dot' })));
  return displayable({ data, layout: layout('ReLU, Leaky ReLU and the variants', theme) });
}

/** ELU, only for the comparison: not part of this package's API. */
function elu(x: number, alpha: number): number {
  return x >= 0 ? x : alpha * Math.expm1(x);
}

function line(name: string, x: number[], y: number[], style: ScatterTrace['line']): ScatterTrace {
  return { type: 'scatter', mode: 'lines', name, x: [...x], y, line: style };
}

function zeroMarks(alpha: number, showDerivative: boolean, theme: FigureTheme): ScatterTrace {
  const [functionColor, derivativeColor] = theme.palette as [string, string];
  const background = theme.layout.plot_bgcolor ?? 'white';
  // [y, fill, outline]: the function at 0; the derivative at 0, which is 1
  // (filled); and its left limit, alpha (open: filled with the background).
  const points: [number, string, string][] = [[leakyRelu(0, alpha), functionColor, functionColor]];
  if (showDerivative) {
    points.push([leakyReluDerivative(0, alpha), derivativeColor, derivativeColor], [alpha, background, derivativeColor]);
  }
  return {
    type: 'scatter',
    mode: 'markers',
    name: 'x = 0 takes the x ≥ 0 branch',
    x: points.map(() => 0),
    y: points.map(([y]) => y),
    marker: {
      size: 9,
      color: points.map(([, fill]) => fill),
      line: { color: points.map(([, , outline]) => outline), width: 2 },
    },
  };
}

function layout(title: string, theme: FigureTheme): Layout {
  const { xaxis, yaxis, ...rest } = theme.layout;
  return {
    ...copyJson(rest),
    title: { text: title },
    xaxis: { ...copyJson(xaxis), title: { text: 'Input (x)' }, showgrid: true },
    yaxis: { ...copyJson(yaxis), title: { text: 'Output' }, showgrid: true },
    showlegend: true,
    width: WIDTH,
    height: HEIGHT,
  };
}

/** A deep copy, so that editing a figure never edits the shared theme. */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function paletteColor(theme: FigureTheme, index: number): string {
  return theme.palette[index % theme.palette.length]!;
}

function sampling(options: Partial<CurveOptions>): { x: number[]; theme: FigureTheme } {
  const range = options.range ?? [-10, 10];
  if (!isArray(range) || range.length !== 2) {
    throw new TypeError(`options.range must be an array [start, stop], got ${describeValue(range)}`);
  }
  const start = checkFinite(range[0], 'options.range[0]');
  const stop = checkFinite(range[1], 'options.range[1]');
  if (!(start < stop)) throw new RangeError(`options.range must go up, start < stop, got [${start}, ${stop}]`);
  const points = options.points ?? 100;
  if (typeof points !== 'number') throw new TypeError(`options.points must be a number, got ${describeValue(points)}`);
  if (!Number.isSafeInteger(points) || points < 2) {
    throw new RangeError(`options.points must be a whole number, 2 or more, got ${describeValue(points)}`);
  }
  const name = options.theme ?? 'light';
  if (name !== 'light' && name !== 'dark') {
    throw new (typeof name === 'string' ? RangeError : TypeError)(`options.theme must be 'light' or 'dark', got ${describeValue(name)}`);
  }
  return { x: Array.from(linspace(start, stop, points)), theme: plotThemes[name] };
}

/** The options given, once their keys are checked: the curve options, and the builder's own `keys`. */
function checkOptions<Options extends CurveOptions>(options: Options, keys: readonly (keyof Options & string)[]): Partial<Options> {
  const own = ownOptions<Options>(options, [...keys, 'range', 'points', 'theme']);
  // The builders give a default to a missing option only: null is a wrong value, not an absent one.
  for (const [key, value] of Object.entries(own)) {
    if (value === null) throw new TypeError(`options.${key} must be left out or given a value, got null`);
  }
  return own;
}

function checkFlag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be a boolean, got ${describeValue(value)}`);
  return value;
}
