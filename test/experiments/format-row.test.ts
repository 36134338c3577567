import { describe, expect, it } from 'vitest';
import { formatRow } from 'leaky-relu/experiments';

describe('formatRow(cells, widths, options)', () => {
  it('right-aligns each cell to its width and joins them with a space, as the notebooks’ tables did with padStart', () => {
    const cells = ['epoch', 10, '0.2103', 18];
    const widths = [5, 5, 10, 9];
    expect(formatRow(cells, widths)).toBe(cells.map((cell, i) => String(cell).padStart(widths[i]!)).join(' '));
    expect(formatRow(cells, widths)).toBe('epoch    10     0.2103        18');
  });

  it('left-aligns with align: left, and takes another separator', () => {
    expect(formatRow(['spec', 'ieee'], [10, 6], { align: 'left', separator: '  ' })).toBe('spec        ieee  ');
    expect(formatRow(['a', 'b'], [1, 1], { separator: ' | ' })).toBe('a | b');
  });

  it('prints a cell longer than its width whole, and a number as String prints it', () => {
    expect(formatRow(['ReLU dead: start', 1e21, -0], [4, 3, 2])).toBe('ReLU dead: start 1e+21  0');
  });

  it('prints an empty row as an empty string', () => {
    expect(formatRow([], [])).toBe('');
  });

  it.each([
    [[null], [1], TypeError, 'cells[0] must be a string or a number, got null'],
    [['a'], [1.5], RangeError, 'widths[0] must be a whole number, 0 or more, got 1.5'],
    [['a'], ['1'], TypeError, 'widths[0] must be a number, got "1" (string)'],
    [['a', 'b'], [1], RangeError, 'widths must hold one width per cell, 2, got 1'],
    ['ab', [1], TypeError, 'cells must be an array of strings and numbers, got "ab" (string)'],
  ])('refuses cells %j with widths %j', (cells, widths, type, message) => {
    expect(() => formatRow(cells as never, widths as never)).toThrow(new type(message));
  });

  it('refuses an unknown alignment', () => {
    expect(() => formatRow(['a'], [1], { align: 'centre' as never })).toThrow(new RangeError(`options.align must be one of 'right', 'left', got "centre" (string)`));
  });
});
