import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { NOTEBOOK_TIMEOUT, copyFixtures, describeWithJupyter, registerKernel, runNotebooks } from '../support/jupyter.js';
import { root } from '../support/snippets.js';

const notebooks = readdirSync(join(root, 'notebooks'))
  .filter((name) => name.endsWith('.ipynb'))
  .sort()
  .map((name) => join(root, 'notebooks', name));

describeWithJupyter('every notebook in notebooks/', () => {
  beforeAll(registerKernel);

  if (notebooks.length === 0) {
    it('notebooks/ holds none yet, so the runner is shown to pass on the show() fixture', () => {
      const run = runNotebooks(['--check', ...copyFixtures('notebooks-none', ['show.ipynb'])]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('show.ipynb: ran\n');
      expect(run.status).toBe(0);
    }, NOTEBOOK_TIMEOUT);
  }

  it.each(notebooks.map((path) => [path.slice(root.length + 1), path] as const))(
    '%s runs on the project kernel with no error and no aborted cell',
    (_name, path) => {
      const run = runNotebooks(['--check', path]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
    NOTEBOOK_TIMEOUT,
  );
});
