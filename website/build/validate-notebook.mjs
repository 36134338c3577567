// @ts-check
// Every notebook is checked against the official nbformat JSON schema
// before anything reads it, so a bad notebook fails the build with its path,
// the JSON pointer of the bad part, and what the schema expects there.
// The schemas are vendored from the `nbformat` Python package (see
// nbformat-schema/README.md): the build never reads them from a Python install.
import ajvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { NotebookError } from './notebook-error.mjs';

/** @param {string} name */
const schema = (name) => JSON.parse(readFileSync(new URL(`./nbformat-schema/${name}`, import.meta.url), 'utf8'));

// Each minor version of nbformat 4 has its own schema (4.5 added required
// cell ids); a notebook is read with its own, as nbformat reads it, and one
// newer than 4.5 with 4.5's.
const SCHEMAS = Object.fromEntries([['3', 'nbformat.v3.schema.json'], ...[0, 1, 2, 3, 4, 5].map((minor) => [`4.${minor}`, `nbformat.v4.${minor}.schema.json`])]);
// A CommonJS module: its `default` is the class, as TypeScript types it.
// A valid notebook is checked by a validator that stops at the first error,
// which is faster on large notebooks; a bad one is checked again, for every
// error, to say the most specific.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
const firstErrorAjv = new ajvDraft04.default({ allErrors: false, strict: false });
for (const [version, file] of Object.entries(SCHEMAS)) {
  ajv.addSchema(schema(file), version);
  firstErrorAjv.addSchema(schema(file), version);
}

/**
 * @param {string} ref
 * @returns {((data: unknown) => boolean) & { errors?: import('ajv').ErrorObject[] | null }}
 */
const validator = (ref) => /** @type {any} */ (ajv.getSchema(ref));

/**
 * Checks a parsed notebook against the nbformat schema of its version
 * (3, or 4.0 to 4.5).
 *
 * @param {unknown} notebook
 * @param {string} path The notebook's path, for the error.
 * @returns {3 | 4} The major version.
 * @throws {NotebookError} Where the notebook breaks the schema, and what it expects.
 */
export function validateNotebook(notebook, path) {
  if (typeof notebook !== 'object' || notebook === null || Array.isArray(notebook)) {
    throw new NotebookError(path, '', 'expected a JSON object (a notebook)');
  }
  const { nbformat, nbformat_minor: minor } = /** @type {{ nbformat?: unknown, nbformat_minor?: unknown }} */ (notebook);
  if (nbformat !== 3 && nbformat !== 4) {
    throw new NotebookError(path, '/nbformat', `expected 3 or 4 (the nbformat versions the site reads), got ${JSON.stringify(nbformat)}`);
  }
  if (nbformat === 4 && !(Number.isInteger(minor) && /** @type {number} */ (minor) >= 0)) {
    throw new NotebookError(path, '/nbformat_minor', `expected a minor version, an integer from 0, got ${JSON.stringify(minor)}`);
  }
  const version = nbformat === 3 ? '3' : `4.${Math.min(/** @type {number} */ (minor), 5)}`;
  if (!firstErrorAjv.getSchema(version)?.(notebook)) {
    const validate = validator(version);
    validate(notebook);
    const { pointer, expected } = cellError(version, notebook) ?? mostSpecificError(validate.errors ?? [], '');
    throw new NotebookError(path, pointer, `${expected} (nbformat ${version} schema)`);
  }
  return nbformat;
}

/**
 * The first error of a cell, or of an output, checked against the schema
 * of its own kind. The schema says a cell is one of its kinds (`oneOf`), so
 * checked as a whole a bad `source` is reported once for each kind; the
 * cell's own `cell_type` (an output's `output_type`) says which kind applies.
 *
 * @param {string} version
 * @param {any} notebook
 * @returns {{ pointer: string, expected: string } | undefined}
 */
function cellError(version, notebook) {
  /** @type {{ pointer: string, cell: any }[]} */
  const cells = [];
  /**
   * @param {unknown} list
   * @param {string} pointer
   */
  const add = (list, pointer) => {
    if (Array.isArray(list)) list.forEach((cell, index) => cells.push({ pointer: `${pointer}/${index}`, cell }));
  };
  if (version === '3') {
    if (Array.isArray(notebook.worksheets)) notebook.worksheets.forEach((/** @type {any} */ sheet, /** @type {number} */ index) => add(sheet?.cells, `/worksheets/${index}/cells`));
  } else {
    add(notebook.cells, '/cells');
  }
  for (const { pointer, cell } of cells) {
    const kind = validator(`${version}#/definitions/${cell?.cell_type}_cell`);
    if (!kind || kind(cell)) continue;
    if (cell.cell_type === 'code' && Array.isArray(cell.outputs)) {
      for (const [index, output] of cell.outputs.entries()) {
        const outputKind = validator(`${version}#/definitions/${output?.output_type}`);
        if (outputKind && !outputKind(output)) return mostSpecificError(outputKind.errors ?? [], `${pointer}/outputs/${index}`);
      }
    }
    return mostSpecificError(kind.errors ?? [], pointer);
  }
  return undefined;
}

/**
 * The schema error that says most: the deepest in the notebook, with what
 * each alternative there expected.
 *
 * @param {import('ajv').ErrorObject[]} errors
 * @param {string} prefix The pointer of the part the errors are relative to.
 */
function mostSpecificError(errors, prefix) {
  const depth = (/** @type {import('ajv').ErrorObject} */ error) => error.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const here = errors.filter((error) => depth(error) === deepest);
  const pointer = prefix + (here[0]?.instancePath ?? '');
  const messages = [
    ...new Set(
      here
        .filter((error) => !['oneOf', 'anyOf', 'if'].includes(error.keyword))
        .map((error) =>
          error.keyword === 'additionalProperties'
            ? `must not have the property ${JSON.stringify(error.params.additionalProperty)}`
            : error.keyword === 'enum'
              ? `must be one of ${JSON.stringify(error.params.allowedValues)}`
              : (error.message ?? error.keyword),
        ),
    ),
  ];
  return { pointer, expected: messages.length > 0 ? messages.join(', or ') : (here[0]?.message ?? 'does not match the schema') };
}
