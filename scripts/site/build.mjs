// @ts-check
// `npm run site:build`: converts the notebooks, then builds the static site
// into build/. With --if-needed it does nothing when build/ was built from
// the same sources, so `npm start` and `npm test` build at most once.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { convertNotebooks } from './convert-notebooks.mjs';
import { readBuildStamp, siteSourcesHash, writeBuildStamp } from './build-stamp.mjs';

const { values: options } = parseArgs({ options: { 'if-needed': { type: 'boolean', default: false } } });
const root = process.cwd();
const sources = siteSourcesHash(root);
if (options['if-needed'] && readBuildStamp(root) === sources) {
  console.log('The site in build/ is up to date with its sources.');
} else {
  const started = performance.now();
  const pages = convertNotebooks(root);
  console.log(`Converted ${pages.length} notebooks to pages.`);
  const build = spawnSync('npx', ['docusaurus', 'build', '--out-dir', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeBuildStamp(root, sources);
  console.log(`Site built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}
