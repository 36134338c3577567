import type { Plugin } from '@docusaurus/types';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Adds the runner page and its two scripts to the built site
 * (website/build/runner-page.mjs): the code blocks' Run buttons load it in a
 * sandboxed iframe on the first run. It is written after the build, outside
 * Docusaurus's pages and bundles, so that no page's JavaScript or policy
 * carries any of it. In a Node process of its own: the bundler it calls is
 * an ES module that the config's loader cannot load.
 */
export default function runnerPagePlugin(): Plugin {
  return {
    name: 'runner-page',
    postBuild({ outDir }) {
      execFileSync(process.execPath, [fileURLToPath(new URL('../build/runner-page.mjs', import.meta.url)), outDir], { stdio: 'inherit' });
      return Promise.resolve();
    },
  };
}
