import type { Plugin } from '@docusaurus/types';
import { writeRunnerPage } from '../../scripts/site/runner-page.mjs';

/**
 * Adds the runner page and its two scripts to the built site
 * (scripts/site/runner-page.mjs): the code blocks' Run buttons load it in a
 * sandboxed iframe on the first run. It is written after the build, outside
 * Docusaurus's pages and bundles, so that no page's JavaScript or policy
 * carries any of it.
 */
export default function runnerPagePlugin(): Plugin {
  return {
    name: 'runner-page',
    async postBuild({ outDir }) {
      await writeRunnerPage(outDir);
    },
  };
}
