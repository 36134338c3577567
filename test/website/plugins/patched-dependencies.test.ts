import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { expect, it } from 'vitest';
import patchedDependenciesPlugin from '../../../website/plugins/patched-dependencies.js';
import { root } from '../../support/snippets.js';

type ConfigureWebpack = NonNullable<Plugin['configureWebpack']>;
// The hook reads the configuration only.
const configure = (config: object) =>
  (patchedDependenciesPlugin().configureWebpack as (config: Parameters<ConfigureWebpack>[0]) => unknown)(config as Parameters<ConfigureWebpack>[0]);

it('makes every patch of patches/ a build dependency of the persistent cache, and adds no cache where there is none', () => {
  const patches = readdirSync(join(root, 'patches')).filter((file) => file.endsWith('.patch'));
  expect(patches.length).toBeGreaterThan(0);
  expect(configure({ experiments: { cache: { type: 'persistent', buildDependencies: ['docusaurus.config.ts'] } } })).toEqual({
    experiments: { cache: { buildDependencies: patches.map((file) => join(root, 'patches', file)) } },
  });
  expect(configure({})).toEqual({});
  expect(configure({ experiments: { cache: false } })).toEqual({});
});
