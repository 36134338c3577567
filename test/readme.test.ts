import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testMarkdownCodeBlocks } from './support/markdown-code-blocks.js';
import { root } from './support/snippets.js';

describe('the README code blocks', () => {
  const snippets = testMarkdownCodeBlocks('readme', [join(root, 'README.md')]);

  it('include the quick start', () => {
    expect(snippets.some((snippet) => snippet.code.includes("from 'leaky-relu'"))).toBe(true);
  });
});
