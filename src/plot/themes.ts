import type { Layout } from './figure.js';

/** The name of a layout theme: `'light'` (the default) or `'dark'`. */
export type ThemeName = 'light' | 'dark';

/** A layout theme: the layout attributes it sets, and the line colours, in the order traces take them. */
export interface FigureTheme {
  readonly layout: Readonly<Layout>;
  /** The first colour draws the function, the second its derivative, and so on. */
  readonly palette: readonly string[];
}

/** A theme from its colours: both themes set the same attributes, so switching one changes only colours. */
function theme(colors: { ground: string; text: string; frame: string; grid: string; palette: string[] }): FigureTheme {
  const axis = { showline: true, mirror: true, ticks: 'outside', zeroline: false, linecolor: colors.frame, gridcolor: colors.grid };
  return {
    layout: {
      paper_bgcolor: colors.ground,
      plot_bgcolor: colors.ground,
      font: { color: colors.text },
      xaxis: { ...axis },
      yaxis: { ...axis },
    },
    palette: colors.palette,
  };
}

/**
 * The two layout themes. `light` looks like Matplotlib's defaults, the
 * spec's figure: white, a black frame, a grey grid, `blue` then `red`.
 * `dark` is the same on a dark ground, with colours lightened for contrast.
 */
export const plotThemes: { readonly [name in ThemeName]: FigureTheme } = {
  light: theme({
    ground: 'white',
    text: 'black',
    frame: 'black',
    grid: '#b0b0b0',
    palette: ['blue', 'red', 'green', 'darkorange', 'purple', 'brown', 'magenta', 'gray'],
  }),
  dark: theme({
    ground: '#111418',
    text: '#e6e6e6',
    frame: '#9aa0a6',
    grid: '#3c4043',
    palette: ['#6ea8fe', '#ff6b6b', '#63e6be', '#ffc078', '#da77f2', '#e599f7', '#ffa8a8', '#ced4da'],
  }),
};
