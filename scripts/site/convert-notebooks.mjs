// @ts-check
// The site's first build step: every notebook becomes a page, with the
// outputs saved in it, and its `.ipynb` is copied beside the site's static
// files for the page's download link. The notebooks that test the converter
// (test/site/fixtures) become unlisted pages, so the browser tests see them
// built exactly as the real ones.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedDocs } from './generated-paths.mjs';
import { notebookToMdx } from './notebook-to-mdx.mjs';

/**
 * @typedef {object} NotebookSet
 * @property {string} from The folder of the `.ipynb` files.
 * @property {string} to The docs folder the pages are written to.
 * @property {string} downloads The folder, under the static files, of the `.ipynb` copies.
 * @property {Record<string, unknown>} [frontMatter] Front matter every page of the set gets.
 */

/** @type {readonly NotebookSet[]} */
export const notebookSets = [
  { from: 'notebooks', to: generatedDocs.notebooks, downloads: 'notebooks' },
  {
    from: 'test/site/fixtures',
    to: generatedDocs.siteTestNotebooks,
    downloads: 'site-tests',
    // Pages that test the site, kept out of the sitemap, the sidebars and the search.
    frontMatter: { unlisted: true },
  },
];

/**
 * Converts every set's notebooks under `root`; returns the pages written.
 *
 * @param {string} root The repository.
 * @returns {string[]}
 */
export function convertNotebooks(root) {
  const pathsToHide = [root, homedir()];
  const written = [];
  for (const set of notebookSets) {
    const pages = resolve(root, set.to);
    const downloads = resolve(root, generatedDocs.staticDirectory, set.downloads);
    rmSync(pages, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
    const source = resolve(root, set.from);
    const fileNames = existsSync(source) ? readdirSync(source).filter((name) => name.endsWith('.ipynb')).sort() : [];
    if (fileNames.length === 0) continue;
    mkdirSync(pages, { recursive: true });
    mkdirSync(downloads, { recursive: true });
    const convertedNotebooks = new Set(fileNames);
    for (const fileName of fileNames) {
      const notebook = JSON.parse(readFileSync(join(source, fileName), 'utf8'));
      const mdx = notebookToMdx(notebook, {
        fileName,
        downloadPath: `/${set.downloads}/${fileName}`,
        convertedNotebooks,
        pathsToHide,
        frontMatter: set.frontMatter,
      });
      const page = join(pages, `${basename(fileName, '.ipynb')}.mdx`);
      writeFileSync(page, mdx);
      copyFileSync(join(source, fileName), join(downloads, fileName));
      written.push(page);
    }
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pages = convertNotebooks(process.cwd());
  console.log(`Converted ${pages.length} notebooks to pages.`);
}
