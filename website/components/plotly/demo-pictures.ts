import type { ColorMode } from '@docusaurus/theme-common';
import type { BenchmarkResults } from '@benchmark-results';
import { createDyingReluRun, trainingFigure } from 'leaky-relu/experiments';
import { activationComparison } from '../../figures/activation-curves';
import { benchmarkFigure, benchmarkOps } from '../../figures/benchmark-figure';
import { specFigure } from '../../figures/spec-figure';
import { DEFAULT_SETTINGS } from '../DyingReluTrainer/messages';
import type { ChartPictureName, PictureWidth } from './chart-pictures';
import { CHART_PICTURES, PICTURE_WIDTHS, PICTURED_ALPHA, picturePath } from './chart-pictures';
import type { PlotlyFigure } from './figure';
import { themedFigure } from './themed-figure';

/** One static picture to draw: a demo's chart, themed, at one colour mode and width. */
export interface DemoPicture {
  readonly key: string;
  /** Where the SVG goes, from the repository's root. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly figure: PlotlyFigure;
}

/**
 * Every picture `npm run site:pictures` draws (website/build/chart-pictures.mjs
 * loads this module, the one place the picture script meets the components):
 * each demo's chart in its first state, as its component first draws it,
 * themed as the page themes it, in each colour mode and at each width.
 *
 * @param results - The committed benchmark results (bench/results.json).
 * @param fontFamily - The site's font stack, as the live chart takes it from the page.
 */
export function demoPictures(results: BenchmarkResults, fontFamily: string): DemoPicture[] {
  const relu = createDyingReluRun({ alpha: 0, learningRate: DEFAULT_SETTINGS.learningRate });
  const leaky = createDyingReluRun({ alpha: DEFAULT_SETTINGS.alpha, learningRate: DEFAULT_SETTINGS.learningRate });
  const figures: Record<ChartPictureName, PlotlyFigure> = {
    'alpha-explorer': specFigure(PICTURED_ALPHA),
    'activation-comparison': activationComparison(PICTURED_ALPHA),
    'dying-relu-trainer': trainingFigure([relu.initial], [leaky.initial], { alpha: DEFAULT_SETTINGS.alpha }),
    'benchmark-chart': benchmarkFigure(results, benchmarkOps(results)[0]!),
  };
  const colorModes: ColorMode[] = ['light', 'dark'];
  return (Object.keys(CHART_PICTURES) as ChartPictureName[]).flatMap((name) =>
    colorModes.flatMap((colorMode) =>
      (Object.keys(PICTURE_WIDTHS) as PictureWidth[]).map((size) => {
        const width = PICTURE_WIDTHS[size];
        const figure = themedFigure(figures[name], { colorMode, height: CHART_PICTURES[name].height, width, fontFamily });
        return { key: `${name}-${colorMode}-${size}`, path: `website/static${picturePath(name, colorMode, size)}`, width, height: figure.layout.height as number, figure };
      }),
    ),
  );
}
