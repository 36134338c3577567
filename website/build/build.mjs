// @ts-check
// `npm run site:build`: converts the notebooks, then builds the static site
// into build/. With --site-tests it builds the site-tests variant into
// build-site-tests/ instead (website/build/site-variant.mjs). With
// --if-needed it does nothing when the folder was built from the same
// sources, so `npm start` and `npm test` build at most once. With --out-dir
// it builds into another folder, and always (the sub-path test builds the
// site under BASE_URL=/leaky-relu/ there). SITE_URL and BASE_URL set the
// address the site is published at (website/build/site-address.mjs).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readBuildStamp, siteSourcesHash, writeBuildStamp } from './build-stamp.mjs';
import { convertNotebooks } from './convert-notebooks.mjs';
import { generatedDocs } from './generated-paths.mjs';
import { buildFolders, HOSTILE_CORPUS, SITE_TESTS_ENV } from './site-variant.mjs';

const { values: options } = parseArgs({
  options: {
    'if-needed': { type: 'boolean', default: false },
    'site-tests': { type: 'boolean', default: false },
    'out-dir': { type: 'string' },
  },
});
const variant = options['site-tests'] ? 'site-tests' : 'production';
const root = process.cwd();
const sources = siteSourcesHash(root, variant);
const outDir = options['out-dir'] ?? buildFolders[variant];
if (options['if-needed'] && options['out-dir'] === undefined && readBuildStamp(root, variant) === sources) {
  console.log(`The site in ${buildFolders[variant]}/ is up to date with its sources.`);
} else {
  const started = performance.now();
  if (variant === 'site-tests') {
    // Test code, so imported only here: the production build never loads it.
    /** @type {{ writeHostileNotebooks(folder: string, repository: string): void }} */
    const corpus = await import(pathToFileURL(resolve(root, HOSTILE_CORPUS)).href);
    corpus.writeHostileNotebooks(resolve(root, generatedDocs.hostileNotebooks), root);
  }
  const pages = convertNotebooks(root, variant);
  console.log(`Converted ${pages.length} notebooks to pages.`);
  const env = { ...process.env, [SITE_TESTS_ENV]: variant === 'site-tests' ? '1' : '0' };
  const build = spawnSync('npx', ['docusaurus', 'build', '--out-dir', outDir], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  if (options['out-dir'] === undefined) writeBuildStamp(root, variant, sources);
  console.log(`Site built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}
