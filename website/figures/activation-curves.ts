import { activationComparisonFigure } from 'leaky-relu/plot';
import type { PlotlyFigure } from '../components/plotly/figure';

/**
 * ReLU, Leaky ReLU, ELU and the library's two variants, from leaky-relu/plot's
 * comparison figure, with the legend placed for the demo's column.
 */
export function activationComparison(alpha: number): PlotlyFigure {
  const figure = activationComparisonFigure({ alpha, range: [-4, 4], points: 161, variants: true });
  return { data: figure.data, layout: { ...figure.layout, legend: { x: 0.01, y: 0.99 } } };
}
