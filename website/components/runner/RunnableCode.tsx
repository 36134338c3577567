import { useLocation } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import React, { lazy, Suspense, useEffect, useRef, useState } from 'react';
import CellOutput from '../notebook/CellOutput';
import type { RunMode } from './protocol';
import type { RunEnd, RunOutput } from './runner-client';
import styles from './runner.module.css';

// The live chart, and plotly.js behind it, load with a run's first figure.
const FigureOutput = lazy(() => import('./FigureOutput'));

/**
 * The reader's edits, by page and original code: they outlive a visit to
 * another page of the site, and end with a reload, as the page's state does.
 */
const edits = new Map<string, string>();

/** A block's run, as a notebook page's Run all drives it. */
export interface RunHandle {
  readonly element: HTMLElement;
  run(): Promise<RunEnd>;
}

export interface RunnableCodeProps {
  /** The code as the page shows it. */
  readonly code: string;
  readonly mode: RunMode;
  /** Which runner: a notebook page's kernel is its own. */
  readonly runnerKey: string;
  /** The code as highlighted, shown until the reader edits it. */
  readonly children: React.ReactNode;
  /** What the page shows under the code until it runs: a notebook cell's saved outputs. */
  readonly saved?: React.ReactNode;
  /** For a notebook's Run all: called with the block's handle when it mounts, and its cleanup when it unmounts. */
  readonly register?: (handle: RunHandle) => () => void;
}

/**
 * A code block the reader can run, edit and reset. Nothing runs until Run is
 * pressed; the runner (a sandboxed iframe and its Worker, ./runner-client.ts)
 * loads on the first run. While the code runs, Run becomes Stop, in place,
 * so the keyboard's focus stays on it.
 */
export default function RunnableCode({ code, mode, runnerKey, children, saved, register }: RunnableCodeProps): React.JSX.Element {
  const runnerUrl = useBaseUrl('/runner/');
  const editKey = `${useLocation().pathname}\n${code}`;
  const [source, setSourceState] = useState(() => edits.get(editKey) ?? code);
  const setSource = (next: string): void => {
    if (next === code) edits.delete(editKey);
    else edits.set(editKey, next);
    setSourceState(next);
  };
  const [editing, setEditing] = useState(() => edits.has(editKey));
  const [running, setRunning] = useState(false);
  const [outputs, setOutputs] = useState<readonly RunOutput[] | undefined>(undefined);
  const [end, setEnd] = useState<RunEnd | undefined>(undefined);
  const element = useRef<HTMLDivElement>(null);
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const stopRef = useRef<(() => void) | undefined>(undefined);
  // The buttons work once the page is hydrated; until then they are disabled, not dead.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const run = async (): Promise<RunEnd> => {
    setRunning(true);
    setEnd(undefined);
    setOutputs([]);
    const { connect } = await import('./runner-client');
    const runner = await connect(runnerUrl, runnerKey);
    stopRef.current = () => runner.stop();
    const ended = await runner.run(sourceRef.current, mode, (output) => setOutputs((previous) => [...(previous ?? []), output]));
    stopRef.current = undefined;
    setRunning(false);
    setEnd(ended);
    return ended;
  };

  useEffect(() => {
    if (!register || !element.current) return undefined;
    return register({ element: element.current, run });
    // The handle reads the current code through sourceRef, so it is registered once.
  }, []);

  const edited = source !== code;
  return (
    <div ref={element} className={styles.runnable} data-runnable={mode}>
      {editing ? (
        <textarea
          className={styles.editor}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          rows={Math.max(3, source.split('\n').length + 1)}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-label="The code, editable"
          data-run-editor=""
        />
      ) : (
        children
      )}
      <div className={styles.toolbar} role="group" aria-label="Run the code">
        <button
          type="button"
          className={`button button--sm ${running ? 'button--secondary' : 'button--primary'}`}
          onClick={() => (running ? stopRef.current?.() : void run())}
          disabled={!hydrated}
          aria-label={running ? 'Stop the code' : 'Run the code'}
          data-run-button=""
        >
          {running ? 'Stop' : 'Run'}
        </button>
        {!editing && (
          <button type="button" className="button button--sm button--secondary" onClick={() => setEditing(true)} disabled={!hydrated} aria-label="Edit the code" data-edit-button="">
            Edit
          </button>
        )}
        {(editing || edited || outputs !== undefined) && (
          <button
            type="button"
            className="button button--sm button--secondary"
            onClick={() => {
              stopRef.current?.();
              setSource(code);
              setEditing(false);
              setOutputs(undefined);
              setEnd(undefined);
            }}
            aria-label="Reset the code and its output"
            data-reset-button=""
          >
            Reset
          </button>
        )}
      </div>
      {outputs === undefined ? (
        saved
      ) : (
        <div className={styles.outputs} aria-live="polite" data-run-outputs="" data-run-end={end ?? 'running'}>
          {streams(outputs).map((output, index) =>
            output.kind === 'figure' ? (
              // The figure's place is there as the run ends; its chart loads with plotly.js.
              <div key={index} data-run-output="figure">
                <Suspense fallback={null}>
                  <FigureOutput figure={output.figure} />
                </Suspense>
              </div>
            ) : (
              <CellOutput key={index} kind={output.kind} text={output.text} />
            ),
          )}
          {end === 'stopped' && <p className={styles.notice}>Stopped.{mode === 'cell' ? ' The kernel restarts with the next run: run the cells above again.' : ''}</p>}
        </div>
      )}
    </div>
  );
}

/** The outputs as a notebook shows them: consecutive lines of one stream in one block. */
function streams(outputs: readonly RunOutput[]): RunOutput[] {
  const merged: RunOutput[] = [];
  for (const output of outputs) {
    const last = merged.at(-1);
    if (last && last.kind === output.kind && last.kind !== 'figure' && output.kind !== 'figure') merged[merged.length - 1] = { kind: last.kind, text: `${last.text}\n${output.text}` };
    else merged.push(output);
  }
  return merged;
}
