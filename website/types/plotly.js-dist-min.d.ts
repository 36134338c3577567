// The part of plotly.js the site calls. plotly.js-dist-min ships no types,
// and @types/plotly.js would pull in the types of the whole unbundled library.
declare module 'plotly.js-dist-min' {
  export interface PlotlyHoverPoint {
    readonly x: number;
    readonly y: number;
    readonly curveNumber: number;
  }
  export interface PlotlyElement extends HTMLDivElement {
    data: { x: ArrayLike<number>; y: ArrayLike<number>; name?: string; visible?: boolean | 'legendonly' }[];
    layout: Record<string, unknown>;
    on(event: 'plotly_hover', handler: (event: { points: PlotlyHoverPoint[] }) => void): void;
    on(event: 'plotly_unhover', handler: () => void): void;
  }
  const Plotly: {
    react(element: HTMLElement, figure: { data: readonly object[]; layout: object; frames?: readonly unknown[]; config?: object }): Promise<PlotlyElement>;
    purge(element: HTMLElement): void;
    Plots: { resize(element: HTMLElement): Promise<void> | void };
  };
  export default Plotly;
}
