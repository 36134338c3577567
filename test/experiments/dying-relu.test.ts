import { describe, expect, it } from 'vitest';
import { createDyingReluRun, runDyingRelu } from 'leaky-relu/experiments';

const EPOCHS = 60;
const SEEDS = [1, 2, 3, 4, 5, 6];

describe('the dying-ReLU experiment', () => {
  const runs = SEEDS.map((seed) => ({
    seed,
    relu: runDyingRelu({ alpha: 0, seed }, EPOCHS),
    leaky: runDyingRelu({ alpha: 0.01, seed }, EPOCHS),
  }));
  const finals = runs.map(({ seed, relu, leaky }) => ({ seed, relu: relu.at(-1)!, leaky: leaky.at(-1)! }));

  it('kills ReLU units during training, on every seed', () => {
    for (const { seed, relu } of runs) expect(relu.at(-1)!.deadUnits, `seed ${seed}`).toBeGreaterThan(relu[0]!.deadUnits + 4);
  });

  it('ends with dead units under ReLU and none under Leaky ReLU, on every seed', () => {
    for (const { seed, relu, leaky } of finals) {
      expect(relu.deadUnits, `seed ${seed}`).toBeGreaterThan(relu.totalUnits / 4);
      expect(leaky.deadUnits, `seed ${seed}`).toBe(0);
    }
  });

  it('ends with fewer inactive units and a lower loss under Leaky ReLU, on average over seeds', () => {
    for (const { seed, relu, leaky } of finals) expect(leaky.inactiveUnits, `seed ${seed}`).toBeLessThanOrEqual(relu.inactiveUnits);
    const mean = (pick: (final: (typeof finals)[number]) => number) =>
      finals.reduce((sum, final) => sum + pick(final), 0) / finals.length;
    expect(mean((f) => f.leaky.inactiveUnits)).toBeLessThan(mean((f) => f.relu.inactiveUnits));
    expect(mean((f) => f.leaky.loss)).toBeLessThan(mean((f) => f.relu.loss) / 2);
  });

  it('counts an inactive ReLU unit as dead: it gets no gradient', () => {
    for (const { relu } of finals) expect(relu.deadUnits).toBeGreaterThanOrEqual(relu.inactiveUnits);
  });

  it('replays exactly for the same options', () => {
    expect(runDyingRelu({ alpha: 0.01, seed: 3 }, 5)).toEqual(runDyingRelu({ alpha: 0.01, seed: 3 }, 5));
  });

  it('steps one epoch at a time and keeps the history', () => {
    const run = createDyingReluRun({ alpha: 0.01, hiddenSizes: [4], samples: 32 });
    expect(run.initial.epoch).toBe(0);
    expect(run.initial.totalUnits).toBe(4);
    const first = run.step();
    const second = run.step();
    expect([first.epoch, second.epoch]).toEqual([1, 2]);
    expect(run.history).toEqual([first, second]);
    expect(run.options).toMatchObject({ alpha: 0.01, learningRate: 0.05, optimizer: 'adam', biasShift: -0.5, seed: 1 });
  });

  it('learns a slope per hidden unit with learnableSlopes (PReLU), starting at alpha', () => {
    const run = createDyingReluRun({ alpha: 0.25, learnableSlopes: true, seed: 2 });
    const start = run.network.slopes!.map((slopes) => Array.from(slopes));
    for (let epoch = 0; epoch < 10; epoch++) run.step();
    const end = run.network.slopes!.map((slopes) => Array.from(slopes));
    expect(start.flat().every((slope) => slope === 0.25)).toBe(true);
    expect(end.flat().filter((slope) => slope !== 0.25).length).toBeGreaterThan(16);
    expect(run.history.at(-1)!.loss).toBeLessThan(run.initial.loss);
  });

  it('trains with plain SGD when asked', () => {
    const reports = runDyingRelu({ alpha: 0.01, optimizer: 'sgd', learningRate: 0.01, biasShift: 0 }, 20);
    expect(reports.at(-1)!.loss).toBeLessThan(reports[0]!.loss);
  });

  it('rejects a bad alpha, batch size or epoch count', () => {
    expect(() => createDyingReluRun({ alpha: NaN })).toThrow(new RangeError('options.alpha must be a finite number, got NaN'));
    expect(() => createDyingReluRun({ alpha: '0' as never })).toThrow(TypeError);
    expect(() => createDyingReluRun({ alpha: 0, batchSize: 0 })).toThrow(
      new RangeError('options.batchSize must be a whole number, 1 or more, got 0'),
    );
    expect(() => runDyingRelu({ alpha: 0 }, -1)).toThrow(new RangeError('epochs must be a whole number, 0 or more, got -1'));
  });
});
