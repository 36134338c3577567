/**
 * `npm ci` installs from package-lock.json alone, and refuses a lock file
 * that disagrees with package.json or misses a package npm would install on
 * some platform. setup.sh, .ci/run and the workflows all install with it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/snippets.js';

interface LockEntry {
  readonly version?: string;
  readonly optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

describe('package-lock.json', () => {
  it('agrees with package.json: npm ci --dry-run accepts it', () => {
    // A copy with the two files alone, so that the check reads nothing of node_modules and changes nothing there.
    const folder = mkdtempSync(join(tmpdir(), 'leaky-relu-lock-'));
    try {
      for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(root, file), join(folder, file));
      const ci = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], { cwd: folder, encoding: 'utf8' });
      expect(ci.status, `${ci.stdout}\n${ci.stderr}`).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it("lists every platform package of every package, at the version it asks for (each platform's npm ci needs its own)", () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.entries(entry.optionalDependencies ?? {})
        .filter(([name, range]) => {
          // npm places a dependency beside its dependent, or in a node_modules folder above it.
          const folders = path.split('/node_modules/').map((_, index, parts) => parts.slice(0, index + 1).join('/node_modules/'));
          const found = [...folders.reverse(), ''].map((folder) => lock.packages[`${folder === '' ? '' : `${folder}/`}node_modules/${name}`]).find(Boolean);
          return found === undefined || (/^\d+\.\d+\.\d+$/.test(range) && found.version !== range);
        })
        .map(([name, range]) => `${path || '(root)'} → ${name}@${range}`),
    );
    expect(missing).toEqual([]);
  });
});
