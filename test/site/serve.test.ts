import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveSite, siteFile } from '../../scripts/site/serve.mjs';

const site = mkdtempSync(join(tmpdir(), 'site-'));
mkdirSync(join(site, 'api'));
writeFileSync(join(site, 'index.html'), '<p>home</p>');
writeFileSync(join(site, 'semantics.html'), '<p>semantics</p>');
writeFileSync(join(site, 'api/index.html'), '<p>api</p>');
writeFileSync(join(site, '404.html'), '<p>not found</p>');

describe('siteFile(directory, urlPath)', () => {
  it('finds a page by its route, as the static build writes it', () => {
    expect(siteFile(site, '/')).toBe(join(site, 'index.html'));
    expect(siteFile(site, '/semantics')).toBe(join(site, 'semantics.html'));
    expect(siteFile(site, '/api')).toBe(join(site, 'api/index.html'));
    expect(siteFile(site, '/semantics.html')).toBe(join(site, 'semantics.html'));
  });

  it('finds nothing outside the directory, or missing', () => {
    expect(siteFile(site, '/../../etc/passwd')).toBeUndefined();
    expect(siteFile(site, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(siteFile(site, '/missing')).toBeUndefined();
  });
});

describe('serveSite(directory, port)', () => {
  it('serves pages on 127.0.0.1 with their type, and 404.html for anything else', async () => {
    const server = await serveSite(site, 0);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.url}/semantics`);
      expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<p>semantics</p>']);
      const missing = await fetch(`${server.url}/nowhere`);
      expect([missing.status, await missing.text()]).toEqual([404, '<p>not found</p>']);
    } finally {
      await server.close();
    }
  });
});
