// @ts-check
// The site's first build step: every notebook becomes a page, with the
// outputs saved in it, and its `.ipynb` is copied beside the site's static
// files for the page's download link. Each notebook is checked first (size,
// JSON, nbformat schema); the first bad one stops the build with its path,
// the JSON pointer of the bad part, and what was expected there.
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedDocs } from './generated-paths.mjs';
import { NotebookError } from './notebook-error.mjs';
import { formatBytes, MAX_CELLS, MAX_NOTEBOOK_BYTES } from './notebook-limits.mjs';
import { NOTEBOOK_FILE, notebookSlug } from './notebook-slug.mjs';
import { notebookToMdx } from './notebook-to-mdx.mjs';
import { siteVariant } from './site-variant.mjs';
import { upgradeNbformat3 } from './upgrade-nbformat3.mjs';
import { validateNotebook } from './validate-notebook.mjs';

/**
 * @typedef {object} NotebookSet
 * @property {string} from The folder of the `.ipynb` files.
 * @property {string} to The docs folder the pages are written to.
 * @property {string} staticDirectory The static folder the `.ipynb` copies go to.
 * @property {string} downloads The folder, under the static folder, of the `.ipynb` copies.
 */

/** The folder, beside the pages, of each page's cells as JSON: the docs plugin skips folders starting with `_`. */
const CELLS_FOLDER = '_cells';

/** The notebooks of each variant of the site (website/build/site-variant.mjs). */
export const notebookSets = {
  production: [{ from: 'notebooks', to: generatedDocs.notebooks, staticDirectory: generatedDocs.staticDirectory, downloads: 'notebooks' }],
  'site-tests': [
    { from: 'notebooks', to: generatedDocs.notebooks, staticDirectory: generatedDocs.staticDirectory, downloads: 'notebooks' },
    { from: 'test/site/fixtures', to: generatedDocs.siteTestNotebooks, staticDirectory: generatedDocs.siteTestsStaticDirectory, downloads: 'site-tests' },
    { from: generatedDocs.hostileNotebooks, to: generatedDocs.siteTestHostileNotebooks, staticDirectory: generatedDocs.siteTestsStaticDirectory, downloads: 'site-tests/hostile' },
  ],
};

/**
 * A notebook file's bytes. Only a regular file is read, never through a
 * symbolic link (checked with `lstat`, and opened with `O_NOFOLLOW`, so a
 * link swapped in between is refused too): a link to `/etc/passwd` or to a
 * notebook outside the repository would be converted and published, and
 * one to `/dev/zero` read forever. The size is checked before reading, and
 * no more than the limit is read, whatever the file grows to.
 *
 * @param {string} file The notebook's absolute path.
 * @param {string} path Its path in the repository, for errors.
 * @returns {Buffer}
 * @throws {NotebookError}
 */
export function readNotebookBytes(file, path) {
  const notRegular = (/** @type {import('node:fs').Stats} */ stats) =>
    new NotebookError(path, '', `expected a regular file, got ${stats.isSymbolicLink() ? 'a symbolic link' : stats.isDirectory() ? 'a folder' : 'a special file'}`);
  const tooBig = (/** @type {string} */ size) => new NotebookError(path, '', `expected a notebook of at most ${formatBytes(MAX_NOTEBOOK_BYTES)}, the most the site converts, got ${size}`);
  const linkStats = lstatSync(file);
  if (!linkStats.isFile()) throw notRegular(linkStats);
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw notRegular(stats);
    if (stats.size > MAX_NOTEBOOK_BYTES) throw tooBig(formatBytes(stats.size));
    // One byte more than the file holds: reading it means the file grew since fstat.
    const bytes = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < bytes.length; length += read) read = readSync(descriptor, bytes, length, bytes.length - length, null);
    if (length > stats.size) throw tooBig('a file that grew while it was read');
    return bytes.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text with each lone surrogate made U+FFFD (`String.prototype.toWellFormed`, which the site's TypeScript library predates).
 *
 * @param {string} text
 */
const wellFormed = (text) => text.replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd');

/**
 * A notebook, parsed and checked: valid JSON, valid against its nbformat
 * schema, and upgraded to nbformat 4 if it was 3. A lone surrogate
 * (`"\ud800"`, which JSON allows) becomes U+FFFD in every string and key,
 * as a UTF-8 decoder makes it: the bundler refuses one in a page's data.
 *
 * @param {Buffer} bytes The file's bytes.
 * @param {string} path Its path in the repository, for errors.
 * @returns {any}
 * @throws {NotebookError}
 */
export function parseNotebook(bytes, path) {
  let notebook;
  try {
    notebook = JSON.parse(bytes.toString('utf8'), (_key, value) => {
      if (typeof value === 'string') return wellFormed(value);
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.keys(value).some((key) => LONE_SURROGATE.test(key))) return value;
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [wellFormed(key), entry]));
    });
  } catch (error) {
    throw new NotebookError(path, '', `expected JSON: ${/** @type {Error} */ (error).message}`);
  }
  if (validateNotebook(notebook, path) === 3) {
    notebook = upgradeNbformat3(notebook, path);
    validateNotebook(notebook, `${path} (upgraded from nbformat 3)`);
  }
  if (notebook.cells.length > MAX_CELLS) {
    throw new NotebookError(path, '/cells', `expected at most ${MAX_CELLS} cells, the most the site shows on one page, got ${notebook.cells.length}`);
  }
  return notebook;
}

/**
 * A notebook file, read (readNotebookBytes) and parsed (parseNotebook).
 *
 * @param {string} file The notebook's absolute path.
 * @param {string} path Its path in the repository, for errors.
 * @returns {any}
 * @throws {NotebookError}
 */
export function readNotebook(file, path) {
  return parseNotebook(readNotebookBytes(file, path), path);
}

/**
 * Converts the notebooks of the variant under `root`; returns the pages written.
 * The site-tests variant also converts the hostile notebooks, which its
 * caller writes first (the corpus is test code: see site-variant.mjs).
 *
 * @param {string} root The repository.
 * @param {import('./site-variant.mjs').SiteVariant} [variant]
 * @returns {string[]}
 */
export function convertNotebooks(root, variant = siteVariant()) {
  for (const path of [generatedDocs.notebooks, generatedDocs.siteTestNotebooks, generatedDocs.siteTestHostileNotebooks, generatedDocs.staticDirectory, generatedDocs.siteTestsStaticDirectory]) {
    rmSync(resolve(root, path), { recursive: true, force: true });
  }
  const written = [];
  for (const set of notebookSets[variant]) {
    const source = resolve(root, set.from);
    if (existsSync(source) && !lstatSync(source).isDirectory()) throw new NotebookError(set.from, '', 'expected a folder of notebooks, not a symbolic link or a file');
    const fileNames = existsSync(source) ? readdirSync(source).filter((name) => NOTEBOOK_FILE.test(name)).sort() : [];
    if (fileNames.length === 0) continue;
    const pages = resolve(root, set.to);
    const downloads = resolve(root, set.staticDirectory, set.downloads);
    /** @type {Map<string, string>} */
    const slugs = new Map();
    for (const fileName of fileNames) {
      const path = `${set.from}/${fileName}`;
      const slug = notebookSlug(fileName, path);
      const clash = [...slugs].find(([, other]) => other === slug);
      if (clash) throw new NotebookError(path, '', `expected a file name that makes a page of its own: ${clash[0]} is also named ${slug}`);
      slugs.set(fileName, slug);
    }
    const notebookPages = new Map([...slugs].map(([fileName, slug]) => [fileName, `${slug}.mdx`]));
    mkdirSync(pages, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    for (const [fileName, slug] of slugs) {
      const path = `${set.from}/${fileName}`;
      const bytes = readNotebookBytes(join(source, fileName), path);
      const notebook = parseNotebook(bytes, path);
      const { mdx, cellRuns } = notebookToMdx(notebook, {
        path,
        fileName,
        downloadPath: `/${set.downloads}/${slug}.ipynb`,
        notebookPages,
        repository: root,
        cellsModule: `./${CELLS_FOLDER}/${slug}.json`,
      });
      const page = join(pages, `${slug}.mdx`);
      writeFileSync(page, mdx);
      mkdirSync(join(pages, CELLS_FOLDER), { recursive: true });
      writeFileSync(join(pages, CELLS_FOLDER, `${slug}.json`), JSON.stringify(cellRuns));
      // The bytes converted, not the file again: it may have changed since.
      writeFileSync(join(downloads, `${slug}.ipynb`), bytes);
      written.push(page);
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pages = convertNotebooks(process.cwd());
  console.log(`Converted ${pages.length} notebooks to pages.`);
}
