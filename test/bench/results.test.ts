import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/snippets.js';

interface Results {
  readonly table: string;
  readonly measured: string;
  readonly goals: readonly { readonly goal: string; readonly met: boolean }[];
}

const results = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as Results;
const page = readFileSync(join(root, 'docs/benchmarks.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The Markdown tables of rates in `text`, each as its lines. */
const rateTables = (text: string): string[] => [...text.matchAll(/^\| Gelem\/s \(ratio to copy\) \|.*\n(?:\|.*\n?)*/gm)].map((match) => match[0].trim());

// `npm run bench -- --docs` writes the run into bench/results.json and the page together; by hand, they drift.
describe('the benchmark results on docs/benchmarks.md', () => {
  it('show the table of bench/results.json, once', () => {
    expect(rateTables(page)).toEqual([results.table.trim()]);
  });

  it('say when, where and with what the run of bench/results.json was measured', () => {
    expect(results.measured).toMatch(/^Measured \d{4}-\d\d-\d\d with Node v\d+/);
    expect(page.match(/^Measured .*$/gm)).toEqual([results.measured]);
  });

  it('list the goals of bench/results.json, met or missed as it says', () => {
    const goals = results.goals.map(({ goal, met }) => `- **${met ? 'met' : 'missed'}**: ${goal}`).join('\n');
    expect(results.goals.length).toBeGreaterThan(0);
    expect(page).toContain(`## Goals\n\n${goals}\n\n`);
  });

  it('are the only copy: the README links to the page instead', () => {
    expect(rateTables(readme)).toEqual([]);
  });
});
