import { useColorMode } from '@docusaurus/theme-common';
import Plotly, { type PlotlyElement, type PlotlyHoverPoint } from 'plotly.js-dist-min';
import React, { useEffect, useRef, useState } from 'react';
import type { PlotlyFigure } from './figure';
import styles from './plotly.module.css';
import { NARROW_CHART, themedFigure } from './themed-figure';

export interface PlotlyViewProps {
  readonly figure: PlotlyFigure;
  /** The chart's height in pixels; its width is its container's. Default 450. */
  readonly height?: number;
  /** Called with the point under the pointer, and with `undefined` when it leaves the curves. */
  readonly onHover?: (point: PlotlyHoverPoint | undefined) => void;
  /** Names the chart for screen readers and for the tests. */
  readonly label?: string;
}

const CONFIG = {
  displaylogo: false,
  responsive: true,
  // plotly.js fetches a geo trace's maps from cdn.plot.ly unless told
  // otherwise. The site draws no geo trace (website/build/plotly-figure.mjs
  // refuses them), and should one get through, it asks this site, which
  // serves no maps, rather than another host.
  topojsonURL: '/no-topojson/',
};
/**
 * On a touch screen a drag scrolls the page and nothing zooms, so the mode
 * bar, whose buttons are zoom and pan, goes: it would only cover the title.
 */
const TOUCH_CONFIG = { ...CONFIG, displayModeBar: false };

/**
 * Draws a figure with plotly.js, redrawing when the figure, the colour mode
 * or the side of {@link NARROW_CHART} the container is on changes. The
 * element counts its redraws in `data-redraws` and names its colour mode in
 * `data-theme`, so a test can wait for a redraw.
 */
export default function PlotlyView({ figure, height = 450, onHover, label }: PlotlyViewProps): React.JSX.Element {
  const element = useRef<HTMLDivElement>(null);
  const redraws = useRef(0);
  const hover = useRef(onHover);
  hover.current = onHover;
  const { colorMode } = useColorMode();
  const [width, setWidth] = useState<number | undefined>(undefined);

  // Only crossing the narrow threshold relays the figure out; plotly.js's
  // `responsive` follows every other change of width by itself.
  useEffect(() => {
    const target = element.current!;
    const observer = new ResizeObserver(([entry]) => {
      const next = entry!.contentRect.width;
      setWidth((previous) => (previous === undefined || previous < NARROW_CHART !== next < NARROW_CHART ? next : previous));
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === undefined) return undefined;
    const target = element.current!;
    const touch = matchMedia('(pointer: coarse)').matches;
    const { data, layout } = themedFigure(figure, { colorMode, height, width, fontFamily: getComputedStyle(target).fontFamily, touch });
    let current = true;
    // The frames too: an `animate` button or slider step of a notebook figure needs them, and rejects without.
    void Plotly.react(target, { data, layout, frames: figure.frames, config: touch ? TOUCH_CONFIG : CONFIG }).then((plot: PlotlyElement) => {
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
  }, [figure, colorMode, height, width]);

  useEffect(() => {
    const target = element.current!;
    return () => Plotly.purge(target);
  }, []);

  return <div ref={element} className={styles.chart} role="figure" aria-label={label} data-plotly-chart="" />;
}
