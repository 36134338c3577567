import React, { useMemo, useState } from 'react';
import styles from '../demo.module.css';
import PlotlyChart from '../plotly/PlotlyChart';
import { CHART_PICTURES, PICTURED_ALPHA } from '../plotly/chart-pictures';
import { activationComparison } from '../../figures/activation-curves';

/** ReLU, Leaky ReLU and the variants on one chart, each shown or hidden with its own toggle. */
export default function ActivationComparison({ alpha = PICTURED_ALPHA }: { readonly alpha?: number }): React.JSX.Element {
  const curves = useMemo(() => activationComparison(alpha), [alpha]);
  const names = curves.data.map((trace) => String(trace.name));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const figure = useMemo(
    () => ({ ...curves, data: curves.data.map((trace) => ({ ...trace, visible: hidden.has(String(trace.name)) ? 'legendonly' : true })) }),
    [curves, hidden],
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
        {names.map((name) => (
          <label key={name} className={styles.control}>
            <input type="checkbox" checked={!hidden.has(name)} onChange={() => toggle(name)} />
            {name}
          </label>
        ))}
      </div>
      <PlotlyChart
        figure={figure}
        height={CHART_PICTURES['activation-comparison'].height}
        label="ReLU, Leaky ReLU and the variants"
        {...(alpha === PICTURED_ALPHA ? { pictures: 'activation-comparison' } : {})}
        engaged={hidden.size > 0}
      />
    </div>
  );
}
