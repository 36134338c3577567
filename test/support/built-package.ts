/**
 * The tests of the built package, in dist/: what a reader installs, and what
 * tslab loads. `npm test` builds it first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { root } from './snippets.js';

/** Whether dist/ holds the built package. */
export const distBuilt = existsSync(join(root, 'dist/index.js'));

/**
 * `it` for a test of dist/. Without dist/ the test fails with the build
 * command, unless LEAKY_RELU_SKIP_SYSTEM_TESTS=1 asks to skip it: then it is
 * reported as skipped, under its own name.
 */
export const itWithDist = it.skipIf(process.env.LEAKY_RELU_SKIP_SYSTEM_TESTS === '1' && !distBuilt);
