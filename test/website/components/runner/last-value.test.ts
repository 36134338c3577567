import { expect, it } from 'vitest';
import { keepLastValue } from '../../../../website/components/runner/last-value.js';

it('keepLastValue(code) assigns a last expression statement to the target', () => {
  expect(keepLastValue('const f = 1;\nleakyReluFigure({ alpha: f })', 'self.last')).toBe('const f = 1;\nself.last = (leakyReluFigure({ alpha: f }))');
  expect(keepLastValue('await Promise.resolve(2);', 'self.last')).toBe('self.last = (await Promise.resolve(2));');
  expect(keepLastValue('a, b', 'self.last')).toBe('self.last = (a, b)');
});

it('keepLastValue(code) leaves code alone that ends in a declaration, a block or a directive, or does not parse', () => {
  for (const code of ['const figure = leakyReluFigure();', 'if (x) { y }', "'use strict'", 'let = (', '']) {
    expect(keepLastValue(code, 'self.last')).toBe(code);
  }
});
