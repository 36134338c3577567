import BrowserOnly from '@docusaurus/BrowserOnly';
import React, { lazy, Suspense } from 'react';
import type { PlotlyViewProps } from './PlotlyView';
import styles from './plotly.module.css';

// plotly.js is 1.4 MB gzipped: it is fetched, in a chunk of its own, only
// when a chart is on the page, and only in the browser (it needs `window`).
const PlotlyView = lazy(() => import('./PlotlyView'));

/**
 * A Plotly chart that follows the site's colour mode and the width of its
 * container. Until plotly.js has loaded it keeps the chart's height, so the
 * page does not jump.
 */
export default function PlotlyChart(props: PlotlyViewProps): React.JSX.Element {
  const placeholder = <div className={styles.placeholder} style={{ height: props.height ?? 450 }} aria-label="Loading the chart" />;
  return (
    <BrowserOnly fallback={placeholder}>
      {() => (
        <Suspense fallback={placeholder}>
          <PlotlyView {...props} />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
