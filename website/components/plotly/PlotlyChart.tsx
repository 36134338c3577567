import React, { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { PlotlyViewProps } from './PlotlyView';
import styles from './plotly.module.css';

// plotly.js is 1.4 MB gzipped: it is fetched, in a chunk of its own, only
// when a chart comes near the viewport, and only in the browser (it needs `window`).
const PlotlyView = lazy(() => import('./PlotlyView'));

/** How far below the viewport a chart starts loading: about a phone screen ahead of the reader. */
const NEAR_VIEWPORT = '800px 0px';

export interface PlotlyChartProps extends PlotlyViewProps {
  /** A static picture of the chart (a PNG `data:` URL), shown until the live chart has loaded. */
  readonly picture?: string;
}

/**
 * A Plotly chart that follows the site's colour mode and the width of its
 * container. The page shows the chart's static picture, or an empty frame of
 * its height, until the chart comes near the viewport; then plotly.js loads
 * and the live chart replaces it. Either way the page does not jump.
 */
export default function PlotlyChart({ picture, ...props }: PlotlyChartProps): React.JSX.Element {
  const frame = useRef<HTMLDivElement>(null);
  const near = useNearViewport(frame);
  const height = props.height ?? 450;
  const label = props.label ?? 'A chart';
  const placeholder = picture ? (
    <img className={styles.picture} src={picture} alt={label} style={{ height }} data-chart-placeholder="" />
  ) : (
    <div className={styles.placeholder} style={{ height }} role="img" aria-label={`${label} (loading)`} data-chart-placeholder="" />
  );
  return (
    <div ref={frame} className={styles.frame} style={{ minHeight: height }}>
      {near ? (
        <Suspense fallback={placeholder}>
          <PlotlyView {...props} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}

/** Whether the element has come within {@link NEAR_VIEWPORT} of the viewport; it stays true once it has. */
function useNearViewport(element: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || near) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: NEAR_VIEWPORT });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}
