import type { EpochReport } from 'leaky-relu/experiments';

/** The settings both runs share; ReLU is the run with alpha 0. */
export interface TrainerSettings {
  readonly learningRate: number;
  /** Leaky ReLU's alpha. */
  readonly alpha: number;
}

/** The settings the trainer starts with, and its static picture shows. */
export const DEFAULT_SETTINGS: TrainerSettings = { learningRate: 0.05, alpha: 0.01 };

/** What the page tells the worker. */
export type TrainerCommand =
  | { readonly type: 'reset'; readonly settings: TrainerSettings }
  | { readonly type: 'play' }
  | { readonly type: 'pause' };

/** What the worker tells the page: one epoch of both runs, or that it stopped. */
export type TrainerEvent =
  | { readonly type: 'epoch'; readonly relu: EpochReport; readonly leaky: EpochReport }
  | { readonly type: 'paused'; readonly reason: 'asked' | 'finished' };

/** Training stops by itself after this many epochs: the story is told well before. */
export const MAX_EPOCHS = 200;
