import React from 'react';
import type { PlotlyFigure } from '../plotly/figure';
import PlotlyChart from '../plotly/PlotlyChart';

/** A figure a run showed, drawn live at once: the reader asked for it. */
export default function FigureOutput({ figure }: { readonly figure: PlotlyFigure }): React.JSX.Element {
  const title = (figure.layout.title as { text?: string } | undefined)?.text;
  return <PlotlyChart figure={figure} label={title ?? 'A chart from the code run'} engaged />;
}
