// @ts-check

/**
 * A notebook the site cannot build, with where and why: the notebook's
 * path, the JSON pointer of the bad part (RFC 6901, `` for the whole
 * notebook), and what was expected there.
 */
export class NotebookError extends Error {
  /**
   * @param {string} notebook The notebook's path, relative to the repository.
   * @param {string} pointer The JSON pointer of the bad part.
   * @param {string} expected What the site expected there.
   */
  constructor(notebook, pointer, expected) {
    super(`${notebook}: at ${pointer === '' ? 'the top level' : pointer}: ${expected}`);
    this.name = 'NotebookError';
    this.notebook = notebook;
    this.pointer = pointer;
    this.expected = expected;
  }
}

/**
 * The JSON pointer of a path of keys and indices.
 *
 * @param {readonly (string | number)[]} keys
 */
export function jsonPointer(keys) {
  return keys.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
