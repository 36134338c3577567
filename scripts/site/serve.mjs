// @ts-check
// A small static server for the built site, on 127.0.0.1 only: `npm start`
// serves build/ with it, and the browser tests start one on a free port.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.ipynb': 'application/x-ipynb+json',
};

/**
 * The file a URL path names in the built site: the file itself, or the page
 * (`/semantics` is `semantics.html`, `/` is `index.html`).
 *
 * @param {string} directory
 * @param {string} urlPath
 */
export function siteFile(directory, urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [path, `${path}.html`, join(path, 'index.html')].map((candidate) => join(directory, candidate));
  return candidates.find((candidate) => candidate.startsWith(directory) && existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * Serves `directory` on 127.0.0.1; port 0 picks a free port.
 *
 * @param {string} directory
 * @param {number} port
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveSite(directory, port) {
  const root = resolve(directory);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = siteFile(root, pathname);
    const status = file ? 200 : 404;
    const body = file ?? join(root, '404.html');
    const type = CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (extname(body))] ?? 'application/octet-stream';
    response.writeHead(status, { 'content-type': type });
    createReadStream(body).pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      resolveServer({
        url: `http://127.0.0.1:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3000' }, dir: { type: 'string', default: 'build' } } });
  const { url } = await serveSite(values.dir, Number(values.port));
  console.log(`The documentation site is served at ${url}/ (Ctrl+C stops it).`);
}
