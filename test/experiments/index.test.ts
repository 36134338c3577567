import { describe, expect, it } from 'vitest';
import * as experiments from 'leaky-relu/experiments';

describe('the leaky-relu/experiments entry point', () => {
  it('exports the experiment API by its documented names', () => {
    expect(Object.keys(experiments).sort()).toEqual(
      [
        'backward',
        'createAdam',
        'createDyingReluRun',
        'createMlp',
        'createRandom',
        'formatRow',
        'forward',
        'lossFigure',
        'makeCurveDataset',
        'preluSlopesFigure',
        'runDyingRelu',
        'sgdStep',
        'trainingFigure',
        'unitsFigure',
      ].sort(),
    );
  });
});
