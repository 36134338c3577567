import { describe, expect, it } from 'vitest';
import { notebookSlug } from '../../scripts/site/notebook-slug.mjs';

describe('notebookSlug(fileName, path)', () => {
  it.each([
    ['01-leaky-relu.ipynb', '01-leaky-relu'],
    ['y2 name #1 %41.ipynb', 'y2-name-1-41'],
    ['_x.ipynb', 'x'],
    ['UPPER.IPYNB', 'upper'],
    ['Café déjà vu.ipynb', 'cafe-deja-vu'],
    ['../../etc/passwd.ipynb', 'etc-passwd'],
  ])('names %j %j', (fileName, slug) => {
    expect(notebookSlug(fileName, `notebooks/${fileName}`)).toBe(slug);
  });

  it('fails on a name with no letter or digit', () => {
    expect(() => notebookSlug('#%.ipynb', 'notebooks/#%.ipynb')).toThrow('notebooks/#%.ipynb: at the top level: expected a file name with a letter or a digit, to name the page after ("#%.ipynb" has none)');
  });
});
