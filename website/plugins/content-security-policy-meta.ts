import type { Plugin } from '@docusaurus/types';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { htmlFiles } from './script-end-tag-check.js';
import { RUNNER_FOLDER } from '../build/runner-policy.mjs';
import { metaContentSecurityPolicy, TRUSTED_PAGES, trustedInlineScriptHashes } from '../build/content-security-policy.mjs';

type Element = DefaultTreeAdapterMap['element'];

/**
 * The page with a `<meta http-equiv="Content-Security-Policy">` right after
 * its `<meta charset>`. A browser applies a meta policy only to what follows
 * it, so the page is refused (an Error) when a script, a style sheet or any
 * element that loads something comes before that point: only `<meta>`,
 * `<title>` and `<base>`-free text may.
 */
export function withMetaPolicy(html: string, policy: string): string {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const htmlElement = document.childNodes.find((node): node is Element => 'tagName' in node && node.tagName === 'html');
  const head = htmlElement?.childNodes.find((node): node is Element => 'tagName' in node && node.tagName === 'head');
  const elements = (head?.childNodes ?? []).filter((node): node is Element => 'tagName' in node);
  const charset = elements.findIndex((element) => element.tagName === 'meta' && element.attrs.some((attribute) => attribute.name === 'charset'));
  const offset = elements[charset]?.sourceCodeLocation?.endOffset;
  if (offset === undefined) throw new Error('the page has no <meta charset> in its <head>, after which the policy goes');
  const before = elements.slice(0, charset).filter((element) => element.tagName !== 'meta' && element.tagName !== 'title');
  if (before.length > 0) throw new Error(`the page has <${before[0]!.tagName}> before its <meta charset>, where the policy would not cover it`);
  const content = policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `${html.slice(0, offset)}<meta http-equiv="Content-Security-Policy" content="${content}">${html.slice(offset)}`;
}

/**
 * Writes the site's Content-Security-Policy into every page as a meta tag,
 * for hosts that send no response headers (GitHub Pages): the server's
 * policy (website/build/content-security-policy.mjs) less what a meta tag
 * cannot carry, with the hashes of the same trusted inline scripts.
 */
export default function contentSecurityPolicyMetaPlugin(): Plugin {
  return {
    name: 'content-security-policy-meta',
    postBuild({ outDir }) {
      const trusted = TRUSTED_PAGES.map((page) => join(outDir, page)).filter((path) => existsSync(path));
      const policy = metaContentSecurityPolicy(trustedInlineScriptHashes(trusted.map((path) => readFileSync(path, 'utf8'))));
      // The runner page carries its own policy (website/build/runner-policy.mjs); a second one would be enforced too.
      const runnerFolder = join(outDir, RUNNER_FOLDER);
      for (const file of htmlFiles(outDir).filter((path) => !path.startsWith(`${runnerFolder}/`))) {
        try {
          writeFileSync(file, withMetaPolicy(readFileSync(file, 'utf8'), policy));
        } catch (error) {
          throw new Error(`${relative(outDir, file)}: ${(error as Error).message}`, { cause: error });
        }
      }
    },
  };
}
