/// <reference lib="dom" />
// Every code block of the guide, copied with its Copy button and run as-is
// in a scratch project that has the packed package installed (`npm pack`, as
// a reader installs it), prints exactly the output the page shows under it.
// The blocks are TypeScript: the copy is run as a `.ts` file is by Node 22's
// type stripping or tsx, its types removed (TypeScript's transpileModule),
// nothing else changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isMarkedNotRun, RUNNABLE_PAGES } from '../../website/components/runner/runnable-pages.js';
import { describeWithChromium, openSite, recordedPage, shownOutput, type SiteSession } from '../support/site-browser.js';
import { root } from '../support/snippets.js';

const scratch = join(root, 'test/.generated/copied-snippets');

/** A scratch project with the package as `npm pack` publishes it, installed from the tarball. */
function scratchProject(): void {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build (npm test does)');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  // --ignore-scripts: the dist/ npm test built, not prepack's clean build, which would empty dist/ under the other tests.
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!;
  writeFileSync(join(scratch, 'package.json'), '{ "name": "copied-snippets", "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`], { cwd: scratch, encoding: 'utf8' });
}

describeWithChromium('the guide\'s code blocks, copied and run', () => {
  let site: SiteSession;
  beforeAll(async () => {
    scratchProject();
    site = await openSite();
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  it('print exactly the output shown under them', async () => {
    const { page, close } = await recordedPage(site);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const runs: { block: string; expected: string; printed: string }[] = [];
    for (const path of RUNNABLE_PAGES) {
      await page.goto(site.url + path);
      const blocks = page.locator('article .theme-code-block');
      const count = await blocks.count();
      for (let index = 0; index < count; index++) {
        const block = blocks.nth(index);
        const language = await block.evaluate((element) => /language-(\w+)/.exec(element.className)?.[1]);
        if (!['js', 'javascript', 'ts', 'typescript'].includes(language ?? '')) continue;
        const expected = await shownOutput(blocks, index);
        await block.hover();
        await block.getByRole('button', { name: /copy code/i }).click();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        if (isMarkedNotRun(copied)) continue;
        const file = join(scratch, 'snippet.mjs');
        writeFileSync(file, ts.transpileModule(copied, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
        const run = spawnSync(process.execPath, [file], { cwd: scratch, encoding: 'utf8' });
        runs.push({ block: `${path}, block ${index + 1}`, expected, printed: `${run.stdout.trimEnd()}${run.status === 0 ? '' : `\n(exit ${run.status}) ${run.stderr}`}` });
      }
    }
    await close();
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs.filter((run) => run.printed !== run.expected)).toEqual([]);
  }, 600_000);
});
