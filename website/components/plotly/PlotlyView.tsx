import { useColorMode } from '@docusaurus/theme-common';
import Plotly, { type PlotlyElement, type PlotlyHoverPoint } from 'plotly.js-dist-min';
import React, { useEffect, useRef } from 'react';
import type { PlotlyFigure } from './figure';
import styles from './plotly.module.css';
import { themedFigure } from './themed-figure';

export interface PlotlyViewProps {
  readonly figure: PlotlyFigure;
  /** The chart's height in pixels; its width is its container's. Default 450. */
  readonly height?: number;
  /** Called with the point under the pointer, and with `undefined` when it leaves the curves. */
  readonly onHover?: (point: PlotlyHoverPoint | undefined) => void;
  /** Names the chart for screen readers and for the tests. */
  readonly label?: string;
}

const CONFIG = { displaylogo: false, responsive: true };

/**
 * Draws a figure with plotly.js, redrawing when the figure or the colour
 * mode changes. The element counts its redraws in `data-redraws` and names
 * its colour mode in `data-theme`, so a test can wait for a redraw.
 */
export default function PlotlyView({ figure, height = 450, onHover, label }: PlotlyViewProps): React.JSX.Element {
  const element = useRef<HTMLDivElement>(null);
  const redraws = useRef(0);
  const hover = useRef(onHover);
  hover.current = onHover;
  const { colorMode } = useColorMode();

  useEffect(() => {
    const target = element.current!;
    const { data, layout } = themedFigure(figure, colorMode, height);
    let current = true;
    void Plotly.react(target, data, layout, CONFIG).then((plot: PlotlyElement) => {
      if (!current) return;
      if (redraws.current === 0) {
        plot.on('plotly_hover', (event) => hover.current?.(event.points[0]));
        plot.on('plotly_unhover', () => hover.current?.(undefined));
      }
      redraws.current += 1;
      target.dataset.redraws = String(redraws.current);
      target.dataset.theme = colorMode;
    });
    return () => {
      current = false;
    };
  }, [figure, colorMode, height]);

  // `responsive` redraws the chart when its container changes size (plotly.js
  // watches the element itself, so a sidebar that opens counts, not only the window).
  useEffect(() => {
    const target = element.current!;
    return () => Plotly.purge(target);
  }, []);

  return <div ref={element} className={styles.chart} style={{ height }} role="figure" aria-label={label} data-plotly-chart="" />;
}
