import React from 'react';
import styles from './notebook.module.css';

export interface HtmlOutputProps {
  /**
   * HTML already sanitised by the converter: no script, no event handler,
   * no `javascript:` URL survives it.
   */
  readonly html: string;
}

/** A cell's HTML output (a table, a styled message). */
export default function HtmlOutput({ html }: HtmlOutputProps): React.JSX.Element {
  return <div className={styles.html} data-cell-output="html" dangerouslySetInnerHTML={{ __html: html }} />;
}
