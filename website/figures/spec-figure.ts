import { leakyReluFigure } from 'leaky-relu/plot';
import type { PlotlyFigure } from '../components/plotly/figure';

/**
 * The spec's figure for one alpha, from leaky-relu/plot, over a range where
 * the negative slope shows, with the convention at 0 marked.
 */
export function specFigure(alpha: number): PlotlyFigure {
  const figure = leakyReluFigure({ alpha, range: [-5, 5], points: 201, markZero: true });
  return { ...figure, layout: { ...figure.layout, legend: { x: 0.01, y: 0.99 }, hovermode: 'x' } };
}
