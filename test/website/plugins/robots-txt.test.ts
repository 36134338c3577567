import { expect, it } from 'vitest';
import { robotsTxt } from '../../../website/plugins/robots-txt.js';

it('robotsTxt(url, baseUrl) allows the site and names its sitemap by its full address', () => {
  expect(robotsTxt('https://owner.github.io', '/leaky-relu/')).toBe('User-agent: *\nAllow: /leaky-relu/\n\nSitemap: https://owner.github.io/leaky-relu/sitemap.xml\n');
  expect(robotsTxt('http://127.0.0.1:3000', '/')).toBe('User-agent: *\nAllow: /\n\nSitemap: http://127.0.0.1:3000/sitemap.xml\n');
});
