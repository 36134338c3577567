import { leakyRelu, leakyReluDerivative, linspace } from 'leaky-relu';
import type { PlotlyFigure } from '../plotly/figure';

/**
 * The spec's figure for one alpha, with every value from the library: the
 * function as a solid blue line, the derivative as a dashed red step, and
 * the values at 0 marked (both take the x ≥ 0 branch).
 */
export function specFigure(alpha: number): PlotlyFigure {
  const x = Array.from(linspace(-5, 5, 201));
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: 'Leaky ReLU Function', x, y: leakyRelu(x, alpha), line: { color: 'blue', width: 2 } },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Leaky ReLU Derivative',
        x,
        y: leakyReluDerivative(x, alpha),
        line: { color: 'red', dash: 'dash', width: 2 },
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'x = 0 takes the x ≥ 0 branch',
        x: [0, 0],
        y: [leakyRelu(0, alpha), leakyReluDerivative(0, alpha)],
        marker: { color: ['blue', 'red'], size: 9 },
      },
    ],
    layout: {
      title: { text: `Leaky ReLU Activation Function and Its Derivative (α = ${alpha})` },
      xaxis: { title: { text: 'Input (x)' }, showgrid: true, zeroline: false },
      yaxis: { title: { text: 'Output' }, showgrid: true, zeroline: false },
      showlegend: true,
      legend: { x: 0.01, y: 0.99 },
      hovermode: 'x',
    },
  };
}
