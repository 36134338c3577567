/**
 * The GitHub Actions workflows, which cannot run here: each is checked
 * against SchemaStore's workflow schema (the `github-workflow.json` GitHub's
 * editors use), through @action-validator/core, which validates with it;
 * then for what each must do.
 */
import { validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../support/snippets.js';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly uses?: string;
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string>;
  readonly steps?: Step[];
}
interface Workflow {
  readonly on: Record<string, { branches?: string[]; tags?: string[] } | null>;
  readonly jobs: Record<string, Job>;
}

const folder = join(root, '.github/workflows');
const sources = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
const workflow = (name: string): Workflow => parse(sources[name]!) as Workflow;
const runs = (job: Job): string[] => (job.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run]));

describe('the GitHub workflows', () => {
  it('are ci.yml, pages.yml and release.yml', () => {
    expect(Object.keys(sources).sort()).toEqual(['ci.yml', 'pages.yml', 'release.yml']);
  });

  it.each(Object.keys(sources))('%s is valid under the workflow schema', (name) => {
    expect(validateWorkflow(sources[name]!).errors).toEqual([]);
  });

  it('are checked by a validator that rejects an invalid workflow', () => {
    const broken = sources['ci.yml']!.replace(/^ {4}runs-on: .*$/m, '');
    expect(broken).not.toBe(sources['ci.yml']);
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });

  it('ci.yml installs with npm ci and runs npm test, on pushes and pull requests, and for the release', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(runs(ci.jobs.test!)).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('release.yml publishes a version tag with provenance, after the tests pass', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.jobs.test!.uses).toBe('./.github/workflows/ci.yml');
    const publish = release.jobs.publish!;
    expect(publish.needs).toBe('test');
    expect(publish.permissions?.['id-token']).toBe('write');
    expect(runs(publish)).toContain('npm ci --no-audit --no-fund');
    const step = publish.steps!.find((candidate) => candidate.run?.startsWith('npm publish'));
    expect(step?.run).toBe('npm publish --provenance --access public');
    expect(step?.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
  });

  it('pages.yml installs with npm ci and applies the site patches before it builds', () => {
    const commands = runs(workflow('pages.yml').jobs.build!);
    expect(commands.slice(0, 3)).toEqual(['npm ci --no-audit --no-fund', 'bash scripts/setup.sh', 'npm run site:build']);
  });
});
