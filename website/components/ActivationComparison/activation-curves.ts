import { prelu, rrelu } from 'leaky-relu';
import { activationComparisonFigure, plotThemes } from 'leaky-relu/plot';
import type { PlotlyFigure } from '../plotly/figure';

/**
 * ReLU, Leaky ReLU and ELU from leaky-relu/plot's comparison figure, plus
 * the two variants the library has, every value computed by it: PReLU with
 * PyTorch's initial slope 0.25 (before any learning), and RReLU in
 * evaluation, where its slope is the mean of its random range.
 */
export function activationComparison(alpha: number): PlotlyFigure {
  const figure = activationComparisonFigure({ alpha, range: [-4, 4], points: 161 });
  const x = figure.data[0]!.x;
  const variants = [
    { name: 'PReLU (initial slope 0.25)', y: prelu(x, [0.25]) },
    { name: 'RReLU in evaluation (slope 11/48)', y: rrelu(x).output },
  ].map(({ name, y }, index) => ({
    type: 'scatter' as const,
    mode: 'lines' as const,
    name,
    x,
    y,
    line: { color: plotThemes.light.palette[figure.data.length + index]!, width: 2, dash: 'dot' as const },
  }));
  return {
    data: [...figure.data, ...variants],
    layout: { ...figure.layout, title: { text: 'ReLU, Leaky ReLU and the variants' }, legend: { x: 0.01, y: 0.99 } },
  };
}
