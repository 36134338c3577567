import { describe, expect, it } from 'vitest';
import { leakyRelu, leakyReluDerivative, linspace, prelu, rrelu } from 'leaky-relu';
import { activationComparisonFigure, alphaComparisonFigure, leakyReluFigure, plotThemes } from 'leaky-relu/plot';

const specX = Array.from(linspace(-10, 10, 100));

/** Every element the same number, -0 and NaN included. */
function expectSameNumbers(actual: number[], expected: ArrayLike<number>): void {
  expect(Array.isArray(actual), 'a plain array, not a typed array').toBe(true);
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, index) => expect(Object.is(value, expected[index]), `element ${index}`).toBe(true));
}

describe('leakyReluFigure()', () => {
  const figure = leakyReluFigure();
  const [curve, derivative] = figure.data;

  it('has the spec figure’s two traces, in plt.plot order', () => {
    expect(figure.data).toHaveLength(2);
    expect(curve!.name).toBe('Leaky ReLU Function');
    expect(derivative!.name).toBe('Leaky ReLU Derivative');
  });

  it('samples x = np.linspace(-10, 10, 100), as plain arrays', () => {
    expectSameNumbers(curve!.x, specX);
    expectSameNumbers(derivative!.x, specX);
    expect(curve!.x).not.toBe(derivative!.x);
  });

  it('takes y from leakyRelu(x) and the derivative from leakyReluDerivative(x), alpha = 0.01', () => {
    expectSameNumbers(curve!.y, leakyRelu(specX, 0.01));
    expectSameNumbers(derivative!.y, leakyReluDerivative(specX, 0.01));
  });

  it("draws the function solid blue (color='blue') and the derivative dashed red (linestyle='--')", () => {
    expect(curve).toMatchObject({ type: 'scatter', mode: 'lines', line: { color: 'blue', dash: 'solid', width: 2 } });
    expect(derivative).toMatchObject({ type: 'scatter', mode: 'lines', line: { color: 'red', dash: 'dash', width: 2 } });
  });

  it('has the spec’s title, axis titles, legend and grid, at 1000×600 for figsize=(10, 6)', () => {
    expect(figure.layout.title).toEqual({ text: 'Leaky ReLU Activation Function and Its Derivative' });
    expect(figure.layout.xaxis?.title).toEqual({ text: 'Input (x)' });
    expect(figure.layout.yaxis?.title).toEqual({ text: 'Output' });
    expect(figure.layout.showlegend).toBe(true);
    expect(figure.layout.xaxis?.showgrid).toBe(true);
    expect(figure.layout.yaxis?.showgrid).toBe(true);
    expect(figure.layout.width).toBe(1000);
    expect(figure.layout.height).toBe(600);
  });

  it('looks like Matplotlib’s defaults: white, framed, no zero line', () => {
    expect(figure.layout).toMatchObject({ paper_bgcolor: 'white', plot_bgcolor: 'white' });
    for (const axis of [figure.layout.xaxis, figure.layout.yaxis]) {
      expect(axis).toMatchObject({ showline: true, mirror: true, zeroline: false, linecolor: 'black' });
    }
  });

  it('is plain JSON: serialising and parsing it gives it back', () => {
    expect(JSON.parse(JSON.stringify(figure))).toEqual(figure);
  });

  it('returns a new figure each call, so editing one edits neither the next nor the theme', () => {
    const edited = leakyReluFigure();
    edited.layout.xaxis!.gridcolor = 'pink';
    edited.data[0]!.x[0] = 99;
    expect(leakyReluFigure()).toEqual(figure);
    expect(plotThemes.light.layout.xaxis?.gridcolor).toBe('#b0b0b0');
  });

  it('takes alpha, range and points', () => {
    const custom = leakyReluFigure({ alpha: 0.2, range: [-1, 3], points: 5 });
    expectSameNumbers(custom.data[0]!.x, [-1, 0, 1, 2, 3]);
    expectSameNumbers(custom.data[0]!.y, [-0.2, 0, 1, 2, 3]);
    expectSameNumbers(custom.data[1]!.y, [0.2, 1, 1, 1, 1]);
  });

  it('with showDerivative: false, draws the function alone', () => {
    expect(leakyReluFigure({ showDerivative: false }).data.map((trace) => trace.name)).toEqual(['Leaky ReLU Function']);
  });

  it('with markZero, marks x = 0 on the x >= 0 branch: f(0) = 0, f′(0) = 1 filled, the left limit alpha open', () => {
    const marks = leakyReluFigure({ alpha: 0.1, markZero: true }).data[2]!;
    expect(marks).toMatchObject({ type: 'scatter', mode: 'markers', name: 'x = 0 takes the x ≥ 0 branch' });
    expect(marks.x).toEqual([0, 0, 0]);
    expect(marks.y).toEqual([0, 1, 0.1]);
    expect(marks.marker?.color).toEqual(['blue', 'red', 'white']);
    expect(marks.marker?.line?.color).toEqual(['blue', 'red', 'red']);
    const alone = leakyReluFigure({ markZero: true, showDerivative: false }).data[1]!;
    expect([alone.x, alone.y]).toEqual([[0], [0]]);
  });

  it('with theme: dark, keeps the data and changes the colours', () => {
    const dark = leakyReluFigure({ theme: 'dark' });
    expect(dark.data.map((trace) => trace.line?.color)).toEqual(plotThemes.dark.palette.slice(0, 2));
    expect(dark.layout.paper_bgcolor).toBe(plotThemes.dark.layout.paper_bgcolor);
    expect(dark.data.map((trace) => trace.y)).toEqual(figure.data.map((trace) => trace.y));
    expect(dark.layout.title).toEqual(figure.layout.title);
  });

  it('throws a TypeError for an option of the wrong type', () => {
    expect(() => leakyReluFigure(null as never)).toThrow(new TypeError('options must be an object, got null'));
    expect(() => leakyReluFigure({ alpha: '0.1' as never })).toThrow(
      new TypeError('options.alpha must be a number, got "0.1" (string)'),
    );
    expect(() => leakyReluFigure({ range: 10 as never })).toThrow(
      new TypeError('options.range must be an array [start, stop], got 10'),
    );
    expect(() => leakyReluFigure({ points: '9' as never })).toThrow(
      new TypeError('options.points must be a number, got "9" (string)'),
    );
    expect(() => leakyReluFigure({ showDerivative: 1 as never })).toThrow(
      new TypeError('options.showDerivative must be a boolean, got 1'),
    );
  });

  it('throws a RangeError for a value out of range', () => {
    expect(() => leakyReluFigure({ alpha: NaN })).toThrow(new RangeError('options.alpha must be a finite number, got NaN'));
    expect(() => leakyReluFigure({ range: [0, Infinity] })).toThrow(
      new RangeError('options.range[1] must be a finite number, got Infinity'),
    );
    expect(() => leakyReluFigure({ range: [10, -10] })).toThrow(
      new RangeError('options.range must go up, start < stop, got [10, -10]'),
    );
    expect(() => leakyReluFigure({ points: 2.5 })).toThrow(
      new RangeError('options.points must be a whole number, 2 or more, got 2.5'),
    );
    expect(() => leakyReluFigure({ theme: 'blue' as never })).toThrow(
      new RangeError(`options.theme must be 'light' or 'dark', got "blue" (string)`),
    );
  });
});

describe('alphaComparisonFigure(alphas)', () => {
  it('draws one leakyRelu curve per alpha, in order, named by its alpha', () => {
    const alphas = [0.01, 0.1, 0.3, -0.5];
    const figure = alphaComparisonFigure(alphas);
    expect(figure.data.map((trace) => trace.name)).toEqual(['alpha = 0.01', 'alpha = 0.1', 'alpha = 0.3', 'alpha = -0.5']);
    figure.data.forEach((trace, index) => {
      expectSameNumbers(trace.x, specX);
      expectSameNumbers(trace.y, leakyRelu(specX, alphas[index]));
      expect(trace.line).toEqual({ color: plotThemes.light.palette[index], dash: 'solid', width: 2 });
    });
    expect(figure.layout).toMatchObject({ title: { text: 'Leaky ReLU for Different Values of Alpha' }, width: 1000, height: 600 });
  });

  it('cycles the palette past its length', () => {
    const alphas = Array.from({ length: plotThemes.light.palette.length + 1 }, (_, index) => index / 10);
    expect(alphaComparisonFigure(alphas).data.at(-1)!.line?.color).toBe(plotThemes.light.palette[0]);
  });

  it('throws a TypeError for alphas that are not an array of numbers', () => {
    expect(() => alphaComparisonFigure(0.1 as never)).toThrow(new TypeError('alphas must be an array of numbers, got 0.1'));
    expect(() => alphaComparisonFigure([0.1, '0.2' as never])).toThrow(
      new TypeError('alphas[1] must be a number, got "0.2" (string)'),
    );
  });

  it('throws a RangeError for no alpha or a non-finite one', () => {
    expect(() => alphaComparisonFigure([])).toThrow(new RangeError('alphas must hold at least one alpha, got Array(0)'));
    expect(() => alphaComparisonFigure([0.1, Infinity])).toThrow(
      new RangeError('alphas[1] must be a finite number, got Infinity'),
    );
  });
});

describe('activationComparisonFigure()', () => {
  const figure = activationComparisonFigure();
  const [relu, leaky, elu] = figure.data;

  it('draws ReLU as leakyRelu(x, 0) and Leaky ReLU as leakyRelu(x, 0.1)', () => {
    expect(figure.data.map((trace) => trace.name)).toEqual(['ReLU', 'Leaky ReLU (alpha = 0.1)', 'ELU (alpha = 1)']);
    expectSameNumbers(relu!.y, leakyRelu(specX, 0));
    expectSameNumbers(leaky!.y, leakyRelu(specX, 0.1));
  });

  it('draws ELU as x for x >= 0 and alpha·(eˣ − 1) below', () => {
    elu!.x.forEach((x, index) => {
      if (x >= 0) expect(elu!.y[index]).toBe(x);
      else expect(elu!.y[index]).toBeCloseTo(Math.exp(x) - 1, 15);
    });
    const scaled = activationComparisonFigure({ eluAlpha: 2, range: [-1, 1], points: 3 }).data[2]!;
    expect(scaled.name).toBe('ELU (alpha = 2)');
    expect(scaled.y).toEqual([2 * Math.expm1(-1), 0, 1]);
  });

  it('adds PReLU at slope 0.25 and RReLU in evaluation, dotted, from their ops, with variants: true', () => {
    const withVariants = activationComparisonFigure({ alpha: 0.2, variants: true });
    expect(withVariants.data.slice(0, 3)).toEqual(activationComparisonFigure({ alpha: 0.2 }).data);
    const [preluTrace, rreluTrace] = withVariants.data.slice(3);
    expect([preluTrace!.name, rreluTrace!.name]).toEqual(['PReLU (initial slope 0.25)', 'RReLU in evaluation (slope 11/48)']);
    expectSameNumbers(preluTrace!.y, prelu(specX, [0.25]));
    expectSameNumbers(rreluTrace!.y, rrelu(specX).output);
    expect([preluTrace!.line, rreluTrace!.line]).toEqual([
      { color: plotThemes.light.palette[3], width: 2, dash: 'dot' },
      { color: plotThemes.light.palette[4], width: 2, dash: 'dot' },
    ]);
    expect(withVariants.layout.title).toEqual({ text: 'ReLU, Leaky ReLU and the variants' });
    expect(() => activationComparisonFigure({ variants: 1 as never })).toThrow(TypeError);
  });

  it('throws a RangeError for a non-finite alpha', () => {
    expect(() => activationComparisonFigure({ eluAlpha: NaN })).toThrow(
      new RangeError('options.eluAlpha must be a finite number, got NaN'),
    );
  });
});
