import { useLocation } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import React, { useEffect, useState } from 'react';
import type { RunEnd } from './runner-client';
import { runAllCells } from './run-all';
import styles from './runner.module.css';

/**
 * A notebook page's Run all: a fresh kernel, then every cell in order, in
 * the reader's browser. While it runs, the button is Stop.
 */
export default function RunAll(): React.JSX.Element {
  const runnerUrl = useBaseUrl('/runner/');
  const { pathname } = useLocation();
  const [running, setRunning] = useState(false);
  const [end, setEnd] = useState<RunEnd | undefined>(undefined);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const runner = async () => (await import('./runner-client')).connect(runnerUrl, pathname);
  const runAll = async (): Promise<void> => {
    setRunning(true);
    setEnd(undefined);
    // A restart: the kernel's names from earlier runs are gone, as after Jupyter's "Restart and run all".
    (await runner()).stop();
    const ended = await runAllCells();
    setRunning(false);
    setEnd(ended);
  };
  return (
    <div className={styles.toolbar} data-run-all-end={end ?? (running ? 'running' : 'idle')}>
      <button
        type="button"
        className={`button button--sm ${running ? 'button--secondary' : 'button--primary'}`}
        disabled={!hydrated}
        onClick={() => (running ? void runner().then((connected) => connected.stop()) : void runAll())}
        aria-label={running ? 'Stop running the notebook' : 'Run all the cells, in order'}
        data-run-all-button=""
      >
        {running ? 'Stop' : 'Run all'}
      </button>
    </div>
  );
}
