import React from 'react';
import styles from './notebook.module.css';

export interface CellOutputProps {
  /** `stdout` and `stderr` are streams, `result` a cell's value, `error` a traceback. */
  readonly kind: 'stdout' | 'stderr' | 'result' | 'error';
  /** The output, as text: React shows it as written, whatever it contains. */
  readonly text: string;
}

/** A cell's text output, shown under its code. */
export default function CellOutput({ kind, text }: CellOutputProps): React.JSX.Element {
  return (
    <pre className={`${styles.output} ${styles[kind]}`} data-cell-output={kind}>
      {text.replace(/\n$/, '')}
    </pre>
  );
}
