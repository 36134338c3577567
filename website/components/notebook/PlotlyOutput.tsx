import React from 'react';
import type { PlotlyFigure } from '../plotly/figure';
import PlotlyChart from '../plotly/PlotlyChart';

/**
 * A cell's Plotly figure, drawn live: it zooms, hovers and follows the colour
 * mode. Until then the page shows the picture the notebook saved with it.
 */
export default function PlotlyOutput({ figure, picture }: { readonly figure: PlotlyFigure; readonly picture?: string }): React.JSX.Element {
  const title = (figure.layout.title as { text?: string } | undefined)?.text;
  return (
    <div data-cell-output="plotly">
      <PlotlyChart figure={figure} picture={picture} label={title ?? 'A chart from the notebook'} />
    </div>
  );
}
