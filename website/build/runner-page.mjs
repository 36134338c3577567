// @ts-check
// The runner page: where the code a reader runs on the site goes, inside an
// iframe sandboxed without allow-same-origin (an opaque origin), in a Worker.
// It is a page of its own, outside Docusaurus's pages, so that its policy is
// its own: it may run blob: scripts (the reader's code), the site's pages may
// not, and it may contact no host, its own included.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { sourceEntryPoints } from './source-entry-points.mjs';
import { RUNNER_FOLDER, runnerContentSecurityPolicy } from './runner-policy.mjs';

/** Where the runner's two scripts sit, under the site's base URL; the server caches files there for good, as their names hold a hash. */
const SCRIPTS_FOLDER = ['assets', 'runner'];

/**
 * The runner page's HTML: no content, one script, the policy.
 *
 * @param {string} frameScript the frame's script, relative to the page
 * @param {string} workerScript the Worker's script, relative to the page
 */
function runnerHtml(frameScript, workerScript) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${runnerContentSecurityPolicy()}">
<meta name="robots" content="noindex">
<title>leaky-relu code runner</title>
</head>
<body>
<script src="${frameScript}" data-worker="${workerScript}"></script>
</body>
</html>
`;
}

const fromRoot = (/** @type {string} */ path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Bundles one runner script as a classic script (a Worker of an opaque
 * origin can load only those), with the library's sources by its package
 * name, as the site's pages import it; returns the file name, hashed.
 *
 * @param {string} name
 * @param {string} outDir
 */
async function bundle(name, outDir) {
  const { output } = await build({
    input: fromRoot(`website/components/runner/${name}.ts`),
    platform: 'browser',
    resolve: {
      alias: Object.fromEntries(sourceEntryPoints().map(({ specifier, file }) => [specifier, file])),
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    // Only the library's Node-only paths read `import.meta`, which a classic script cannot; the runner never takes them.
    transform: { define: { 'import.meta': '{}' } },
    output: { format: 'iife', minify: true },
    write: false,
    logLevel: 'warn',
  });
  const code = output[0].code;
  const file = `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
  writeFileSync(join(outDir, ...SCRIPTS_FOLDER, file), code);
  return file;
}

/**
 * Writes the runner page and its scripts into a built site.
 *
 * @param {string} outDir the built site's folder
 */
export async function writeRunnerPage(outDir) {
  // A rebuild into the same folder leaves no older bundle behind.
  rmSync(join(outDir, ...SCRIPTS_FOLDER), { recursive: true, force: true });
  mkdirSync(join(outDir, ...SCRIPTS_FOLDER), { recursive: true });
  mkdirSync(join(outDir, RUNNER_FOLDER), { recursive: true });
  const [frame, worker] = await Promise.all([bundle('frame', outDir), bundle('worker', outDir)]);
  const scripts = `../${SCRIPTS_FOLDER.join('/')}`;
  writeFileSync(join(outDir, RUNNER_FOLDER, 'index.html'), runnerHtml(`${scripts}/${frame}`, `${scripts}/${worker}`));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [outDir] = process.argv.slice(2);
  if (outDir === undefined) throw new Error('usage: node website/build/runner-page.mjs <built site folder>');
  await writeRunnerPage(outDir);
}
