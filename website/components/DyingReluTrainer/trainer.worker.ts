/// <reference lib="webworker" />
// Trains the dying-ReLU experiment off the page's thread: ReLU and Leaky ReLU
// side by side, one epoch of each per tick, reporting every epoch.
import { createDyingReluRun, type DyingReluRun } from 'leaky-relu/experiments';
import { MAX_EPOCHS, type TrainerCommand, type TrainerEvent, type TrainerSettings } from './messages';

declare const self: DedicatedWorkerGlobalScope;

/** A pause between epochs, so the chart animates rather than jumps to the end. */
const EPOCH_INTERVAL_MS = 40;

let runs: { relu: DyingReluRun; leaky: DyingReluRun } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

const send = (event: TrainerEvent): void => self.postMessage(event);

function reset(settings: TrainerSettings): void {
  pause();
  // The same seed: both runs share data, initial weights and batch order.
  runs = {
    relu: createDyingReluRun({ alpha: 0, learningRate: settings.learningRate }),
    leaky: createDyingReluRun({ alpha: settings.alpha, learningRate: settings.learningRate }),
  };
  send({ type: 'epoch', relu: runs.relu.initial, leaky: runs.leaky.initial });
}

function tick(): void {
  if (!runs) return;
  if (runs.relu.history.length >= MAX_EPOCHS) {
    timer = undefined;
    send({ type: 'paused', reason: 'finished' });
    return;
  }
  send({ type: 'epoch', relu: runs.relu.step(), leaky: runs.leaky.step() });
  timer = setTimeout(tick, EPOCH_INTERVAL_MS);
}

function pause(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

self.onmessage = (message: MessageEvent<TrainerCommand>) => {
  const command = message.data;
  if (command.type === 'reset') reset(command.settings);
  else if (command.type === 'play' && timer === undefined) tick();
  else if (command.type === 'pause') {
    pause();
    send({ type: 'paused', reason: 'asked' });
  }
};
