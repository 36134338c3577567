import { useBaseUrlUtils } from '@docusaurus/useBaseUrl';
import React, { lazy, Suspense, useEffect, useRef, useState } from 'react';
import manifest from './chart-pictures.json';
import { PICTURE_WIDTHS, picturePath, type ChartPictureName } from './chart-pictures';
import type { PlotlyViewProps } from './PlotlyView';
import styles from './plotly.module.css';

// plotly.js is 1.4 MB gzipped: it is fetched, in a chunk of its own, only
// when the live chart is wanted, and only in the browser (it needs `window`).
const PlotlyView = lazy(() => import('./PlotlyView'));

/** How far below the viewport a chart starts loading: about a phone screen ahead of the reader. */
const NEAR_VIEWPORT = '800px 0px';

export interface PlotlyChartProps extends PlotlyViewProps {
  /** A static picture of the chart (a PNG `data:` URL, as a notebook saves it), shown until the live chart has loaded. */
  readonly picture?: string;
  /** A demo's static pictures of its first state (chart-pictures.ts), in both colour modes, wide and narrow. */
  readonly pictures?: ChartPictureName;
  /** The reader has changed the demo, so its picture no longer shows it: the live chart loads now. */
  readonly engaged?: boolean;
}

/**
 * A Plotly chart that follows the site's colour mode and the width of its
 * container. The page shows the chart's static picture (or an empty frame of
 * its height) first. With a mouse, the live chart replaces it when it comes
 * near the viewport. On a touch screen it does when the reader taps it (or
 * changes the demo): a phone pays plotly.js's download and its seconds of
 * parsing only for a chart the reader wants to explore. The page does not jump.
 */
export default function PlotlyChart({ picture, pictures, engaged = false, ...props }: PlotlyChartProps): React.JSX.Element {
  const frame = useRef<HTMLDivElement>(null);
  const [live, goLive] = useLive(frame, engaged);
  const height = props.height ?? 450;
  const label = props.label ?? 'A chart';
  const placeholder = (
    <div onClick={goLive} data-chart-placeholder="">
      {pictures ? (
        <DemoPictures name={pictures} label={label} />
      ) : picture ? (
        <img className={styles.picture} src={picture} alt={label} style={{ height }} />
      ) : (
        <div className={styles.placeholder} style={{ height }} role="img" aria-label={`${label} (loading)`} />
      )}
      <button type="button" className={`button button--sm button--secondary ${styles.liveButton}`} onClick={goLive} data-chart-live-button="">
        Explore the live chart
      </button>
    </div>
  );
  return (
    <div ref={frame} className={styles.frame} style={{ minHeight: height }}>
      {live ? (
        <Suspense fallback={placeholder}>
          <PlotlyView {...props} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}

/**
 * A demo's four pictures, of which the page shows one: the colour mode's, at
 * the width that fits the container (CSS picks, so it is right before any
 * script runs). They load lazily, so the hidden three are never fetched.
 */
function DemoPictures({ name, label }: { readonly name: ChartPictureName; readonly label: string }): React.JSX.Element {
  const { withBaseUrl } = useBaseUrlUtils();
  const heights = Object.fromEntries(
    (['wide', 'narrow'] as const).map((size) => [`--${size}-height`, `${manifest[`${name}-light-${size}`].height}px`]),
  );
  return (
    <div className={styles.pictures} style={heights} data-chart-pictures={name}>
      {(['light', 'dark'] as const).flatMap((colorMode) =>
        (['wide', 'narrow'] as const).map((size) => (
          <img
            key={`${colorMode}-${size}`}
            className={`${styles.demoPicture} ${styles[colorMode]} ${styles[size]}`}
            src={withBaseUrl(picturePath(name, colorMode, size))}
            alt={label}
            width={PICTURE_WIDTHS[size]}
            height={manifest[`${name}-${colorMode}-${size}`].height}
            loading="lazy"
            decoding="async"
          />
        )),
      )}
    </div>
  );
}

/**
 * Whether the live chart is wanted, and the call that asks for it: at once
 * when `engaged`; with a fine pointer, when the element comes within
 * {@link NEAR_VIEWPORT} of the viewport; on a touch screen, only when asked.
 * It stays true once it is.
 */
function useLive(element: React.RefObject<HTMLElement | null>, engaged: boolean): [boolean, () => void] {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (live) return undefined;
    if (engaged) {
      setLive(true);
      return undefined;
    }
    const target = element.current;
    if (!target || matchMedia('(pointer: coarse)').matches) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLive(true);
    }, { rootMargin: NEAR_VIEWPORT });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, live, engaged]);
  return [live, () => setLive(true)];
}
