import { trainingFigure, type EpochReport } from 'leaky-relu/experiments';
import React, { useEffect, useMemo, useRef, useState } from 'react';
import styles from '../demo.module.css';
import { CHART_PICTURES } from '../plotly/chart-pictures';
import PlotlyChart from '../plotly/PlotlyChart';
import { DEFAULT_SETTINGS, MAX_EPOCHS, type TrainerCommand, type TrainerEvent, type TrainerSettings } from './messages';

const LEARNING_RATES = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1] as const;

/**
 * ReLU and Leaky ReLU networks trained side by side in a Web Worker, with
 * `createDyingReluRun` from leaky-relu/experiments, the code the notebook
 * runs: a live chart of dead units and loss, play, pause and reset, and the
 * learning rate and alpha (applied by a reset).
 */
export default function DyingReluTrainer(): React.JSX.Element {
  const worker = useRef<Worker | undefined>(undefined);
  const [settings, setSettings] = useState(DEFAULT_SETTINGS);
  const [history, setHistory] = useState<{ relu: EpochReport[]; leaky: EpochReport[] }>({ relu: [], leaky: [] });
  const [playing, setPlaying] = useState(false);

  const send = (command: TrainerCommand): void => worker.current?.postMessage(command);

  useEffect(() => {
    const trainer = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' });
    trainer.onmessage = (message: MessageEvent<TrainerEvent>) => {
      const event = message.data;
      if (event.type === 'paused') {
        setPlaying(false);
        return;
      }
      setHistory((previous) =>
        event.relu.epoch === 0
          ? { relu: [event.relu], leaky: [event.leaky] }
          : { relu: [...previous.relu, event.relu], leaky: [...previous.leaky, event.leaky] },
      );
    };
    worker.current = trainer;
    trainer.postMessage({ type: 'reset', settings: DEFAULT_SETTINGS } satisfies TrainerCommand);
    return () => trainer.terminate();
  }, []);

  const reset = (next: TrainerSettings): void => {
    setSettings(next);
    setPlaying(false);
    send({ type: 'reset', settings: next });
  };
  const toggle = (): void => {
    send({ type: playing ? 'pause' : 'play' });
    setPlaying(!playing);
  };

  const figure = useMemo(() => trainingFigure(history.relu, history.leaky, { alpha: settings.alpha }), [history, settings.alpha]);
  const relu = history.relu.at(-1);
  const leaky = history.leaky.at(-1);
  const epoch = relu?.epoch ?? 0;

  return (
    <div className={styles.demo} data-demo="dying-relu-trainer" data-epoch={epoch}>
      <div className={styles.controls}>
        <button type="button" className="button button--primary" onClick={toggle} disabled={epoch >= MAX_EPOCHS}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => reset(settings)}>
          Reset
        </button>
        <label className={styles.control}>
          Learning rate
          <select value={settings.learningRate} onChange={(event) => reset({ ...settings, learningRate: Number(event.target.value) })}>
            {LEARNING_RATES.map((rate) => (
              <option key={rate} value={rate}>
                {rate}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.control}>
          Leaky ReLU's α = {settings.alpha}
          <input
            type="range"
            min={0.001}
            max={0.3}
            step={0.001}
            value={settings.alpha}
            aria-label="Leaky ReLU's alpha"
            onChange={(event) => reset({ ...settings, alpha: Number(event.target.value) })}
          />
        </label>
      </div>
      <PlotlyChart figure={figure} height={CHART_PICTURES['dying-relu-trainer'].height} label="Dead units and loss during training" pictures="dying-relu-trainer" engaged={epoch > 0 || settings !== DEFAULT_SETTINGS} />
      <p className={`${styles.readout} ${styles.status}`} data-trainer-status="">
        Epoch {epoch} of {MAX_EPOCHS}.{' '}
        {relu && leaky
          ? `ReLU: ${relu.deadUnits} of ${relu.totalUnits} units dead, loss ${relu.loss.toFixed(4)}. ` +
            `Leaky ReLU: ${leaky.deadUnits} dead, ${leaky.inactiveUnits} inactive, ${leaky.recoveredUnits} recovered, loss ${leaky.loss.toFixed(4)}.`
          : 'Starting the worker…'}
      </p>
    </div>
  );
}
