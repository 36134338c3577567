import type { Plugin } from '@docusaurus/types';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The results `npm run bench` writes, committed so the site charts them. */
export const BENCHMARK_RESULTS = 'bench/results.json';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Makes the committed benchmark results importable as
 * `@benchmark-results`, by the benchmark chart alone, so only its page
 * downloads them. Without results the module is `null`, and the chart says
 * how to make them.
 */
export default function benchmarkResultsPlugin(): Plugin {
  return {
    name: 'benchmark-results',
    getPathsToWatch: () => [fromRoot(BENCHMARK_RESULTS)],
    configureWebpack() {
      const results = fromRoot(BENCHMARK_RESULTS);
      return {
        resolve: {
          alias: {
            '@benchmark-results$': existsSync(results) ? results : fromRoot('website/plugins/no-benchmark-results.json'),
          },
        },
      };
    },
  };
}
