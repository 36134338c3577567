import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as plot from 'leaky-relu/plot';
import { itWithDist } from '../support/built-package.js';
import { root, sourceFiles } from '../support/snippets.js';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  typesVersions: Record<string, Record<string, string[]>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
};

describe('the leaky-relu/plot entry point', () => {
  it('exports the figure builders, the themes and the display functions', () => {
    expect(Object.keys(plot).sort()).toEqual(
      [
        'activationComparisonFigure',
        'alphaComparisonFigure',
        'leakyReluFigure',
        'meanOutputFigure',
        'mimeBundle',
        'plotThemes',
        'rreluSlopesFigure',
        'show',
        'staticPicture',
        'toHtml',
      ].sort(),
    );
  });

  it('is the subpath export ./plot, with types and a default condition that require() can load', () => {
    expect(manifest.exports['./plot']).toEqual({ 'leaky-relu:source': './src/plot/index.ts', types: './dist/plot/index.d.ts', default: './dist/plot/index.js' });
    // Node10 resolvers (tslab) find a subpath's types through typesVersions only.
    expect(manifest.typesVersions['*']?.plot).toEqual(['./dist/plot/index.d.ts']);
  });

  it('takes plotly.js-dist-min and playwright-core (for staticPicture) as optional peers, so the core installs nothing', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
    const peers = ['playwright-core', 'plotly.js-dist-min'];
    expect(Object.keys(manifest.peerDependencies ?? {}).sort()).toEqual(peers);
    for (const peer of peers) {
      expect(manifest.peerDependenciesMeta?.[peer], peer).toEqual({ optional: true });
      expect(Object.keys(manifest.devDependencies)).toContain(peer);
    }
  });

  it('is never imported by the core', () => {
    const core = [join(root, 'src/index.ts'), ...sourceFiles(join(root, 'src/core'))];
    for (const file of core) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '[^']*plot[^']*'/);
  });

  itWithDist('loads by name with require() from notebooks/, as tslab loads it', () => {
    const script =
      "const plot = require('leaky-relu/plot'); const core = require('leaky-relu');" +
      'console.log(plot.leakyReluFigure().data[0].y[0] === core.leakyRelu(-10));';
    const run = spawnSync(process.execPath, ['-e', script], { cwd: join(root, 'notebooks'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('true\n');
  });

  itWithDist('type-checks by name from notebooks/ with tslab’s TypeScript 5.0 and Node10 resolution', () => {
    const require = createRequire(import.meta.url);
    const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');
    expect(ts.version).toMatch(/^5\.0\./);
    const cell = join(root, 'notebooks/__cell__.ts');
    const source =
      "import { leakyRelu } from 'leaky-relu';\n" +
      "import { leakyReluFigure, show, type Figure } from 'leaky-relu/plot';\n" +
      'const figure: Figure = leakyReluFigure({ alpha: leakyRelu(-1, 0.5) === -0.5 ? 0.2 : 0.1 });\n' +
      'show(figure, { plotlyUrl: "x.js" });\n' +
      'process.stdout.write("");\n';
    const host = ts.createCompilerHost({});
    const readFile = host.readFile.bind(host);
    host.readFile = (path) => (path === cell ? source : readFile(path));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (path) => path === cell || fileExists(path);
    const program = ts.createProgram(
      [cell],
      { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10, noEmit: true, rootDir: join(root, 'notebooks') },
      host,
    );
    // tslab reports the cell's diagnostics and its .ts sources', never a .d.ts's
    // (converter.ts, getPreEmitDiagnosticsWithDependencies): the site's @types
    // (React 19, MDX) do not compile under TypeScript 5.0, and never reach a cell.
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(cell));
    const errors = diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(errors).toEqual([]);
  }, 60_000);
});
