import type { Plugin } from '@docusaurus/types';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The robots.txt of the built site: every page may be crawled, and the
 * sitemap is named by its full address, which depends on where the site is
 * published (SITE_URL and BASE_URL), so the file is written at build time.
 */
export function robotsTxt(url: string, baseUrl: string): string {
  return `User-agent: *\nAllow: ${baseUrl}\n\nSitemap: ${url}${baseUrl}sitemap.xml\n`;
}

export default function robotsTxtPlugin(): Plugin {
  return {
    name: 'robots-txt',
    async postBuild({ outDir, siteConfig }) {
      await writeFile(join(outDir, 'robots.txt'), robotsTxt(siteConfig.url, siteConfig.baseUrl));
    },
  };
}
