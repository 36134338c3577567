import { configDefaults, defineConfig } from 'vitest/config';
import { sourceEntryPoints } from './website/build/source-entry-points.mjs';

// Debian's Notebook 6 is the opt-in suite's alone (`npm run test:notebook6`): end of
// life, and some 230 apt packages a fresh machine would install for one test.
const NOTEBOOK6_TEST = 'test/notebooks/notebook6-browser.test.ts';

const exactly = (specifier: string): RegExp => new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export default defineConfig({
  resolve: {
    // Tests import the package by its published name, exactly as a reader would.
    alias: sourceEntryPoints().map(({ specifier, file }) => ({ find: exactly(specifier), replacement: file })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.LEAKY_RELU_NOTEBOOK6 === '1' ? [] : [NOTEBOOK6_TEST])],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Two noisy cores: generous limits, since speed is measured by the benchmark, not by tests.
    testTimeout: 60_000,
  },
});
