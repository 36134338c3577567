import React, { useMemo, useState } from 'react';
import styles from '../demo.module.css';
import type { PlotlyFigure } from '../plotly/figure';
import PlotlyChart from '../plotly/PlotlyChart';
import { activationCurves, comparisonInputs } from './activation-curves';

const COLORS = ['black', 'blue', 'green', 'darkorange', 'purple'];

/** ReLU, Leaky ReLU and the variants on one chart, each shown or hidden with its own toggle. */
export default function ActivationComparison({ alpha = 0.1 }: { readonly alpha?: number }): React.JSX.Element {
  const x = useMemo(comparisonInputs, []);
  const curves = useMemo(() => activationCurves(x, alpha), [x, alpha]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const figure = useMemo<PlotlyFigure>(
    () => ({
      data: curves.map((curve, index) => ({
        type: 'scatter',
        mode: 'lines',
        name: curve.name,
        x,
        y: curve.y,
        visible: hidden.has(curve.name) ? 'legendonly' : true,
        line: { color: COLORS[index % COLORS.length], width: 2, dash: index === 0 ? 'dash' : 'solid' },
      })),
      layout: {
        title: { text: 'ReLU, Leaky ReLU and the variants' },
        xaxis: { title: { text: 'Input (x)' }, showgrid: true },
        yaxis: { title: { text: 'Output' }, showgrid: true },
        legend: { x: 0.01, y: 0.99 },
      },
    }),
    [curves, hidden, x],
  );
  const toggle = (name: string): void =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  return (
    <div className={styles.demo} data-demo="activation-comparison">
      <div className={styles.controls}>
        {curves.map((curve) => (
          <label key={curve.name} className={styles.control}>
            <input type="checkbox" checked={!hidden.has(curve.name)} onChange={() => toggle(curve.name)} />
            {curve.name}
          </label>
        ))}
      </div>
      <PlotlyChart figure={figure} height={420} label="ReLU, Leaky ReLU and the variants" />
    </div>
  );
}
