import useBaseUrl from '@docusaurus/useBaseUrl';
import React from 'react';
import RunAll from '../runner/RunAll';
import styles from './notebook.module.css';
import { shellWord } from './shell-word';

export interface NotebookHeaderProps {
  /** The notebook's file name, e.g. `01-leaky-relu.ipynb`. */
  readonly fileName: string;
  /** Where the site serves the `.ipynb`. */
  readonly downloadPath: string;
}

/** The download link of a notebook's page, and how to run the notebook. */
export default function NotebookHeader({ fileName, downloadPath }: NotebookHeaderProps): React.JSX.Element {
  const download = useBaseUrl(downloadPath);
  return (
    <div className={styles.header} data-notebook-header="">
      <p>
        This page is the notebook <a href={download} download={fileName}>{fileName}</a>, with the outputs
        saved when it last ran. To run it yourself, on the <a href="https://github.com/yunabe/tslab">tslab</a> TypeScript
        kernel for Jupyter, in a folder holding the notebook:
      </p>
      <pre className={styles.command}>
        {`npm install leaky-relu plotly.js-dist-min tslab\nnpx tslab install --python=python3\njupyter notebook ${shellWord(fileName)}`}
      </pre>
      <p>
        In a clone of the repository, <code>npm run jupyter</code> opens every notebook on the project's own kernel.
      </p>
      <p data-cells-build-on-each-other="">
        The cells build on each other: a cell uses the imports and values of the cells above it, so a cell copied on its own
        may not run. Run them in order, or <a href={download} download={fileName}>download the whole notebook</a>.
      </p>
      <p>
        Or run it here, in your browser: Run all runs every cell in order, on the site's own build of leaky-relu, and each
        cell's Run runs it after the cells run before it. Edit a cell to try your own values.
      </p>
      <RunAll />
    </div>
  );
}
