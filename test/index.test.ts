import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as barrel from 'leaky-relu';
import { itWithDist } from './support/built-package.js';
import { root } from './support/snippets.js';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  type: string;
  main: string;
  types: string;
  sideEffects: boolean;
  dependencies?: Record<string, string>;
  exports: Record<string, Record<string, string> | string>;
};

describe('the leaky-relu entry point', () => {
  it('exports the core API by its documented names', () => {
    expect(Object.keys(barrel).sort()).toEqual(
      [
        'allocFloat32',
        'allocFloat64',
        'conventionTable',
        'createPool',
        'createRandom',
        'formatArray',
        'leakyRelu',
        'leakyReluBackward',
        'leakyReluDerivative',
        'leakyReluInverse',
        'leakyReluLogAbsDetJacobian',
        'linspace',
        'prelu',
        'preluBackward',
        'rrelu',
        'rreluBackward',
      ].sort(),
    );
  });

  it('is an ESM package with main, types and exports for Node10 and modern resolution alike', () => {
    expect(manifest.name).toBe('leaky-relu');
    expect(manifest.type).toBe('module');
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
    // `leaky-relu:source` is read by the type checker, the tests and the site only (customConditions); Node ignores it.
    // Its name is the package's own, so a consumer's `customConditions: ["source"]` still gets dist/.
    expect(manifest.exports['.']).toEqual({ 'leaky-relu:source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' });
    expect(manifest.exports['./experiments']).toEqual({
      'leaky-relu:source': './src/experiments/index.ts',
      types: './dist/experiments/index.d.ts',
      default: './dist/experiments/index.js',
    });
    expect(manifest.sideEffects).toBe(false);
  });

  it('has no runtime dependencies', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  itWithDist('builds to dist/ with declarations, and the built code agrees with the source', async () => {
    const built = join(root, 'dist/index.js');
    expect(existsSync(built), 'run npm run build (npm test does)').toBe(true);
    expect(existsSync(join(root, 'dist/index.d.ts'))).toBe(true);
    const dist = (await import(pathToFileURL(built).href)) as typeof barrel;
    expect(Object.keys(dist).sort()).toEqual(Object.keys(barrel).sort());
    const x = new Float32Array([-2, -0, NaN, 3]);
    expect(dist.leakyRelu(x, 0.3)).toEqual(barrel.leakyRelu(x, 0.3));
    expect(dist.formatArray([-2, -1, 0, 1, 2])).toBe('[-2 -1  0  1  2]');
  });
});
