import { describe, expect, it } from 'vitest';
import { testMarkdownCodeBlocks } from '../support/markdown-code-blocks.js';
import { RUNNABLE_PAGES } from '../../website/components/runner/runnable-pages.js';
import { handWrittenPages } from '../support/snippets.js';

const pages = handWrittenPages();

/**
 * The pages whose blocks run in Node but get no Run button (they are not in
 * RUNNABLE_PAGES), each with the reason: a new page with a runnable block
 * goes in one or the other.
 */
const NOT_RUNNABLE_PAGES: { readonly [path: string]: string } = {
  '/plots': 'its blocks display figures in a tslab kernel',
};

describe('the code blocks of the hand-written docs pages', () => {
  const snippets = testMarkdownCodeBlocks('docs', pages);

  it('are found on every page that runs them on the page, and every page with one runs them there or says why not', () => {
    const pagesWithBlocks = new Set(snippets.map((snippet) => `/${snippet.name.replace(/^docs\//, '').replace(/\.mdx?:\d+$/, '')}`));
    const listed = [...RUNNABLE_PAGES, ...Object.keys(NOT_RUNNABLE_PAGES)];
    expect([...pagesWithBlocks].filter((page) => !listed.includes(page)), 'pages with a runnable block, in neither RUNNABLE_PAGES nor NOT_RUNNABLE_PAGES').toEqual([]);
    expect(listed.filter((page) => !pagesWithBlocks.has(page)), 'listed pages where no block was found').toEqual([]);
  });
});

describe('handWrittenPages()', () => {
  it('lists the pages of docs/ and not the generated ones', () => {
    const names = pages.map((page) => page.replace(/^.*\/docs\//, ''));
    expect(names).toContain('site-tests/components.mdx');
    expect(names.filter((name) => /^(api|notebooks|site-tests\/notebooks|site-tests\/hostile)\//.test(name))).toEqual([]);
  });
});
