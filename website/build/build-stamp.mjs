// @ts-check
// A fingerprint of everything the site is built from, written into build/
// after a successful build, so a build can be skipped when nothing changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generatedDocs } from './generated-paths.mjs';
import { siteAddress } from './site-address.mjs';
import { buildFolders } from './site-variant.mjs';

/** What the site reads: its sources, the library's, the notebooks, and the installed versions and their patches. */
const SITE_SOURCES = [
  'docusaurus.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.build.json',
  'patches',
  'docs',
  'website',
  'src',
  'notebooks',
  'bench/results.json',
  'test/site/fixtures',
];
/** @param {import('./site-variant.mjs').SiteVariant} variant */
const stamp = (variant) => `${buildFolders[variant]}/.site-sources`;

/**
 * @param {string} root
 * @param {import('./site-variant.mjs').SiteVariant} [variant]
 * @param {Record<string, string | undefined>} [env] where SITE_URL and BASE_URL are read
 */
export function siteSourcesHash(root, variant = 'production', env = process.env) {
  const generated = Object.values(generatedDocs).map((path) => join(root, path));
  const hash = createHash('sha256');
  // The address is written into every page: a build for another one is another build.
  const { url, baseUrl } = siteAddress(env);
  hash.update(`${variant}\0${url}\0${baseUrl}\0`);
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

/**
 * @param {string} root
 * @param {import('./site-variant.mjs').SiteVariant} [variant]
 */
export function readBuildStamp(root, variant = 'production') {
  const file = join(root, stamp(variant));
  return existsSync(file) && existsSync(join(root, buildFolders[variant], 'index.html')) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * @param {string} root
 * @param {import('./site-variant.mjs').SiteVariant} variant
 * @param {string} sources
 */
export function writeBuildStamp(root, variant, sources) {
  writeFileSync(join(root, stamp(variant)), `${sources}\n`);
}
