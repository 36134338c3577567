// @ts-check
import { NotebookError } from './notebook-error.mjs';

/** A notebook file name, whatever the case of its extension. */
export const NOTEBOOK_FILE = /\.ipynb$/i;

/**
 * The file names the site converts: letters, digits, spaces and a few
 * punctuation marks that mean nothing to a shell inside quotes, and no `-`
 * first (an option to `jupyter`). `$(curl …|sh).ipynb`, a quote, a line
 * break or a bidi control fails the build.
 */
const NOTEBOOK_NAME = /^(?!-)[\p{L}\p{M}\p{N} ._#%+,@-]+$/u;

/**
 * The name a notebook's page and download take: its file name without the
 * extension, in lower case, with each run of characters other than ASCII
 * letters and digits made one `-`, and no `-` at either end. So
 * `y2 name #1 %41.ipynb` is `y2-name-1-41`, and `_x.ipynb` is `x` (the docs
 * plugin skips files starting with `_`), and the name is safe in a URL as it
 * stands.
 *
 * @param {string} fileName
 * @param {string} path The notebook's path, for the error.
 * @throws {NotebookError} When the name holds another character, or has no letter or digit to make a slug of.
 */
export function notebookSlug(fileName, path) {
  if (!NOTEBOOK_NAME.test(fileName)) {
    throw new NotebookError(path, '', `expected a file name of letters, digits, spaces and . _ - # % + , @ only, not starting with - (the page shows the name in a shell command), got ${JSON.stringify(fileName)}`);
  }
  const slug = fileName
    .replace(NOTEBOOK_FILE, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') throw new NotebookError(path, '', `expected a file name with a letter or a digit, to name the page after (${JSON.stringify(fileName)} has none)`);
  return slug;
}
