// @ts-check
// How much of a notebook the site shows. A page is HTML, a JS chunk and a
// search index entry, all in proportion to what it shows: a 50 MB output
// once made a 52 MB page, a 53 MB chunk and a 61 MB search index.

/** A notebook file over this size fails the build. */
export const MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024;

/** A notebook with more cells than this fails the build. */
export const MAX_CELLS = 20_000;

/**
 * An output over this size is held back from the page (a text output keeps
 * its first part): a notice says so and links to the `.ipynb`.
 */
export const MAX_OUTPUT_BYTES = 1024 * 1024;

/** Once a page shows this much output, every further output is held back the same way. */
export const MAX_PAGE_OUTPUT_BYTES = 5 * 1024 * 1024;

/** @param {number} bytes */
export function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
