import { describe, expect, it } from 'vitest';
import { testMarkdownCodeBlocks } from '../support/markdown-code-blocks.js';
import { handWrittenPages } from '../support/snippets.js';

const pages = handWrittenPages();

describe('the code blocks of the hand-written docs pages', () => {
  const snippets = testMarkdownCodeBlocks('docs', pages);

  it('are found on every guide page', () => {
    for (const page of ['getting-started.md', 'semantics.md', 'errors.md', 'conventions.md', 'variants.mdx', 'numpy-helpers.md', 'experiments.mdx', 'plots.md', 'speed.md']) {
      expect(snippets.some((snippet) => snippet.name.startsWith(`docs/${page}:`)), page).toBe(true);
    }
  });
});

describe('handWrittenPages()', () => {
  it('lists the pages of docs/ and not the generated ones', () => {
    const names = pages.map((page) => page.replace(/^.*\/docs\//, ''));
    expect(names).toContain('site-tests/components.mdx');
    expect(names.filter((name) => /^(api|notebooks|site-tests\/notebooks|site-tests\/hostile)\//.test(name))).toEqual([]);
  });
});
