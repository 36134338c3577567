import { useLocation } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import CodeBlock from '@theme/CodeBlock';
import React from 'react';
import type { CellData, OutputData } from './cell-data';
import KatexStylesheet from '../KatexStylesheet';
import CellOutput from './CellOutput';
import HtmlOutput from './HtmlOutput';
import ImageOutput from './ImageOutput';
import styles from './notebook.module.css';
import PlotlyOutput from './PlotlyOutput';
import { registerCell } from '../runner/run-all';
import RunnableCode from '../runner/RunnableCode';

/** A cell the page can run in its kernel: tslab's notebooks are TypeScript. */
const RUNNABLE_LANGUAGES = new Set(['typescript', 'ts']);

export interface NotebookCellsProps {
  /** A run of a notebook's code and raw cells, as the converter wrote them. */
  readonly cells: readonly CellData[];
  /** Where the site serves the `.ipynb`: a notice of an output held back links to it. */
  readonly downloadPath: string;
}

/**
 * A run of code and raw cells with their outputs. The cells come as data,
 * not as one MDX element each: a 10,000-cell notebook is then a page MDX
 * compiles in seconds, not minutes.
 */
export default function NotebookCells({ cells, downloadPath }: NotebookCellsProps): React.JSX.Element {
  const download = useBaseUrl(downloadPath);
  const { pathname } = useLocation();
  // A LaTeX or markdown output is KaTeX's markup, made by the converter, not
  // by the page's MDX: the page's maths plugin cannot see it to add the stylesheet.
  const rendersMaths = cells.some((cell) => cell.type === 'code' && cell.outputs.some((output) => output.type === 'rendered'));
  return (
    <>
      {rendersMaths && <KatexStylesheet />}
      {cells.map((cell, index) =>
        cell.type === 'raw' ? (
          <div key={index} data-cell="raw">
            <p className={styles.notice}>A raw cell{cell.format ? ` (${cell.format})` : ''}, shown as text:</p>
            <pre className={styles.output} data-cell-output="raw">
              {cell.source}
            </pre>
          </div>
        ) : (
          <div key={index} data-cell="code">
            {cell.source.trim() !== '' && RUNNABLE_LANGUAGES.has(cell.language) ? (
              <RunnableCode
                code={cell.source}
                mode="cell"
                runnerKey={pathname}
                register={registerCell}
                saved={cell.outputs.map((output, outputIndex) => (
                  <Output key={outputIndex} output={output} download={download} />
                ))}
              >
                <CodeBlock language={cell.language}>{cell.source}</CodeBlock>
              </RunnableCode>
            ) : (
              <>
                {cell.source.trim() !== '' && <CodeBlock language={cell.language}>{cell.source}</CodeBlock>}
                {cell.outputs.map((output, outputIndex) => (
                  <Output key={outputIndex} output={output} download={download} />
                ))}
              </>
            )}
          </div>
        ),
      )}
    </>
  );
}

function Output({ output, download }: { readonly output: OutputData; readonly download: string }): React.JSX.Element {
  switch (output.type) {
    case 'text':
      return <CellOutput kind={output.kind} text={output.text} />;
    case 'html':
      return <HtmlOutput html={output.html} />;
    case 'rendered':
      return <div className={styles.html} data-cell-output={output.kind} dangerouslySetInnerHTML={{ __html: output.html }} />;
    case 'image':
      return <ImageOutput src={output.src} />;
    case 'plotly':
      return <PlotlyOutput figure={output.figure} picture={output.picture} />;
    case 'javascript':
      return (
        <div data-cell-output="javascript">
          <p className={styles.notice}>A JavaScript output, which this site does not run. Its code:</p>
          <pre className={styles.output}>{output.text}</pre>
        </div>
      );
    case 'notice':
      return (
        <p className={styles.notice} data-cell-output="notice" data-notice={output.kind}>
          {output.text}
          {output.kind === 'held-back' && (
            <>
              {' '}
              <a href={download} download>
                Download the notebook
              </a>
              .
            </>
          )}
        </p>
      );
  }
}
