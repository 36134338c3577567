import type { Plugin } from '@docusaurus/types';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Where a page's HTML has a `</script>` end tag that closes no script
 * element, or a script element that is never closed: the mark of text that
 * broke out of a script element (a title written into JSON-LD unescaped),
 * after which the browser runs what the text holds. The page is parsed as
 * a browser parses it; a `</script` is fine as the end tag of a script
 * element, or inside a start tag (an attribute's value). Returns the offsets
 * of the bad tags.
 */
export function scriptBreakouts(html: string): number[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const scriptEnds = new Set<number>();
  const unclosed: number[] = [];
  const startTags: [number, number][] = [];
  const visit = (node: ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const element = child as Element;
      const location = element.sourceCodeLocation;
      if (location?.startTag) startTags.push([location.startTag.startOffset, location.startTag.endOffset]);
      if (element.tagName === 'script' && location) {
        if (location.endTag) scriptEnds.add(location.endTag.startOffset);
        else unclosed.push(location.startOffset);
      }
      visit(element.tagName === 'template' ? (element as DefaultTreeAdapterMap['template']).content : element);
    }
  };
  visit(document);
  const stray = [...html.matchAll(/<\/script/gi)]
    .map((match) => match.index)
    .filter((offset) => !scriptEnds.has(offset) && !startTags.some(([start, end]) => offset > start && offset < end));
  return [...unclosed, ...stray].sort((a, b) => a - b);
}

/** The HTML files of a built site. */
export function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/**
 * Fails the build when a page has a stray script tag. Docusaurus's HTML
 * minifier only prints "Stray end tag" as a diagnostic and carries on, and
 * the page then runs the script.
 */
export default function scriptEndTagCheckPlugin(): Plugin {
  return {
    name: 'script-end-tag-check',
    postBuild({ outDir }) {
      const broken = htmlFiles(outDir).flatMap((file) => {
        const html = readFileSync(file, 'utf8');
        return scriptBreakouts(html).map((offset) => `${relative(outDir, file)}: ${JSON.stringify(html.slice(offset, offset + 80))}`);
      });
      if (broken.length > 0) {
        throw new Error(`Text broke out of a <script> element, on ${broken.length} tag(s); the page would run it:\n${broken.join('\n')}`);
      }
    },
  };
}
