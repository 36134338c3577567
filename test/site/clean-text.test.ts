import { describe, expect, it } from 'vitest';
import { cleanText } from '../../website/build/clean-text.mjs';

describe('cleanText(text, repository)', () => {
  it("removes ANSI codes and makes the repository's path relative, where it is a whole path", () => {
    expect(cleanText('\u001b[31m/repo/src/a.ts:1\u001b[0m (file:///repo/b.js:2) at "/repo/c.ts" cd /repo', '/repo')).toBe('src/a.ts:1 (b.js:2) at "c.ts" cd .');
  });

  it('leaves every other path, and every URL, as it is', () => {
    const text = 'GET /api/v1/users/123\nhttps://example.com/rootkit/v1/x\n/usr/share/dict/words\nhref="/api/v1/users/123"\n/repository/x /repo2/y x/repo/z (/tmp/run/b.js:2)';
    expect(cleanText(text, '/repo')).toBe(text);
    expect(cleanText(text, '/api/v1')).toBe(text.replace('GET /api/v1/users/123', 'GET users/123').replace('href="/api/v1/users/123"', 'href="users/123"'));
  });

  it('reads the repository path literally, not as a pattern', () => {
    expect(cleanText('/a.b/x /axb/y', '/a.b')).toBe('x /axb/y');
  });
});
