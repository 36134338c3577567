import results from '@benchmark-results';
import React, { useMemo, useState } from 'react';
import styles from '../demo.module.css';
import { CHART_PICTURES } from '../plotly/chart-pictures';
import PlotlyChart from '../plotly/PlotlyChart';
import { benchmarkFigure, benchmarkOps } from '../../figures/benchmark-figure';

/**
 * The committed results of `npm run bench`, charted per op, with the
 * machine they were measured on and the goals they meet or miss.
 */
export default function BenchmarkChart(): React.JSX.Element {
  const ops = useMemo(() => (results ? benchmarkOps(results) : []), []);
  const [op, setOp] = useState(ops[0] ?? 'forward');
  const figure = useMemo(() => (results ? benchmarkFigure(results, op) : undefined), [op]);
  if (!results || !figure) {
    return (
      <div className={styles.demo} data-demo="benchmark-chart" data-results="none">
        No benchmark results are committed yet. <code>npm run bench</code> measures them on your
        machine, and this chart draws them once the file is committed.
      </div>
    );
  }
  const { environment } = results;
  return (
    <div className={styles.demo} data-demo="benchmark-chart">
      <div className={styles.controls} role="radiogroup" aria-label="Operation">
        {ops.map((name) => (
          <label key={name} className={styles.control}>
            <input type="radio" name="benchmark-op" checked={name === op} onChange={() => setOp(name)} />
            {name}
          </label>
        ))}
      </div>
      <PlotlyChart figure={figure} height={CHART_PICTURES['benchmark-chart'].height} label={`Benchmark of ${op}`} pictures="benchmark-chart" engaged={op !== ops[0]} />
      <p className={styles.readout}>
        Measured with Node {environment.node} on {environment.cpu ?? 'an unnamed CPU'} ({environment.cores} cores), WebAssembly SIMD{' '}
        {environment.simd ? 'on' : 'off'}, {environment.date.slice(0, 10)}
        {environment.torch ? `; torch ${environment.torch} and NumPy ${environment.numpy ?? '?'} in their own process` : ''}.
      </p>
      <ul>
        {results.goals.map(({ goal, met }) => (
          <li key={goal}>
            <strong>{met ? 'met' : 'missed'}</strong>: {goal.replace(/`/g, '')}
          </li>
        ))}
      </ul>
    </div>
  );
}
