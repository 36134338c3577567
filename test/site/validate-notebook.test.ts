import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../website/build/notebook-error.mjs';
import { validateNotebook } from '../../website/build/validate-notebook.mjs';
import { root } from '../support/snippets.js';

/** A valid nbformat 4.5 notebook, with one code cell holding `outputs`. */
function notebook(cell: Record<string, unknown> = {}) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { id: 'a', cell_type: 'markdown', metadata: {}, source: '# Title' },
      { id: 'b', cell_type: 'code', execution_count: null, metadata: {}, source: 'x', outputs: [], ...cell },
    ],
  };
}

function errorOf(value: unknown): NotebookError {
  try {
    validateNotebook(value, 'notebooks/bad.ipynb');
  } catch (error) {
    if (error instanceof NotebookError) return error;
    throw error;
  }
  throw new Error('validateNotebook accepted the notebook');
}

describe('validateNotebook(notebook, path)', () => {
  it("accepts the repository's notebooks", () => {
    for (const name of readdirSync(join(root, 'notebooks')).filter((file) => file.endsWith('.ipynb'))) {
      expect(validateNotebook(JSON.parse(readFileSync(join(root, 'notebooks', name), 'utf8')), name)).toBe(4);
    }
  });

  it('names the notebook, the JSON pointer and what the schema expects', () => {
    const error = errorOf(notebook({ source: 42 }));
    expect(error.message).toBe('notebooks/bad.ipynb: at /cells/1/source: must be string, or must be array (nbformat 4.5 schema)');
    expect([error.notebook, error.pointer]).toEqual(['notebooks/bad.ipynb', '/cells/1/source']);
  });

  it.each([
    ['outputs that are an object', { outputs: {} }, '/cells/1/outputs', 'must be array'],
    ['a stream whose text is a number', { outputs: [{ output_type: 'stream', name: 'stdout', text: 5 }] }, '/cells/1/outputs/0/text', 'must be string, or must be array'],
    ['HTML that is an object', { outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': { a: 1 } } }] }, '/cells/1/outputs/0/data/text~1html', 'must be string, or must be array'],
    ['an unknown output type', { outputs: [{ output_type: 'bogus' }] }, '/cells/1/outputs/0/output_type', 'must be one of ["execute_result"]'],
    ['a cell without an id', { id: undefined }, '/cells/1', "must have required property 'id'"],
  ])('fails on %s', (_name, cell, pointer, expected) => {
    const error = errorOf(JSON.parse(JSON.stringify(notebook(cell))));
    expect(error.pointer).toBe(pointer);
    expect(error.expected).toContain(expected);
  });

  it('fails on cells that are not an array, and on a notebook that is not an object', () => {
    expect(errorOf({ ...notebook(), cells: 'x' }).message).toBe('notebooks/bad.ipynb: at /cells: must be array (nbformat 4.5 schema)');
    expect(errorOf([]).message).toBe('notebooks/bad.ipynb: at the top level: expected a JSON object (a notebook)');
  });

  it('reads nbformat 4.0 to 4.4 without cell ids, and fails on a version it does not read', () => {
    const { cells, ...rest } = notebook();
    expect(validateNotebook({ ...rest, nbformat_minor: 2, cells: cells.map(({ id: _id, ...cell }) => cell) }, 'x')).toBe(4);
    expect(errorOf({ ...notebook(), nbformat: 5 }).message).toBe('notebooks/bad.ipynb: at /nbformat: expected 3 or 4 (the nbformat versions the site reads), got 5');
  });

  it('checks an nbformat 3 notebook against the version 3 schema', () => {
    const v3 = { nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [{ metadata: {}, cells: [{ cell_type: 'heading', level: 1, metadata: {}, source: 'x' }] }] };
    expect(validateNotebook(v3, 'x')).toBe(3);
    v3.worksheets[0]!.cells[0]!.level = 'one' as unknown as number;
    expect(errorOf(v3).message).toBe('notebooks/bad.ipynb: at /worksheets/0/cells/0/level: must be integer (nbformat 3 schema)');
  });
});
