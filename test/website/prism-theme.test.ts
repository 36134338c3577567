import { themes } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_CONTRAST, readableTheme } from '../../website/prism-theme.js';

const rgb = (color: string): [number, number, number] => {
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color) ?? /^#(..)(..)(..)$/i.exec(color)!;
  return color.startsWith('#') ? [1, 2, 3].map((at) => parseInt(match[at]!, 16)) as [number, number, number] : [1, 2, 3].map((at) => Number(match[at])) as [number, number, number];
};

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([30, 30, 30], [30, 30, 30])).toBe(1);
  });
});

describe('readableTheme', () => {
  for (const name of ['vsLight', 'vsDark'] as const) {
    it(`makes every token of ${name} reach ${MIN_CONTRAST}:1 on its background`, () => {
      const theme = readableTheme(themes[name]);
      const background = rgb(theme.plain.backgroundColor!);
      for (const style of theme.styles) if (style.style.color) expect(contrastRatio(rgb(style.style.color), background), style.types.join()).toBeGreaterThanOrEqual(MIN_CONTRAST);
    });
  }

  it('changes only the colours that fail: vsDark has some, and they are moved', () => {
    const before = themes.vsDark.styles.map((style) => style.style.color);
    const after = readableTheme(themes.vsDark).styles.map((style) => style.style.color);
    const background = rgb(themes.vsDark.plain.backgroundColor!);
    before.forEach((color, index) => {
      const passes = contrastRatio(rgb(color!), background) >= MIN_CONTRAST;
      expect(after[index] === color, `${color}`).toBe(passes);
    });
    expect(after.some((color, index) => color !== before[index])).toBe(true);
  });
});
