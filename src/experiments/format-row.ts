import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { oneOfOption, readOptions, stringOption, wholeOption } from '../base/options.js';

/** The options of {@link formatRow}. */
export interface FormatRowOptions {
  /** `'right'` (the default: numbers line up by their last digit) or `'left'`. */
  readonly align?: 'right' | 'left';
  /** What goes between two cells. Default one space. */
  readonly separator?: string;
}

const OPTION_RULES = { align: oneOfOption(['right', 'left']), separator: stringOption };

/**
 * One row of a plain-text table, as the notebooks print their results: each
 * cell as text (`String(cell)`), padded with spaces to its column's width,
 * the cells joined by the separator. A cell longer than its width is printed
 * whole, never cut.
 *
 * ```text
 * formatRow(cells, widths) = cells.map((cell, i) => String(cell).padStart(widths[i])).join(' ')
 * ```
 *
 * @param cells - The row's cells: strings, or numbers already rounded as they should print.
 * @param widths - Each column's width in characters: whole numbers, one per cell.
 * @param options - `align` (default `'right'`) and `separator` (default `' '`).
 * @returns The row, without a line break.
 * @throws {TypeError} when `cells` or `widths` is not an array, a cell is not a
 *   string or a number, a width is not a number, `options` is not an object, an
 *   option is unknown, or an option has the wrong type.
 * @throws {RangeError} when a width is not a whole number, 0 or more, `widths`
 *   does not have one width per cell, or `align` is neither `'right'` nor `'left'`.
 *
 * @example
 * ```ts
 * import { formatRow } from 'leaky-relu/experiments';
 *
 * formatRow(['alpha', 'loss'], [6, 8]) //=> ' alpha     loss'
 * formatRow([0.01, (0.0108).toFixed(4)], [6, 8]) //=> '  0.01   0.0108'
 * formatRow(['spec', 0.01], [10, 4], { align: 'left', separator: '  ' }) //=> 'spec        0.01'
 * formatRow(['alpha'], [6, 8]) //=> throws RangeError: widths must hold one width per cell, 1, got 2
 * ```
 */
export function formatRow(cells: readonly (string | number)[], widths: readonly number[], options: FormatRowOptions = {}): string {
  const given = readOptions(options, OPTION_RULES);
  const texts = readCells(cells);
  if (!isArray(widths)) throw new TypeError(`widths must be an array of whole numbers, got ${describeValue(widths)}`);
  const columns = Array.from(widths, (width: unknown, index) => wholeOption(0)(width, `widths[${index}]`));
  if (columns.length !== texts.length) {
    throw new RangeError(`widths must hold one width per cell, ${texts.length}, got ${columns.length}`);
  }
  const align = given.align ?? 'right';
  return texts.map((text, index) => (align === 'right' ? text.padStart(columns[index]!) : text.padEnd(columns[index]!))).join(given.separator ?? ' ');
}

function readCells(cells: unknown): string[] {
  if (!isArray(cells)) throw new TypeError(`cells must be an array of strings and numbers, got ${describeValue(cells)}`);
  return Array.from(cells, (cell: unknown, index) => {
    if (typeof cell !== 'string' && typeof cell !== 'number') {
      throw new TypeError(`cells[${index}] must be a string or a number, got ${describeValue(cell)}`);
    }
    return String(cell);
  });
}
