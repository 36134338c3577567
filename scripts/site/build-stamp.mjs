// @ts-check
// A fingerprint of everything the site is built from, written into build/
// after a successful build, so a build can be skipped when nothing changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generatedDocs } from './generated-paths.mjs';

/** What the site reads: its sources, the library's, the notebooks, and the installed versions. */
const SITE_SOURCES = [
  'docusaurus.config.ts',
  'package-lock.json',
  'tsconfig.build.json',
  'docs',
  'website',
  'src',
  'notebooks',
  'bench/results.json',
  'scripts/site',
  'test/site/fixtures',
];
const STAMP = 'build/.site-sources';

/** @param {string} root */
export function siteSourcesHash(root) {
  const generated = Object.values(generatedDocs).map((path) => join(root, path));
  const hash = createHash('sha256');
  /** @param {string} path */
  const add = (path) => {
    if (!existsSync(path) || generated.includes(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`${relative(root, path)}\0`);
    hash.update(readFileSync(path));
  };
  for (const source of SITE_SOURCES) add(join(root, source));
  return hash.digest('hex');
}

/** @param {string} root */
export function readBuildStamp(root) {
  const stamp = join(root, STAMP);
  return existsSync(stamp) && existsSync(join(root, 'build/index.html')) ? readFileSync(stamp, 'utf8').trim() : undefined;
}

/**
 * @param {string} root
 * @param {string} sources
 */
export function writeBuildStamp(root, sources) {
  writeFileSync(join(root, STAMP), `${sources}\n`);
}
