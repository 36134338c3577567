// The ops of leaky-relu, each as a call on its data arrays: one table for the
// suites that hold every op to one contract (test/core/hostile-calls.test.ts,
// test/core/validate.test.ts, test/kernels/kernel-views.test.ts), so a new op
// joins them all by its row here. test/core/hostile-calls.test.ts fails on an
// export of leaky-relu that is in no table below.
import {
  leakyRelu,
  leakyReluBackward,
  leakyReluDerivative,
  leakyReluInverse,
  leakyReluLogAbsDetJacobian,
  prelu,
  preluBackward,
  rrelu,
  rreluBackward,
} from 'leaky-relu';

export type Values = number[] | Float32Array | Float64Array;
export type Options = Record<string, unknown>;

/** An op as the tests call it: its data arrays by name, in order (`x` or its like last), and the call. */
interface Op {
  readonly operands: readonly string[];
  readonly call: (arrays: Values[], alpha: number, options?: Options) => unknown;
}

/** An op that writes into `out`. */
interface WritingOp extends Op {
  /** Whether it takes `convention` (and `subnormals`). */
  readonly conventions: boolean;
  /** Whether it refuses a slope of 0 or below, so the tests draw one above 0. */
  readonly slopeAboveZero: boolean;
}

/** `ops`, each seen through the table's type: its call takes `options` or not, whatever its own arrow declares. */
const table = <Row>() => <T extends { readonly [name: string]: Row }>(ops: T): { readonly [name in keyof T]: Row } => ops;

/** The ops that write into `out`. */
export const WRITING_OPS = table<WritingOp>()({
  leakyRelu: { operands: ['x'], conventions: true, slopeAboveZero: false, call: ([x], alpha, options) => leakyRelu(x!, alpha, options) },
  leakyReluDerivative: { operands: ['x'], conventions: true, slopeAboveZero: false, call: ([x], alpha, options) => leakyReluDerivative(x!, alpha, options) },
  leakyReluBackward: {
    operands: ['gradOutput', 'x'],
    conventions: true,
    slopeAboveZero: false,
    call: ([gradOutput, x], alpha, options) => leakyReluBackward(gradOutput as never, x!, alpha, options),
  },
  leakyReluInverse: { operands: ['y'], conventions: false, slopeAboveZero: true, call: ([y], alpha, options) => leakyReluInverse(y!, alpha, options) },
});

/** The ops that take no `out`; `alpha` is the slope (one per channel for PReLU), which RReLU ignores. */
export const OTHER_OPS = table<Op>()({
  leakyReluLogAbsDetJacobian: { operands: ['x'], call: ([x], alpha) => leakyReluLogAbsDetJacobian(x!, alpha) },
  prelu: { operands: ['x'], call: ([x], alpha, options) => prelu(x!, [alpha], options) },
  preluBackward: { operands: ['gradOutput', 'x'], call: ([g, x], alpha, options) => preluBackward(g!, x!, [alpha], options) },
  rrelu: { operands: ['x'], call: ([x], _alpha, options) => rrelu(x!, options) },
  rreluBackward: { operands: ['gradOutput', 'noise'], call: ([g, noise]) => rreluBackward(g!, noise!) },
});

/** The functions of leaky-relu that are not ops on data, and so in neither table. */
export const NOT_OPS: readonly string[] = ['linspace', 'formatArray', 'conventionTable', 'createRandom', 'allocFloat32', 'allocFloat64', 'createPool'];
