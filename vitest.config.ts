import { defineConfig } from 'vitest/config';
import { sourceEntryPoints } from './scripts/source-entry-points.mjs';

const exactly = (specifier: string): RegExp => new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export default defineConfig({
  resolve: {
    // Tests import the package by its published name, exactly as a reader would.
    alias: sourceEntryPoints().map(({ specifier, file }) => ({ find: exactly(specifier), replacement: file })),
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Two noisy cores: generous limits, since speed is measured by the benchmark, not by tests.
    testTimeout: 60_000,
  },
});
