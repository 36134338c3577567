// The production build as files: what it holds, and what it must not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaContentSecurityPolicy, TRUSTED_PAGES, trustedInlineScriptHashes } from '../../website/build/content-security-policy.mjs';
import { RUNNER_FOLDER } from '../../website/build/runner-policy.mjs';
import { KATEX_PRELOADED_FONTS } from '../../website/plugins/katex-stylesheet.js';
import { builtSite, sitemapPaths } from '../support/site-browser.js';
import { root } from '../support/snippets.js';

/** Every file of the build, as paths relative to it; the server-side bundle is not published. */
function builtFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(folder, path)).isFile())
    .filter((path) => !path.startsWith('__server'));
}

const html = (path: string): string => readFileSync(join(builtSite(), path), 'utf8');

/** The width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the production build', () => {
  it("holds no absolute path of the machine it was built on, in any file", () => {
    const folder = builtSite();
    const leaks = builtFiles(folder).filter((path) => readFileSync(join(folder, path)).includes(root));
    expect(leaks, `files holding ${root}`).toEqual([]);
    // The check can fail: the repository's path is what a leak would hold.
    expect(readFileSync(join(root, 'package.json')).includes(root)).toBe(false);
    expect(Buffer.from(`file://${root}/src/plot/static-picture.ts`).includes(root)).toBe(true);
  });

  it('has a robots.txt that names the sitemap', () => {
    expect(html('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: http://127.0.0.1:3000/sitemap.xml\n');
  });

  it('gives every page a social card: a 1200×630 PNG of the build', () => {
    const image = /<meta[^>]*property="?og:image"?[^>]*content="?([^" >]+)/.exec(html('index.html'))?.[1];
    expect(image).toBe('http://127.0.0.1:3000/img/social-card.png');
    expect(html('semantics.html')).toContain('og:image content=http://127.0.0.1:3000/img/social-card.png');
    expect(pngSize(join(builtSite(), 'img/social-card.png'))).toEqual({ width: 1200, height: 630 });
  });

  it('has a 404 page with a search of the site and links to its main sections', () => {
    const page = html('404.html');
    expect(page).toMatch(/<form[^>]*action="?\/search"?/);
    expect(page).toMatch(/<input[^>]*name="?q"?/);
    for (const section of ['/getting-started', '/semantics', '/notebooks', '/api', '/benchmarks']) expect(page).toMatch(new RegExp(`href="?${section}[" >]`));
    expect(page).not.toContain('Page Not Found');
  });

  it("links KaTeX's stylesheet from the pages with maths only, and bundles none of it into the site's stylesheet", () => {
    const stylesheet = /href="?(\/katex-[\d.]+\/katex\.min\.css)/;
    const katex = stylesheet.exec(html('semantics.html'))?.[1];
    expect(katex).toMatch(/^\/katex-\d+\.\d+\.\d+\/katex\.min\.css$/);
    expect(readFileSync(join(builtSite(), katex!), 'utf8')).toContain('KaTeX_Main');
    expect(readdirSync(join(builtSite(), katex!, '../fonts')).some((font) => font.startsWith('KaTeX_Main-Regular'))).toBe(true);
    expect(html('security.html')).not.toMatch(stylesheet);
    const css = readdirSync(join(builtSite(), 'assets/css'));
    for (const file of css) expect(readFileSync(join(builtSite(), 'assets/css', file), 'utf8'), file).not.toContain('KaTeX_Main');
  });

  it('gives every page of the sitemap a description, the search page included', () => {
    const missing = sitemapPaths()
      .map((path) => (path === '/' ? 'index.html' : `${path.slice(1)}.html`))
      .filter((file) => !/<meta[^>]*name="?description"?[^>]*content="[^"]{20,}"/.test(html(file)));
    expect(missing).toEqual([]);
  });

  it('describes each API page by its summary, with no Markdown escape in a description or the search index', () => {
    expect(html('api/leaky-relu/type-aliases/NumericInput.html')).toMatch(/name="?description"? content="A value the ops accept: a number or an array of numbers\."/);
    const api = builtFiles(join(builtSite(), 'api')).filter((path) => path.endsWith('.html'));
    expect(api.length).toBeGreaterThan(20);
    for (const page of api) expect(html(`api/${page}`).match(/<meta[^>]*name="?description"?[^>]*>/)?.[0], page).not.toContain('\\|');
    expect(readFileSync(join(builtSite(), 'search-index.json'), 'utf8')).not.toContain('\\\\|');
  });

  it("links KaTeX's stylesheet and preloads its main fonts outside the head manager on each page with maths, so hydration never unstyles the maths", () => {
    for (const page of ['semantics.html', 'experiments.html', 'notebooks/properties.html']) {
      const head = html(page).split('</head>')[0]!;
      // The head manager's own tags carry data-rh, and are removed and re-added while the page hydrates.
      const links = [...head.matchAll(/<link (?![^>]*data-rh)[^>]*>/g)].map(([tag]) => tag);
      expect(links.filter((tag) => /rel="?stylesheet"?[^>]*href="?\/katex-[\d.]+\/katex\.min\.css/.test(tag)), page).toHaveLength(1);
      for (const font of KATEX_PRELOADED_FONTS) {
        expect(links.filter((tag) => tag.includes('rel="preload"') && tag.includes(`/fonts/${font}.woff2`)), `${page} ${font}`).toHaveLength(1);
      }
    }
    expect(html('getting-started.html')).not.toContain('katex.min.css');
  });

  it("keeps the site's primary colour: Infima's rules sit in a cascade layer, not behind `:not(#\\#)`", () => {
    const css = readdirSync(join(builtSite(), 'assets/css')).map((file) => readFileSync(join(builtSite(), 'assets/css', file), 'utf8')).join('');
    expect(css).not.toContain(':not(#\\#)');
    expect(css).toContain('--ifm-color-primary:#2e5cb8');
  });

  it("paints each page before the application's scripts run: the head preloads them, one inline script inserts them in order", () => {
    const loaders = new Set<string>();
    for (const path of sitemapPaths()) {
      const page = html(path === '/' ? 'index.html' : `${path.slice(1)}.html`);
      const [head, body] = page.split('</head>') as [string, string];
      expect(page, path).not.toMatch(/<script[^>]*\bdefer\b/);
      const preloaded = [...head.matchAll(/<link rel="?preload"? as="?script"? href="?([^" >]+)/g)].map(([, src]) => src);
      expect(preloaded.map((src) => /\/assets\/js\/((?:runtime~)?main)\./.exec(src!)?.[1]), path).toEqual(['runtime~main', 'main']);
      const loader = /<script>([^<]*)<\/script><\/body>/.exec(body)?.[1];
      expect(loader, path).toContain(JSON.stringify(preloaded));
      loaders.add(loader!);
    }
    // One loader, so one hash in the server's Content-Security-Policy admits it on every page.
    expect(loaders.size).toBe(1);
  });

  it("carries the server's policy on every page, in a meta tag right after <meta charset>, with the hashes of the trusted pages' inline scripts", () => {
    const policy = metaContentSecurityPolicy(trustedInlineScriptHashes(TRUSTED_PAGES.map(html)));
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*'){2,}; /);
    // The runner page has a policy of its own (test/site/run-on-page.test.ts).
    const pages = builtFiles(builtSite()).filter((path) => path.endsWith('.html') && !path.startsWith(`${RUNNER_FOLDER}/`));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      expect(html(path).slice(0, 2000), path).toMatch(/^<!doctype html><html[^>]*><head><meta charset=UTF-8><meta http-equiv="Content-Security-Policy" content="([^"]*)">/i);
      expect(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html(path))?.[1], path).toBe(policy);
    }
  });

  it('keeps Prism out of the bundle every page evaluates, and still highlights the shell blocks', () => {
    const scripts = readdirSync(join(builtSite(), 'assets/js')).filter((file) => file.endsWith('.js'));
    const holding = (marker: string) => scripts.filter((file) => readFileSync(join(builtSite(), 'assets/js', file), 'utf8').includes(marker));
    // A grammar of prism-react-renderer's own, and the bash component's variable list.
    for (const marker of ['languages.actionscript', 'BASH_ALIASES']) {
      const chunks = holding(marker);
      expect(chunks, marker).toHaveLength(1);
      expect(chunks[0], marker).not.toMatch(/^(runtime~)?main\./);
    }
    const shell = /<pre[^>]*language-sh[^>]*>(.*?)<\/pre>/.exec(html('getting-started.html'))?.[1];
    expect(shell).toContain('class="token function"');
  });

  it('shows each notebook chart as its static picture in the page itself, before any script runs', () => {
    const page = html('notebooks/leaky-relu.html');
    expect(page).toMatch(/<img[^>]*src="?data:image\/png;base64,/);
    expect(page).toContain('data-chart-placeholder');
  });
});
