import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its published name, exactly as a reader would.
    alias: [
      { find: /^leaky-relu$/, replacement: fromRoot('./src/index.ts') },
      { find: /^leaky-relu\/plot$/, replacement: fromRoot('./src/plot/index.ts') },
      { find: /^leaky-relu\/experiments$/, replacement: fromRoot('./src/experiments/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Two noisy cores: generous limits, since speed is measured by the benchmark, not by tests.
    testTimeout: 60_000,
  },
});
