import { leakyRelu, leakyReluDerivative } from 'leaky-relu';
import React, { useMemo, useState } from 'react';
import { CHART_PICTURES, PICTURED_ALPHA } from '../plotly/chart-pictures';
import PlotlyChart from '../plotly/PlotlyChart';
import styles from '../demo.module.css';
import { specFigure } from '../../figures/spec-figure';

/** How a number is shown in the read-outs: short, and `-0` kept as `-0`. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * Leaky ReLU and its derivative for an alpha chosen with a slider, drawn as
 * the spec's figure, with the values under the pointer and the convention
 * at 0, every number computed by the library in the browser.
 */
export default function AlphaExplorer({ initialAlpha = PICTURED_ALPHA }: { readonly initialAlpha?: number }): React.JSX.Element {
  const [alpha, setAlpha] = useState(initialAlpha);
  const [hoveredX, setHoveredX] = useState<number | undefined>(undefined);
  const figure = useMemo(() => specFigure(alpha), [alpha]);
  return (
    <div className={styles.demo} data-demo="alpha-explorer">
      <label className={styles.control}>
        <span>
          α = <output data-alpha="">{formatNumber(alpha)}</output>
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={alpha}
          aria-label="alpha, the slope for negative inputs"
          onChange={(event) => setAlpha(Number(event.target.value))}
        />
      </label>
      <PlotlyChart
        figure={figure}
        height={CHART_PICTURES['alpha-explorer'].height}
        label="Leaky ReLU and its derivative"
        onHover={(point) => setHoveredX(point?.x)}
        {...(initialAlpha === PICTURED_ALPHA ? { pictures: 'alpha-explorer' } : {})}
        engaged={alpha !== initialAlpha}
      />
      <p className={styles.readout} data-hover-readout="">
        {hoveredX === undefined ? (
          'Point at a curve to read its values.'
        ) : (
          <>
            At x = {formatNumber(hoveredX)}: <code>leakyRelu(x, {formatNumber(alpha)})</code> ={' '}
            {formatNumber(leakyRelu(hoveredX, alpha))}, <code>leakyReluDerivative(x, {formatNumber(alpha)})</code> ={' '}
            {formatNumber(leakyReluDerivative(hoveredX, alpha))}
          </>
        )}
      </p>
      <p className={styles.readout} data-zero-readout="">
        At 0 both zeros take the <code>x &gt;= 0</code> branch: <code>leakyRelu(-0)</code> is{' '}
        {formatNumber(leakyRelu(-0, alpha))}, and the derivative there is {formatNumber(leakyReluDerivative(0, alpha))}, not α (PyTorch's
        choice); its left limit is {formatNumber(leakyReluDerivative(-Number.MIN_VALUE, alpha))}.
      </p>
    </div>
  );
}
