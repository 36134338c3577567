// @ts-check
// The static server for the built site, on 127.0.0.1 only: `npm start` serves
// build/ with it, and the browser tests start one on a free port.
//
// `send` (the core of Express's serve-static) does the HTTP semantics of a
// file: ranges, conditional requests, ETag, Last-Modified, HEAD and the MIME
// type; `compression` (Express's) negotiates brotli or gzip and sets Vary.
// Neither refuses symlinks or other methods than GET and HEAD, nor falls back
// to a plain 404 (see SECURITY.md), so this file adds, around them: GET and
// HEAD only, one strict resolution of the URL to a regular file inside the
// folder, the security headers and the caching policy. Every request gets an
// answer, and none can stop the server.
import { lstat, readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import send from 'send';
import { contentSecurityPolicy, TRUSTED_PAGES, trustedInlineScriptHashes } from './content-security-policy.mjs';
import { RUNNER_FOLDER, runnerContentSecurityPolicy } from './runner-policy.mjs';

/** Longer request targets get 414; the site's longest URL is under 200 characters. */
export const MAX_URL_LENGTH = 2048;
/** Deeper paths get 404 without a look at the disk; the site is 5 folders deep. */
export const MAX_PATH_SEGMENTS = 32;
const ALLOWED_METHODS = ['GET', 'HEAD'];
// Docusaurus names every file it writes under assets/ after a hash of its
// content (`main.e8cabfe3.js`, `KaTeX_Main-Regular-<32 hex>.woff2`), so a
// changed file gets a new URL and the old one can be cached for good.
const HASHED_ASSET = /[.-][0-9a-f]{8,}\.[0-9a-z]+$/i;
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (pages, images, the search index) is revalidated with its
// ETag, so a rebuild shows at once.
const REVALIDATE = 'no-cache';
/**
 * Requests one connection may have unanswered: a browser sends one at a time
 * on a connection, and a client that pipelines more without reading the
 * answers is cut off, since each answer in progress holds a file and a
 * compressor (20,000 unread requests on one connection grew the server by
 * 800 MB).
 */
export const MAX_PIPELINED_REQUESTS = 8;
/** The answers of Node's parser to a request it cannot read, by its error code; any other gets 400. */
const CLIENT_ERROR_STATUS = /** @type {Record<string, number>} */ ({
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
});

/**
 * @typedef {{ status: 200, segments: string[] } | { status: 400 | 404 | 414 }} SiteFile
 */

/**
 * Resolves a request target to a file of the built site: the file itself, or
 * the page (`/semantics` is `semantics.html`, `/api/` is `api/index.html`).
 * Only a regular file inside `root`, reached through real folders, counts:
 * never a symlink, a dotfile or a dot-folder, a directory or anything outside.
 *
 * @param {string} root an absolute folder
 * @param {string} target the request target as sent, query included
 * @returns {Promise<SiteFile>} 200 with the path segments of the file under
 *   `root`; 400 for a malformed path (bad percent-encoding, `.` or `..`
 *   segments, an encoded `/`, a backslash or a NUL byte); 414 for a target
 *   over {@link MAX_URL_LENGTH}; 404 otherwise.
 */
export async function resolveSiteFile(root, target) {
  if (target.length > MAX_URL_LENGTH) return { status: 414 };
  // Only the origin form (`/path?query`): the absolute form and `*` name no file here.
  if (!target.startsWith('/')) return { status: 400 };
  const pathname = target.split('?', 1)[0] ?? '';
  const encoded = pathname.split('/').filter((segment) => segment !== '');
  if (encoded.length > MAX_PATH_SEGMENTS) return { status: 404 };
  /** @type {string[]} */
  const segments = [];
  for (const segment of encoded) {
    let decoded;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400 };
    }
    // Each one of these could name a different file on another server: refuse it rather than guess.
    if (decoded === '.' || decoded === '..' || /[/\\\0]/.test(decoded)) return { status: 400 };
    if (decoded.startsWith('.')) return { status: 404 };
    segments.push(decoded);
  }
  const last = segments.at(-1);
  const candidates = last === undefined
    ? [['index.html']]
    : [segments, [...segments.slice(0, -1), `${last}.html`], [...segments, 'index.html']];
  for (const candidate of candidates) {
    if (await isRegularFileInside(root, candidate)) return { status: 200, segments: candidate };
  }
  return { status: 404 };
}

/**
 * Whether `segments` lead from `root` to a regular file through folders only:
 * `lstat` at each step, so a symlink anywhere on the way ends the walk.
 *
 * @param {string} root
 * @param {string[]} segments
 */
async function isRegularFileInside(root, segments) {
  let path = root;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    const stats = await lstat(path).catch(() => undefined);
    const isLast = index === segments.length - 1;
    if (!stats || (isLast ? !stats.isFile() : !stats.isDirectory())) return false;
  }
  return true;
}

/**
 * The inline scripts the site may run (see {@link trustedInlineScriptHashes}), read from its home page and 404 page.
 *
 * @param {string} root
 * @param {string[]} site the folders of the site inside the root (its base path)
 * @returns {Promise<string[]>}
 */
async function trustedInlineScripts(root, site) {
  /** @type {string[]} */
  const pages = [];
  for (const page of TRUSTED_PAGES) {
    if (await isRegularFileInside(root, [...site, page])) pages.push(await readFile(join(root, ...site, page), 'utf8'));
  }
  return trustedInlineScriptHashes(pages);
}

/**
 * Headers sent with every answer, error or not.
 *
 * @param {string} policy
 */
function securityHeaders(policy) {
  return {
    'Content-Security-Policy': policy,
    // A file is only ever what its Content-Type says.
    'X-Content-Type-Options': 'nosniff',
    // Leaving the site for a linked page tells it nothing about the page left.
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * A short text answer: the errors, and 404 when the site has no 404.html.
 *
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {Record<string, string>} [headers]
 */
function respondWithStatus(response, status, headers = {}) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = statusText(status);
  response.writeHead(status, { ...headers, ...statusHeaders(body) });
  response.end(body);
}

/** @param {number} status */
const statusText = (status) => `${status} ${STATUS_CODES[status] ?? ''}\n`;

/** @param {string} body */
const statusHeaders = (body) => ({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': REVALIDATE });

/**
 * Answers, on the socket itself, a request Node's parser could not read
 * (Node's own answer carries none of the security headers), then closes
 * the connection.
 *
 * @param {Error & { code?: string }} error
 * @param {import('node:stream').Duplex} socket
 * @param {Record<string, string>} headers the security headers
 */
function answerClientError(error, socket, headers) {
  // Part of an answer already went out: another status line would be read as its body.
  if (!socket.writable || /** @type {{ bytesWritten?: number }} */ (socket).bytesWritten !== 0) {
    socket.destroy();
    return;
  }
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
  const body = statusText(status);
  const lines = Object.entries({ ...headers, ...statusHeaders(body), Connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${body}`, () => socket.destroy());
}

/**
 * Streams a file found by {@link resolveSiteFile} through `send`.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} root
 * @param {string[]} segments
 * @param {{ notFoundPage?: boolean }} [options] serve the 404 page: status 404, no validators, no ranges
 */
function respondWithFile(request, response, root, segments, options = {}) {
  const name = segments.at(-1) ?? '';
  const isNotFoundPage = options.notFoundPage ?? false;
  response.statusCode = isNotFoundPage ? 404 : 200;
  response.setHeader('Cache-Control', !isNotFoundPage && segments[0] === 'assets' && HASHED_ASSET.test(name) ? IMMUTABLE : REVALIDATE);
  // The path is already checked; `send` decodes it again, hence the encoding.
  send(request, `/${segments.map(encodeURIComponent).join('/')}`, {
    root,
    dotfiles: 'deny',
    index: false,
    cacheControl: false,
    etag: !isNotFoundPage,
    lastModified: !isNotFoundPage,
    acceptRanges: !isNotFoundPage,
  })
    .on('error', (/** @type {{ status?: number }} */ error) => respondWithStatus(response, error.status ?? 500))
    .pipe(response);
}

/**
 * Answers one request.
 *
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} root
 * @param {string[]} site the folders of the site inside the root (its base path)
 * @param {Record<string, string>} runnerHeaders the runner page's headers
 */
async function respond(request, response, root, site, runnerHeaders) {
  // HTTP/1.1 requires Host (RFC 9112, 3.2); Node's own check would answer without the security headers.
  if (request.httpVersion === '1.1' && request.headers.host === undefined) {
    respondWithStatus(response, 400);
    return;
  }
  if (!ALLOWED_METHODS.includes(request.method ?? '')) {
    respondWithStatus(response, 405, { Allow: ALLOWED_METHODS.join(', ') });
    return;
  }
  const file = await resolveSiteFile(root, request.url ?? '');
  if (file.status === 200) {
    if (file.segments.join('/') === [...site, RUNNER_FOLDER, 'index.html'].join('/')) response.setHeaders(new Map(Object.entries(runnerHeaders)));
    respondWithFile(request, response, root, file.segments);
    return;
  }
  if (file.status === 404 && (await isRegularFileInside(root, [...site, '404.html']))) {
    respondWithFile(request, response, root, [...site, '404.html'], { notFoundPage: true });
    return;
  }
  respondWithStatus(response, file.status);
}

// A range is of the file as stored: compressing the bytes of a 206 would send
// a range of nothing the client can name, so ranges are answered uncompressed.
const compress = compression({
  filter: (request, response) => request.headers.range === undefined && compression.filter(request, response),
});

/**
 * Serves the built site in `directory` on 127.0.0.1; port 0 picks a free port.
 *
 * @param {string} directory
 * @param {number} port
 * @param {{ basePath?: string, securityHeaders?: boolean }} [options]
 *   `basePath`: where the site sits under the directory, as its `baseUrl`:
 *   its home page and 404 page are there. `securityHeaders: false` sends
 *   none, as GitHub Pages serves the site, so that the browser tests can
 *   show that the pages hold without them.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveSite(directory, port, { basePath = '/', securityHeaders: withHeaders = true } = {}) {
  const root = resolve(directory);
  const site = basePath.split('/').filter(Boolean);
  /** @type {Record<string, string>} */
  const headers = withHeaders ? securityHeaders(contentSecurityPolicy(await trustedInlineScripts(root, site))) : {};
  /** The unanswered requests of each connection. */
  const pending = new WeakMap();
  // The runner page's own policy (the one its <meta> tag holds), and the site's pages, alone, may frame it.
  const runnerHeaders = withHeaders ? securityHeaders(`${runnerContentSecurityPolicy()}; frame-ancestors 'self'`) : {};
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    const { socket } = request;
    const unanswered = (pending.get(socket) ?? 0) + 1;
    pending.set(socket, unanswered);
    if (unanswered > MAX_PIPELINED_REQUESTS) {
      socket.destroy();
      return;
    }
    response.once('close', () => pending.set(socket, (pending.get(socket) ?? 1) - 1));
    response.setHeaders(new Map(Object.entries(headers)));
    // @ts-expect-error compression's types are Express's request and response; it only uses Node's.
    compress(request, response, () => {
      respond(request, response, root, site, runnerHeaders).catch(() => respondWithStatus(response, 500));
    });
  });
  server.on('clientError', (error, socket) => answerClientError(error, socket, headers));
  // Node answers an `Expect` other than 100-continue with a bare 417 unless asked.
  server.on('checkExpectation', (_request, response) => respondWithStatus(response, 417, headers));
  // A slow client holds a socket for 10 s of headers and 30 s of request at most.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      resolveServer({
        url: `http://127.0.0.1:${actualPort}`,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3000' }, dir: { type: 'string', default: 'build' } } });
  const { url } = await serveSite(values.dir, Number(values.port));
  console.log(`The documentation site is served at ${url}/ (Ctrl+C stops it).`);
}
