import type { ColorMode } from '@docusaurus/theme-common';

/**
 * The demos whose chart has static pictures of its first state, drawn by
 * `npm run site:pictures` (website/build/chart-pictures.mjs) into
 * website/static/img/charts: one per colour mode, at a desktop column's
 * width and at a phone's. The page shows the picture first, so a reader sees
 * the chart before plotly.js has loaded, or without it. Each demo draws its
 * chart at the height given here, so picture and chart share it.
 */
export const CHART_PICTURES = {
  'alpha-explorer': { height: 420 },
  'activation-comparison': { height: 420 },
  'dying-relu-trainer': { height: 420 },
  'benchmark-chart': { height: 520 },
} as const;

export type ChartPictureName = keyof typeof CHART_PICTURES;

/** The alpha the slider demo and the comparison start at, so their pictures show it. */
export const PICTURED_ALPHA = 0.1;

/** The two widths a picture is drawn at: a desktop's content column, and a 390-pixel phone's less its margins. */
export const PICTURE_WIDTHS = { wide: 760, narrow: 358 } as const;

export type PictureWidth = keyof typeof PICTURE_WIDTHS;

/** Where a picture is, from the site's root. */
export function picturePath(name: ChartPictureName, colorMode: ColorMode, width: PictureWidth): string {
  return `/img/charts/${name}-${colorMode}-${width}.svg`;
}
