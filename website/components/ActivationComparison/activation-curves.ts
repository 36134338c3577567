import { leakyRelu, linspace, prelu, rrelu } from 'leaky-relu';

/** One curve of the comparison: its name, and its values over `x`. */
export interface ActivationCurve {
  readonly name: string;
  readonly y: readonly number[];
}

/**
 * ReLU, Leaky ReLU and its variants over `x`, every value from the library:
 * PReLU with PyTorch's initial slope 0.25 (before any learning), and RReLU in
 * evaluation, where its slope is the mean of its random range.
 */
export function activationCurves(x: readonly number[], alpha: number): ActivationCurve[] {
  return [
    { name: 'ReLU', y: leakyRelu([...x], 0) },
    { name: `Leaky ReLU (α = ${alpha})`, y: leakyRelu([...x], alpha) },
    { name: 'PReLU (initial slope 0.25)', y: prelu([...x], [0.25]) },
    { name: 'RReLU, evaluation (slope 11/48)', y: rrelu([...x]).output },
  ];
}

/** The comparison's x values. */
export const comparisonInputs = (): number[] => Array.from(linspace(-4, 4, 161));
