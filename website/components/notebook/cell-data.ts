// What website/build/notebook-to-mdx.mjs writes for a run of code and raw
// cells: plain data, which NotebookCells shows. Every string in it came from
// a notebook, so a component shows it as text, except `html`, which the
// converter sanitised or made itself (KaTeX, markdown without raw HTML).
import type { PlotlyFigure } from '../plotly/figure';

export type OutputData =
  | { readonly type: 'text'; readonly kind: 'stdout' | 'stderr' | 'result' | 'error'; readonly text: string }
  | { readonly type: 'html'; readonly html: string }
  | { readonly type: 'rendered'; readonly kind: 'latex' | 'markdown'; readonly html: string }
  | { readonly type: 'image'; readonly src: string }
  | { readonly type: 'plotly'; readonly figure: PlotlyFigure; readonly picture?: string }
  | { readonly type: 'javascript'; readonly text: string }
  | { readonly type: 'notice'; readonly kind: 'held-back' | 'blocked'; readonly text: string };

export type CellData =
  | { readonly type: 'code'; readonly language: string; readonly source: string; readonly outputs: readonly OutputData[] }
  | { readonly type: 'raw'; readonly format?: string; readonly source: string };
