// Exits 0 when node_modules holds exactly what package-lock.json asks for,
// so `npm start` and `npm test` install only when they need to.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const installedLock = 'node_modules/.package-lock.json';
if (!existsSync(installedLock)) process.exit(1);

const wanted = read('package-lock.json').packages ?? {};
const installed = read(installedLock).packages ?? {};
// Each folder is looked for too: npm's record of what it installed outlives a
// folder removed by hand, or a record rewritten through a hard-linked copy.
const stale = Object.entries(wanted).filter(
  ([path, entry]) =>
    path !== '' && !entry.optional && (!existsSync(path) || (!entry.link && installed[path]?.version !== entry.version)),
);
if (stale.length > 0) {
  console.error(`node_modules is out of date (${stale.length} packages, e.g. ${stale[0][0]})`);
  process.exit(1);
}
