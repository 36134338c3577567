import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildStamp, siteSourcesHash, writeBuildStamp } from '../../website/build/build-stamp.mjs';

function siteSources(): string {
  const root = mkdtempSync(join(tmpdir(), 'site-sources-'));
  mkdirSync(join(root, 'docs/api'), { recursive: true });
  mkdirSync(join(root, 'build'));
  writeFileSync(join(root, 'docs/semantics.md'), '# Semantics');
  writeFileSync(join(root, 'docusaurus.config.ts'), 'export default {};');
  return root;
}

describe('siteSourcesHash(root)', () => {
  it('changes when a source changes, and not when generated pages do', () => {
    const root = siteSources();
    const before = siteSourcesHash(root);
    writeFileSync(join(root, 'docs/api/index.md'), '# generated');
    expect(siteSourcesHash(root)).toBe(before);
    writeFileSync(join(root, 'docs/semantics.md'), '# Semantics, edited');
    expect(siteSourcesHash(root)).not.toBe(before);
  });

  it('changes when a file moves, with the same content', () => {
    const root = siteSources();
    const before = siteSourcesHash(root);
    const moved = siteSources();
    renameSync(join(moved, 'docs/semantics.md'), join(moved, 'docs/meaning.md'));
    expect(siteSourcesHash(moved)).not.toBe(before);
    renameSync(join(moved, 'docs/meaning.md'), join(moved, 'docs/semantics.md'));
    expect(siteSourcesHash(moved)).toBe(before);
  });

  it('changes with the address the site is built for, which every page holds', () => {
    const root = siteSources();
    const local = siteSourcesHash(root, 'production', {});
    expect(siteSourcesHash(root, 'production', { BASE_URL: '/leaky-relu/' })).not.toBe(local);
    expect(siteSourcesHash(root, 'production', { SITE_URL: 'https://owner.github.io' })).not.toBe(local);
    expect(siteSourcesHash(root, 'production', { SITE_URL: 'http://127.0.0.1:3000', BASE_URL: '/' })).toBe(local);
  });
});

describe('readBuildStamp(root)', () => {
  it('reads what writeBuildStamp wrote, while build/ holds a site', () => {
    const root = siteSources();
    writeBuildStamp(root, 'production', 'abc');
    expect(readBuildStamp(root)).toBeUndefined();
    writeFileSync(join(root, 'build/index.html'), '');
    expect(readBuildStamp(root)).toBe('abc');
  });
});
