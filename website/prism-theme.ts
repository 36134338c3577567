import type { PrismTheme } from 'prism-react-renderer';

/** WCAG's minimum contrast for body text (1.4.3, AA). */
export const MIN_CONTRAST = 4.5;

type Rgb = readonly [number, number, number];

function parseColor(color: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex) return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as unknown as Rgb;
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

function luminance([red, green, blue]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** The WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The theme with every token colour that reads below {@link MIN_CONTRAST}
 * on the theme's background moved, in small steps, towards the theme's plain
 * text colour until it reaches it: the token keeps its hue family, and a
 * comment or a constant becomes readable. Colours that pass are unchanged.
 */
export function readableTheme(theme: PrismTheme): PrismTheme {
  const background = parseColor(theme.plain.backgroundColor ?? '');
  const plain = parseColor(theme.plain.color ?? '');
  if (!background || !plain) return theme;
  const readable = (color: string | undefined): string | undefined => {
    const parsed = color === undefined ? undefined : parseColor(color);
    if (!parsed || contrastRatio(parsed, background) >= MIN_CONTRAST) return color;
    for (let step = 1; step <= 20; step++) {
      const mixed = parsed.map((channel, index) => Math.round(channel + ((plain[index]! - channel) * step) / 20)) as unknown as Rgb;
      if (contrastRatio(mixed, background) >= MIN_CONTRAST) return `rgb(${mixed.join(', ')})`;
    }
    return theme.plain.color;
  };
  return { ...theme, styles: theme.styles.map((style) => ({ ...style, style: { ...style.style, color: readable(style.style.color) } })) };
}
