// The components a notebook's generated page uses (website/build/notebook-to-mdx.mjs).
export { default as CellOutput } from './CellOutput';
export { default as HtmlOutput } from './HtmlOutput';
export { default as ImageOutput } from './ImageOutput';
export { default as NotebookCells } from './NotebookCells';
export { default as NotebookHeader } from './NotebookHeader';
export { default as PlotlyOutput } from './PlotlyOutput';
