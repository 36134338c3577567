import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from 'leaky-relu';
import * as experiments from 'leaky-relu/experiments';
import * as plot from 'leaky-relu/plot';
import { booleanOption, oneOfOption, ownOptions, readOptions, wholeOption } from '../../src/base/options.js';

describe('readOptions(options, rules)', () => {
  const rules = { training: booleanOption, layout: oneOfOption(['a', 'b']), size: wholeOption(1) };

  it('reads each given option from its own data property, through its rule', () => {
    expect(readOptions({ training: true }, rules)).toEqual({ training: true });
    expect(readOptions(undefined, rules)).toEqual({});
    expect(readOptions({ size: undefined }, rules)).toEqual({});
  });

  it('refuses an option given by a getter or a setter, without calling it', () => {
    let calls = 0;
    const getter = {
      get training() {
        calls++;
        return true;
      },
    };
    const setter = Object.defineProperty({}, 'size', { set: () => calls++, enumerable: true });
    expect(() => readOptions(getter, rules)).toThrow(new TypeError('options.training must be a data property, got a getter or setter'));
    expect(() => readOptions(setter, rules)).toThrow(new TypeError('options.size must be a data property, got a getter or setter'));
    expect(calls).toBe(0);
  });

  it('reads nothing through the prototype chain, and returns no prototype to read defaults through', () => {
    const polluted = Object.prototype as Record<string, unknown>;
    polluted.training = 'false';
    polluted.layout = 'c';
    try {
      const read = readOptions({}, rules);
      expect(Object.getPrototypeOf(read)).toBe(null);
      expect(read.training).toBe(undefined);
      expect(read.layout).toBe(undefined);
      expect(readOptions(undefined, rules).size).toBe(undefined);
      expect(readOptions(Object.create({ size: 0 }) as object, rules)).toEqual({});
    } finally {
      delete polluted.training;
      delete polluted.layout;
    }
  });

  it('reads a Proxy through its descriptors, so its get trap never runs', () => {
    let gets = 0;
    const options = new Proxy({ size: 3 }, { get: () => (gets++, 'x') });
    expect(readOptions(options, rules)).toEqual({ size: 3 });
    expect(gets).toBe(0);
  });

  it('names a revoked Proxy, which Array.isArray throws on', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => readOptions(proxy, rules)).toThrow(new TypeError('options must be an object, got a revoked Proxy'));
  });

  it.each([
    [null, TypeError, 'options must be an object, got null'],
    [[], TypeError, 'options must be an object, got Array(0)'],
    ['x', TypeError, 'options must be an object, got "x" (string)'],
    [{ trainig: true }, TypeError, 'options.trainig is not an option; the options are: training, layout, size'],
    [{ training: 'false' }, TypeError, 'options.training must be a boolean, got "false" (string)'],
    [{ layout: 1 }, TypeError, "options.layout must be one of 'a', 'b', got 1"],
    [{ layout: 'c' }, RangeError, `options.layout must be one of 'a', 'b', got "c" (string)`],
    [{ size: '4' }, TypeError, 'options.size must be a number, got "4" (string)'],
    [{ size: 0 }, RangeError, 'options.size must be a whole number, 1 or more, got 0'],
  ] as const)('rejects %o with a %o', (options, type, message) => {
    expect(() => readOptions(options, rules)).toThrow(new type(message));
  });

  it('ownOptions gives the own data properties, in an object with no prototype', () => {
    const given = ownOptions<{ a?: number; b?: number }>(Object.assign(Object.create({ b: 2 }) as object, { a: 1 }), ['a', 'b']);
    expect(Object.getPrototypeOf(given)).toBe(null);
    expect({ ...given }).toEqual({ a: 1 });
    expect({ ...ownOptions<{ a?: number }>(undefined, ['a']) }).toEqual({});
    expect(() => ownOptions({ get a() { return 1; } }, ['a'])).toThrow(new TypeError('options.a must be a data property, got a getter or setter'));
  });
});

// Every export of the three entry points, with its arguments' contract. A new
// export fails 'covers every export' until it is listed here with its contract.
type Kind =
  | 'undefined'
  | 'null'
  | 'boolean'
  | 'number'
  | 'bigint'
  | 'string'
  | 'symbol'
  | 'function'
  | 'array'
  | 'float32'
  | 'float64'
  | 'int32'
  | 'object';

const KINDS: { readonly [kind in Kind]: fc.Arbitrary<unknown> } = {
  undefined: fc.constant(undefined),
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.double(),
  bigint: fc.bigInt(),
  string: fc.string(),
  symbol: fc.string().map((description) => Symbol(description)),
  function: fc.func(fc.anything()),
  array: fc.array(fc.anything(), { maxLength: 4 }),
  float32: fc.float32Array({ maxLength: 4 }),
  float64: fc.float64Array({ maxLength: 4 }),
  int32: fc.int32Array({ maxLength: 4 }),
  object: fc.object({ maxDepth: 1 }),
};

/** A value of none of the `accepted` kinds. */
function wrongValue(accepted: readonly Kind[]): fc.Arbitrary<unknown> {
  return fc.oneof(...(Object.keys(KINDS) as Kind[]).filter((kind) => !accepted.includes(kind)).map((kind) => KINDS[kind]));
}

interface Parameter {
  readonly name: string;
  readonly accepts: readonly Kind[];
}

interface Contract {
  /** Valid arguments, made anew for each call. */
  readonly valid: () => unknown[];
  readonly parameters: readonly Parameter[];
  /** The index of the options argument, and each option's accepted kinds. */
  readonly options?: { readonly at: number; readonly keys: { readonly [key: string]: readonly Kind[] } };
}

const numeric: readonly Kind[] = ['number', 'array', 'float32', 'float64'];
const arrays: readonly Kind[] = ['array', 'float32', 'float64'];
const optional = (...kinds: Kind[]): readonly Kind[] => ['undefined', ...kinds];
const network = () => experiments.createMlp([1, 2, 1], 0.01, experiments.createRandom(1));
const figure = () => plot.leakyReluFigure({ points: 2 });
const reports = () => experiments.runDyingRelu({ alpha: 0.01, samples: 4, hiddenSizes: [2] }, 1);
const curveOptions = { range: ['array'], points: ['number'], theme: ['string'] } as const;
const elementwiseOptions = { at: 2, keys: { out: optional('array'), convention: ['string'] } } as const;

const CONTRACTS: { readonly [name: string]: Contract } = {
  leakyRelu: {
    valid: () => [[-1, 2], 0.1, {}],
    parameters: [{ name: 'x', accepts: numeric }, { name: 'alpha', accepts: optional('number') }],
    options: elementwiseOptions,
  },
  leakyReluDerivative: {
    valid: () => [[-1, 2], 0.1, {}],
    parameters: [{ name: 'x', accepts: numeric }, { name: 'alpha', accepts: optional('number') }],
    options: elementwiseOptions,
  },
  leakyReluBackward: {
    valid: () => [[1, 1], [-1, 2], 0.1, {}],
    parameters: [{ name: 'gradOutput', accepts: ['array'] }, { name: 'x', accepts: numeric }, { name: 'alpha', accepts: optional('number') }],
    options: { ...elementwiseOptions, at: 3 },
  },
  leakyReluInverse: {
    valid: () => [[-1, 2], 0.1, {}],
    parameters: [{ name: 'x', accepts: numeric }, { name: 'alpha', accepts: optional('number') }],
    options: { at: 2, keys: { out: optional('array') } },
  },
  leakyReluLogAbsDetJacobian: {
    valid: () => [[-1, 2], 0.1],
    parameters: [{ name: 'x', accepts: numeric }, { name: 'alpha', accepts: optional('number') }],
  },
  linspace: {
    valid: () => [0, 1, 5],
    parameters: [{ name: 'start', accepts: ['number'] }, { name: 'stop', accepts: ['number'] }, { name: 'num', accepts: optional('number') }],
  },
  formatArray: { valid: () => [[1, 2]], parameters: [{ name: 'x', accepts: ['array', 'float32', 'float64', 'int32'] }] },
  conventionTable: { valid: () => [], parameters: [] },
  prelu: {
    valid: () => [[-1, 2], [0.1], {}],
    parameters: [{ name: 'x', accepts: arrays }, { name: 'slopes', accepts: arrays }],
    options: { at: 2, keys: { layout: ['string'], spatialSize: ['number'] } },
  },
  preluBackward: {
    valid: () => [[1, 1], [-1, 2], [0.1], {}],
    parameters: [{ name: 'gradOutput', accepts: ['array'] }, { name: 'x', accepts: arrays }, { name: 'slopes', accepts: arrays }],
    options: { at: 3, keys: { layout: ['string'], spatialSize: ['number'] } },
  },
  rrelu: {
    valid: () => [[-1, 2], {}],
    parameters: [{ name: 'x', accepts: arrays }],
    options: { at: 1, keys: { lower: ['number'], upper: ['number'], training: ['boolean'], seed: ['number'], random: ['object'] } },
  },
  rreluBackward: {
    valid: () => [[1, 1], [0.2, 1]],
    parameters: [{ name: 'gradOutput', accepts: ['array'] }, { name: 'noise', accepts: arrays }],
  },
  createRandom: { valid: () => [1], parameters: [{ name: 'seed', accepts: ['number'] }] },
  allocFloat32: { valid: () => [1], parameters: [{ name: 'length', accepts: ['number'] }] },
  allocFloat64: { valid: () => [1], parameters: [{ name: 'length', accepts: ['number'] }] },
  makeCurveDataset: {
    valid: () => [4, experiments.createRandom(1)],
    parameters: [{ name: 'size', accepts: ['number'] }, { name: 'random', accepts: ['object'] }],
  },
  createMlp: {
    valid: () => [[1, 2, 1], 0.01, experiments.createRandom(1), {}],
    parameters: [{ name: 'sizes', accepts: ['array'] }, { name: 'alpha', accepts: ['number'] }, { name: 'random', accepts: ['object'] }],
    options: { at: 3, keys: { biasShift: ['number'], learnableSlopes: ['boolean'] } },
  },
  forward: {
    valid: () => [network(), new Float64Array([1])],
    parameters: [{ name: 'network', accepts: ['object'] }, { name: 'batch', accepts: ['float64'] }],
  },
  backward: {
    valid: () => {
      const mlp = network();
      return [mlp, experiments.forward(mlp, new Float64Array([1])), new Float64Array([1])];
    },
    parameters: [{ name: 'network', accepts: ['object'] }, { name: 'pass', accepts: ['object'] }, { name: 'gradOutput', accepts: ['float64'] }],
  },
  sgdStep: {
    valid: () => {
      const mlp = network();
      return [mlp, experiments.backward(mlp, experiments.forward(mlp, new Float64Array([1])), new Float64Array([1])), 0.1];
    },
    parameters: [{ name: 'network', accepts: ['object'] }, { name: 'gradients', accepts: ['object'] }, { name: 'learningRate', accepts: ['number'] }],
  },
  createAdam: {
    valid: () => [network(), { learningRate: 0.1 }],
    parameters: [{ name: 'network', accepts: ['object'] }],
    options: { at: 1, keys: { learningRate: ['number'], beta1: ['number'], beta2: ['number'], epsilon: ['number'] } },
  },
  createDyingReluRun: {
    valid: () => [{ alpha: 0.01, samples: 4, hiddenSizes: [2] }],
    parameters: [],
    options: {
      at: 0,
      keys: {
        alpha: ['number'],
        learningRate: ['number'],
        optimizer: ['string'],
        hiddenSizes: ['array'],
        biasShift: ['number'],
        learnableSlopes: ['boolean'],
        samples: ['number'],
        batchSize: ['number'],
        seed: ['number'],
      },
    },
  },
  runDyingRelu: {
    valid: () => [{ alpha: 0.01, samples: 4, hiddenSizes: [2] }, 0],
    parameters: [{ name: 'options', accepts: ['object'] }, { name: 'epochs', accepts: ['number'] }],
  },
  unitsFigure: {
    valid: () => [reports(), reports()],
    parameters: [{ name: 'relu', accepts: ['array'] }, { name: 'leaky', accepts: ['array'] }],
  },
  lossFigure: {
    valid: () => [reports(), reports(), { alpha: 0.01 }],
    parameters: [{ name: 'relu', accepts: ['array'] }, { name: 'leaky', accepts: ['array'] }],
    options: { at: 2, keys: { alpha: ['number'] } },
  },
  trainingFigure: {
    valid: () => [reports(), reports(), { alpha: 0.01 }],
    parameters: [{ name: 'relu', accepts: ['array'] }, { name: 'leaky', accepts: ['array'] }],
    options: { at: 2, keys: { alpha: ['number'] } },
  },
  preluSlopesFigure: { valid: () => [[[[0.25, 0.25]]]], parameters: [{ name: 'slopesByEpoch', accepts: ['array'] }] },
  formatRow: {
    valid: () => [['alpha', 0.1], [6, 4], {}],
    parameters: [{ name: 'cells', accepts: ['array'] }, { name: 'widths', accepts: ['array'] }],
    options: { at: 2, keys: { align: ['string'], separator: ['string'] } },
  },
  meanOutputFigure: {
    valid: () => [[-1, 1], [0.01]],
    parameters: [{ name: 'samples', accepts: arrays }, { name: 'alphas', accepts: ['array'] }],
  },
  rreluSlopesFigure: {
    valid: () => [[0.2], {}],
    parameters: [{ name: 'noise', accepts: arrays }],
    options: { at: 1, keys: { lower: ['number'], upper: ['number'], bins: ['number'] } },
  },
  leakyReluFigure: {
    valid: () => [{}],
    parameters: [],
    options: { at: 0, keys: { ...curveOptions, alpha: ['number'], showDerivative: ['boolean'], markZero: ['boolean'] } },
  },
  alphaComparisonFigure: {
    valid: () => [[0.1], {}],
    parameters: [{ name: 'alphas', accepts: ['array'] }],
    options: { at: 1, keys: curveOptions },
  },
  activationComparisonFigure: {
    valid: () => [{}],
    parameters: [],
    options: { at: 0, keys: { ...curveOptions, alpha: ['number'], eluAlpha: ['number'], variants: ['boolean'] } },
  },
  mimeBundle: {
    valid: () => [figure(), {}],
    parameters: [{ name: 'figure', accepts: ['object'] }],
    options: { at: 1, keys: { plotlyUrl: ['string'] } },
  },
  show: {
    valid: () => [figure(), {}],
    parameters: [{ name: 'figure', accepts: ['object'] }],
    options: { at: 1, keys: { plotlyUrl: ['string'] } },
  },
  createPool: {
    // Checked before the promise; the tests only make calls that fail their checks, so no pool opens.
    valid: () => [{ threads: 1 }],
    parameters: [],
    options: { at: 0, keys: { threads: optional('number') } },
  },
  staticPicture: {
    valid: () => [figure()],
    parameters: [{ name: 'figure', accepts: ['object'] }],
  },
  toHtml: {
    valid: () => [figure(), { plotlyUrl: 'plotly.js' }],
    parameters: [{ name: 'figure', accepts: ['object'] }],
    options: { at: 1, keys: { plotlyUrl: ['string'], title: ['string'] } },
  },
};

/** Every function exported by the three entry points; `plotThemes` is data. */
const EXPORTS = Object.entries({ ...core, ...experiments, ...plot }).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function',
);
const withOptions = EXPORTS.filter(([name]) => CONTRACTS[name]?.options);
const withParameters = EXPORTS.filter(([name]) => (CONTRACTS[name]?.parameters.length ?? 0) > 0);

function callWith(name: string, call: (...args: unknown[]) => unknown, change: (args: unknown[]) => void): () => unknown {
  const args = CONTRACTS[name]!.valid();
  change(args);
  return () => call(...args);
}

/** A key one edit away from a known option (a letter dropped, doubled, swapped or changed in case), and not an option itself. */
const misspelling = (keys: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...keys), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'case'))
    .map(([key, at, edit]) => {
      const i = at % key.length;
      if (edit === 'drop') return key.slice(0, i) + key.slice(i + 1);
      if (edit === 'double') return key.slice(0, i) + key[i] + key.slice(i);
      if (edit === 'swap' && i + 1 < key.length) return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
      return key.slice(0, i) + (key[i] === key[i]!.toUpperCase() ? key[i]!.toLowerCase() : key[i]!.toUpperCase()) + key.slice(i + 1);
    })
    .filter((key) => key !== '' && !keys.includes(key));

describe('every export checks its arguments and options the same way (fast-check, seeded)', () => {
  it('covers every export of leaky-relu, leaky-relu/plot and leaky-relu/experiments', () => {
    expect(EXPORTS.map(([name]) => name).filter((name) => !(name in CONTRACTS))).toEqual([]);
    expect(EXPORTS.length).toBeGreaterThanOrEqual(Object.keys(CONTRACTS).length);
  });

  it('throws a TypeError naming an argument or options that are a revoked Proxy, on which Array.isArray throws', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const [name, call] of EXPORTS) {
      const contract = CONTRACTS[name]!;
      const slots = [...contract.parameters.map((parameter, index) => [parameter.name, index] as const)];
      if (contract.options) slots.push(['options', contract.options.at]);
      for (const [argument, index] of slots) {
        const run = callWith(name, call, (args) => {
          args[index] = revoked;
        });
        expect(run, `${name}(${argument})`).toThrow(TypeError);
        expect(run, `${name}(${argument})`).toThrow(new RegExp(`\\b${argument}\\b.* got a revoked Proxy`));
      }
    }
  });

  it('throws a TypeError naming a misspelt option', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...withOptions).chain(([name, call]) =>
          misspelling(Object.keys(CONTRACTS[name]!.options!.keys)).map((key) => [name, call, key] as const),
        ),
        fc.anything(),
        ([name, call, key], value) => {
          const { at } = CONTRACTS[name]!.options!;
          const run = callWith(name, call, (args) => {
            args[at] = { ...(args[at] as object), [key]: value };
          });
          expect(run).toThrow(TypeError);
          expect(run).toThrow(`options.${key} is not an option`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('throws a TypeError naming an option given a value of the wrong type', () => {
    const cases = withOptions.flatMap(([name, call]) =>
      Object.entries(CONTRACTS[name]!.options!.keys).map(([key, accepts]) => [name, call, key, accepts] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases).chain((each) => wrongValue(['undefined', ...each[3]]).map((value) => [each, value] as const)),
        ([[name, call, key], value]) => {
          const { at } = CONTRACTS[name]!.options!;
          const run = callWith(name, call, (args) => {
            args[at] = { ...(args[at] as object), [key]: value };
          });
          expect(run).toThrow(TypeError);
          expect(run).toThrow(`options.${key} `);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('throws a TypeError naming the options when they are null or not an object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...withOptions), wrongValue(['undefined', 'object']), ([name, call], value) => {
        const run = callWith(name, call, (args) => {
          args[CONTRACTS[name]!.options!.at] = value;
        });
        expect(run).toThrow(TypeError);
        expect(run).toThrow(/\boptions\b/);
      }),
      { numRuns: 1000 },
    );
  });

  it('throws a TypeError naming an argument of the wrong type', () => {
    const cases = withParameters.flatMap(([name, call]) =>
      CONTRACTS[name]!.parameters.map((parameter, index) => [name, call, parameter, index] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases).chain((each) => wrongValue(each[2].accepts).map((value) => [each, value] as const)),
        ([[name, call, parameter, index], value]) => {
          const run = callWith(name, call, (args) => {
            args[index] = value;
          });
          expect(run).toThrow(TypeError);
          expect(run).toThrow(new RegExp(`\\b${parameter.name}\\b`));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('every export reads its options from their own data properties only (fast-check, seeded)', () => {
  // createPool opens a pool when its options are valid: test/kernels/pool.test.ts checks it.
  const cases = withOptions
    .filter(([name]) => name !== 'createPool')
    .flatMap(([name, call]) => Object.keys(CONTRACTS[name]!.options!.keys).map((key) => [name, call, key] as const));

  it('ignores an option set on Object.prototype, with options given or left out', () => {
    const polluted = Object.prototype as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        // A value of the wrong type for every option, so one read through the prototype throws.
        fc.string().map((description) => Symbol(description)),
        fc.boolean(),
        ([name, call, key], value, leaveOut) => {
          const { at } = CONTRACTS[name]!.options!;
          const validArgs = (): unknown[] => {
            const args = CONTRACTS[name]!.valid();
            if (leaveOut && Object.keys(args[at] as object).length === 0) args[at] = undefined;
            return args;
          };
          polluted[key] = value;
          let result: unknown;
          let thrown: unknown;
          try {
            result = call(...validArgs());
          } catch (error) {
            thrown = error;
          } finally {
            delete polluted[key];
          }
          // show() throws outside a kernel: polluted, it must throw just what it throws clean.
          if (thrown !== undefined) expect(() => call(...validArgs())).toThrow(thrown as Error);
          expect(result).not.toBe(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws a TypeError naming an option given by a getter or a setter, and never calls it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...withOptions), fc.boolean(), ([name, call], getter) => {
        const { at, keys } = CONTRACTS[name]!.options!;
        const key = Object.keys(keys)[0]!;
        let calls = 0;
        const accessor = getter ? { get: () => calls++, enumerable: true } : { set: () => calls++, enumerable: true };
        const run = callWith(name, call, (args) => {
          args[at] = Object.defineProperty({ ...(args[at] as object) }, key, accessor);
        });
        expect(run).toThrow(new TypeError(`options.${key} must be a data property, got a getter or setter`));
        expect(calls).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
