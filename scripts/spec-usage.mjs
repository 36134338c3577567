// The spec's usage example, run on the built package.
import { formatArray, leakyRelu } from '../dist/index.js';

const x = [-2, -1, 0, 1, 2];
const output = leakyRelu(x, 0.01);
console.log(`Input: ${formatArray(x)}`);
console.log(`Output: ${formatArray(output)}`);
