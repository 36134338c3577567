// @ts-check
// nbformat 3 → 4, as nbformat's own `v4/convert.py` upgrades a notebook
// (ported from nbformat 5, BSD-3-Clause; see nbformat-schema/LICENSE): the
// worksheets' cells become the notebook's cells, heading cells become
// markdown headings, and outputs take their version 4 names and MIME keys.
import { jsonPointer, NotebookError } from './notebook-error.mjs';

/** nbformat 3's short output keys, and their MIME types. */
const MIME_OF_V3_KEY = {
  text: 'text/plain',
  html: 'text/html',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  latex: 'text/latex',
  json: 'application/json',
  javascript: 'application/javascript',
};

/**
 * A version 4 notebook (nbformat 4.4, without cell ids) from a version 3
 * one that passed the version 3 schema.
 *
 * @param {any} notebook
 * @param {string} path The notebook's path, for errors.
 * @returns {any}
 */
export function upgradeNbformat3(notebook, path) {
  const { name: _name, signature: _signature, ...metadata } = notebook.metadata ?? {};
  /** @type {any[]} */
  const cells = [];
  notebook.worksheets.forEach((/** @type {any} */ worksheet, /** @type {number} */ sheet) => {
    worksheet.cells.forEach((/** @type {any} */ cell, /** @type {number} */ index) => cells.push(upgradeCell(cell, path, ['worksheets', sheet, 'cells', index])));
  });
  return {
    nbformat: 4,
    nbformat_minor: 4,
    metadata: { ...metadata, orig_nbformat: 3, orig_nbformat_minor: notebook.nbformat_minor ?? 0 },
    cells,
  };
}

/**
 * @param {any} cell
 * @param {string} path
 * @param {(string | number)[]} keys
 */
function upgradeCell(cell, path, keys) {
  const metadata = cell.metadata ?? {};
  switch (cell.cell_type) {
    case 'code':
      return {
        cell_type: 'code',
        metadata: 'collapsed' in cell ? { ...metadata, collapsed: cell.collapsed } : metadata,
        source: cell.input ?? '',
        execution_count: cell.prompt_number ?? null,
        outputs: cell.outputs.map((/** @type {any} */ output, /** @type {number} */ index) => upgradeOutput(output, path, [...keys, 'outputs', index])),
      };
    case 'heading': {
      const text = Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '');
      return { cell_type: 'markdown', metadata, source: `${'#'.repeat(cell.level ?? 1)} ${text.split(/\r?\n/).join(' ')}` };
    }
    case 'html':
      return { cell_type: 'markdown', metadata, source: cell.source ?? '' };
    default:
      return { cell_type: cell.cell_type, metadata, source: cell.source ?? '' };
  }
}

/**
 * @param {any} output
 * @param {string} path
 * @param {(string | number)[]} keys
 */
function upgradeOutput(output, path, keys) {
  const { output_type: type, prompt_number: promptNumber, metadata = {}, ...rest } = output;
  switch (type) {
    case 'pyout':
    case 'display_data': {
      /** @type {Record<string, unknown>} */
      const data = {};
      for (const [key, value] of Object.entries(rest)) data[MIME_OF_V3_KEY[/** @type {keyof typeof MIME_OF_V3_KEY} */ (key)] ?? key] = value;
      if (typeof data['application/json'] === 'string') {
        try {
          data['application/json'] = JSON.parse(data['application/json']);
        } catch (error) {
          throw new NotebookError(path, jsonPointer([...keys, 'json']), `expected JSON text (${/** @type {Error} */ (error).message})`);
        }
      }
      const upgraded = { output_type: type === 'pyout' ? 'execute_result' : 'display_data', metadata, data };
      return type === 'pyout' ? { ...upgraded, execution_count: promptNumber ?? null } : upgraded;
    }
    case 'pyerr':
      return { output_type: 'error', ename: rest.ename, evalue: rest.evalue, traceback: rest.traceback };
    case 'stream':
      return { output_type: 'stream', name: rest.stream ?? 'stdout', text: rest.text };
    default:
      return output;
  }
}
