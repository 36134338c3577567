import { describe, expect, it } from 'vitest';
import { decadeTicks, trainingFigure } from '../../../../website/components/DyingReluTrainer/training-figure.js';

describe('decadeTicks', () => {
  it('labels a loss axis at the powers of ten only, in order, over whole decades', () => {
    expect(decadeTicks([0.0117121, 0.5, 1.000351])).toEqual({
      range: [-2, 1],
      tickvals: [0.01, 0.1, 1, 10],
      ticktext: ['10<sup>-2</sup>', '10<sup>-1</sup>', '1', '10<sup>1</sup>'],
    });
  });

  it('spans at least one decade, so a flat loss still gets two labels', () => {
    expect(decadeTicks([0.02, 0.03])).toEqual({ range: [-2, -1], tickvals: [0.01, 0.1], ticktext: ['10<sup>-2</sup>', '10<sup>-1</sup>'] });
  });

  it('leaves out values a log axis cannot show, and has a range before any epoch', () => {
    expect(decadeTicks([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.5]).range).toEqual([-1, 0]);
    expect(decadeTicks([]).range).toEqual([-2, 0]);
  });
});

describe('trainingFigure', () => {
  it('puts the loss on a log axis with the decade ticks of both runs', () => {
    const report = (epoch: number, loss: number) => ({ epoch, loss, deadUnits: 0, deadShare: 0, inactiveUnits: 0, recoveredUnits: 0, totalUnits: 32 });
    const figure = trainingFigure([report(0, 0.3), report(1, 0.05)], [report(0, 0.2), report(1, 0.004)], 0.01);
    expect(figure.layout.yaxis2).toMatchObject({ type: 'log', range: [-3, 0], tickvals: [0.001, 0.01, 0.1, 1] });
  });
});
