import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../website/build/content-security-policy.mjs';
import {
  MAX_PATH_SEGMENTS,
  MAX_PIPELINED_REQUESTS,
  MAX_URL_LENGTH,
  resolveSiteFile,
  serveSite,
} from '../../website/build/serve.mjs';

const THEME_SCRIPT = 'document.documentElement.dataset.theme="light"';
const SMUGGLED_SCRIPT = 'window.__pwned = 1';
const ASSET = `${'export const values = [1, 2, 3];\n'.repeat(1000)}`;
const OUTSIDE_SECRET = 'a secret outside the site';
const LONG_PAGE = `<main>${'<p>Leaky ReLU keeps a small slope for negative inputs.</p>'.repeat(100)}</main>`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** A built site as Docusaurus writes it, plus everything a server must refuse to serve. */
function builtSiteFixture(options: { notFoundPage: boolean }): string {
  const site = mkdtempSync(join(tmpdir(), 'site-'));
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'secret.txt'), OUTSIDE_SECRET);
  for (const folder of ['api', 'assets/js', 'img', 'empty', '.hidden']) mkdirSync(join(site, folder), { recursive: true });
  writeFileSync(join(site, 'index.html'), `<script>${THEME_SCRIPT}</script><script type=application/ld+json>{}</script><p>home</p>`);
  writeFileSync(join(site, 'semantics.html'), '<p>semantics</p>');
  writeFileSync(join(site, 'guide.html'), LONG_PAGE);
  writeFileSync(join(site, 'notebook.html'), `<script>${SMUGGLED_SCRIPT}</script>`);
  writeFileSync(join(site, 'api/index.html'), '<p>api</p>');
  writeFileSync(join(site, 'café.txt'), 'café');
  writeFileSync(join(site, 'assets/js/main.0123abcd.js'), ASSET);
  writeFileSync(join(site, 'img/logo.png'), Buffer.alloc(4096, 7));
  writeFileSync(join(site, '.site-sources'), 'the build stamp');
  writeFileSync(join(site, '.hidden/page.html'), '<p>hidden</p>');
  symlinkSync(join(outside, 'secret.txt'), join(site, 'link.txt'));
  symlinkSync(outside, join(site, 'linked'));
  symlinkSync(join(site, 'semantics.html'), join(site, 'inner-link.html'));
  if (options.notFoundPage) writeFileSync(join(site, '404.html'), '<p>not found</p>');
  return site;
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One request through node:http, which neither decompresses nor follows anything. */
function get(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    const outgoing = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolveAnswer({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** A request written byte for byte on a socket, as curl --path-as-is sends it: no client normalises the path. */
function raw(url: string, requestLine: string, body = '', head = 'Host: 127.0.0.1\r\n'): Promise<{ readonly statusLine: string; readonly text: string }> {
  const { port } = new URL(url);
  const length = body === '' ? '' : `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  return new Promise((resolveAnswer, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`${requestLine}\r\n${head}${length}Connection: close\r\n\r\n${body}`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolveAnswer({ statusLine: text.split('\r\n', 1)[0] ?? '', text });
    });
  });
}

describe('resolveSiteFile(root, target)', () => {
  const site = builtSiteFixture({ notFoundPage: true });

  it('finds a page by its route, as the static build writes it', async () => {
    expect(await resolveSiteFile(site, '/')).toEqual({ status: 200, segments: ['index.html'] });
    expect(await resolveSiteFile(site, '/semantics')).toEqual({ status: 200, segments: ['semantics.html'] });
    expect(await resolveSiteFile(site, '/semantics.html')).toEqual({ status: 200, segments: ['semantics.html'] });
    expect(await resolveSiteFile(site, '/semantics?q=%')).toEqual({ status: 200, segments: ['semantics.html'] });
    expect(await resolveSiteFile(site, '/api')).toEqual({ status: 200, segments: ['api', 'index.html'] });
    expect(await resolveSiteFile(site, '/api/')).toEqual({ status: 200, segments: ['api', 'index.html'] });
    expect(await resolveSiteFile(site, '/caf%C3%A9.txt')).toEqual({ status: 200, segments: ['café.txt'] });
  });

  it('answers 400 to a path that is malformed or could climb out: bad encoding, dot segments, encoded separators, NUL', async () => {
    for (const target of [
      '/%',
      '/%E0%A4%A',
      '/..',
      '/../etc/passwd',
      '/api/../semantics',
      '/./semantics',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/api%2findex.html',
      '/..\\..\\etc\\passwd',
      '/api%5cindex.html',
      '/%00',
      '/index.html%00.png',
      '*',
      'http://127.0.0.1/index.html',
    ]) {
      expect(await resolveSiteFile(site, target), target).toEqual({ status: 400 });
    }
  });

  it('answers 404 for dotfiles, symlinks (out of the folder or not), directories, missing files and paths too deep', async () => {
    for (const target of [
      '/.site-sources',
      '/.hidden/page.html',
      '/.hidden/page',
      '/link.txt',
      '/linked/secret.txt',
      '/inner-link.html',
      '/inner-link',
      '/empty',
      '/empty/',
      '/assets',
      '/missing',
      '/semantics.html/x',
      `/${'a/'.repeat(MAX_PATH_SEGMENTS)}b`,
    ]) {
      expect(await resolveSiteFile(site, target), target).toEqual({ status: 404 });
    }
  });

  it(`answers 414 to a target longer than ${MAX_URL_LENGTH} characters`, async () => {
    expect(await resolveSiteFile(site, `/${'a'.repeat(MAX_URL_LENGTH)}`)).toEqual({ status: 414 });
    expect(await resolveSiteFile(site, `/${'a'.repeat(MAX_URL_LENGTH - 1)}`)).toEqual({ status: 404 });
  });
});

describe('serveSite(directory, port)', () => {
  const site = builtSiteFixture({ notFoundPage: true });
  let server: Awaited<ReturnType<typeof serveSite>>;
  const stillServes = async (): Promise<number> => (await get(`${server.url}/semantics`)).status;

  beforeAll(async () => {
    server = await serveSite(site, 0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves a page on 127.0.0.1 with its type, the security headers, and revalidation', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await get(`${server.url}/semantics`);
    expect([page.status, page.headers['content-type'], page.body.toString()]).toEqual([200, 'text/html; charset=utf-8', '<p>semantics</p>']);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy([sha256(THEME_SCRIPT)]));
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toMatch(/^W\/"/);
    const again = await get(`${server.url}/semantics`, { headers: { 'If-None-Match': String(page.headers.etag) } });
    expect([again.status, again.body.length]).toEqual([304, 0]);
  });

  it("allows the home page's inline scripts on every page, and never one that only a notebook page holds", async () => {
    const notebook = await get(`${server.url}/notebook`);
    expect(notebook.status).toBe(200);
    expect(notebook.headers['content-security-policy']).toContain(sha256(THEME_SCRIPT));
    expect(notebook.headers['content-security-policy']).not.toContain(sha256(SMUGGLED_SCRIPT));
  });

  it('caches a hashed asset for good, and compresses it with brotli or gzip, as the client asks', async () => {
    const url = `${server.url}/assets/js/main.0123abcd.js`;
    const identity = await get(url);
    expect([identity.status, identity.headers['content-type'], identity.headers['content-encoding'], identity.body.toString()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      undefined,
      ASSET,
    ]);
    expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.headers['x-content-type-options']).toBe('nosniff');
    const brotli = await get(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect([brotli.headers['content-encoding'], brotli.headers.vary, brotliDecompressSync(brotli.body).toString()]).toEqual(['br', 'Accept-Encoding', ASSET]);
    expect(brotli.body.length).toBeLessThan(ASSET.length / 10);
    const gzip = await get(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect([gzip.headers['content-encoding'], gzip.headers.vary, gunzipSync(gzip.body).toString()]).toEqual(['gzip', 'Accept-Encoding', ASSET]);
  });

  it('compresses pages too, and leaves images as they are', async () => {
    const page = await get(`${server.url}/guide`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect([page.status, page.headers['content-encoding'], page.headers.vary, gunzipSync(page.body).toString()]).toEqual([200, 'gzip', 'Accept-Encoding', LONG_PAGE]);
    expect(page.headers['cache-control']).toBe('no-cache');
    const image = await get(`${server.url}/img/logo.png`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect([image.status, image.headers['content-type'], image.headers['content-encoding'], image.body.length]).toEqual([200, 'image/png', undefined, 4096]);
    expect(image.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get(`${server.url}/assets/js/main.0123abcd.js`, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(ASSET.length), 0]);
    expect(head.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a byte range uncompressed, and 416 to a range it cannot satisfy', async () => {
    const url = `${server.url}/assets/js/main.0123abcd.js`;
    // Over compression's 1 KB threshold, so only the range rule keeps it uncompressed.
    const range = await get(url, { headers: { Range: 'bytes=7-5006', 'Accept-Encoding': 'gzip, br' } });
    expect([range.status, range.headers['content-range'], range.headers['content-encoding'], range.body.toString()]).toEqual([
      206,
      `bytes 7-5006/${ASSET.length}`,
      undefined,
      ASSET.slice(7, 5007),
    ]);
    for (const unsatisfiable of ['bytes=5-2', `bytes=${ASSET.length}-`]) {
      const answer = await get(url, { headers: { Range: unsatisfiable } });
      expect(answer.status, unsatisfiable).toBe(416);
      expect(await stillServes()).toBe(200);
    }
  });

  it('answers 405 with Allow to every method but GET and HEAD, and keeps serving', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      const answer = await get(`${server.url}/semantics`, { method });
      expect([answer.status, answer.headers.allow], method).toEqual([405, 'GET, HEAD']);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(await stillServes()).toBe(200);
  });

  it('answers an unknown path with the site 404 page, status 404', async () => {
    const missing = await get(`${server.url}/nowhere`, { headers: { 'If-None-Match': '*', Range: 'bytes=0-1' } });
    expect([missing.status, missing.headers['content-type'], missing.body.toString()]).toEqual([404, 'text/html; charset=utf-8', '<p>not found</p>']);
    expect(missing.headers['content-security-policy']).toContain('script-src');
  });

  it('answers an unknown path with a plain 404 when the site has no 404.html, and keeps serving', async () => {
    const bare = await serveSite(builtSiteFixture({ notFoundPage: false }), 0);
    try {
      for (const path of ['/nowhere', '/link.txt', '/.site-sources']) {
        const missing = await get(`${bare.url}${path}`);
        expect([missing.status, missing.headers['content-type'], missing.body.toString()], path).toEqual([404, 'text/plain; charset=utf-8', '404 Not Found\n']);
      }
      expect((await get(`${bare.url}/semantics`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('serves a site built under a base path: its inline scripts are trusted, and its own 404 page answers', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'served-'));
    renameSync(builtSiteFixture({ notFoundPage: true }), join(folder, 'leaky-relu'));
    const underPath = await serveSite(folder, 0, { basePath: '/leaky-relu/' });
    try {
      const home = await get(`${underPath.url}/leaky-relu/`);
      expect(home.status).toBe(200);
      expect(home.headers['content-security-policy']).toContain(sha256(THEME_SCRIPT));
      const missing = await get(`${underPath.url}/leaky-relu/nowhere`);
      expect([missing.status, missing.body.toString()]).toEqual([404, '<p>not found</p>']);
    } finally {
      await underPath.close();
    }
  });

  describe('a hostile request, sent raw, gets a 4xx and the server keeps serving', () => {
    const hostile: [label: string, status: number, requestLine: string, body?: string, head?: string][] = [
      ['a lone %', 400, 'GET /% HTTP/1.1'],
      ['a truncated UTF-8 sequence', 400, 'GET /%E0%A4%A HTTP/1.1'],
      ['.. segments', 400, 'GET /../../../../etc/passwd HTTP/1.1'],
      ['encoded .. segments', 400, 'GET /%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1'],
      ['encoded slashes', 400, 'GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1'],
      ['backslashes', 400, 'GET /..\\..\\..\\etc\\passwd HTTP/1.1'],
      ['a NUL byte after a file name', 400, 'GET /index.html%00 HTTP/1.1'],
      ['a NUL byte alone', 400, 'GET /%00 HTTP/1.1'],
      ['the asterisk form', 400, 'GET * HTTP/1.1'],
      ['the absolute form', 400, 'GET http://127.0.0.1/index.html HTTP/1.1'],
      [`a URL over ${MAX_URL_LENGTH} characters`, 414, `GET /${'a'.repeat(MAX_URL_LENGTH)} HTTP/1.1`],
      // Node's own 16 KB limit on the request head answers this one.
      ['a 20 KB URL', 431, `GET /${'a'.repeat(20_000)} HTTP/1.1`],
      ['a symlink to a file outside', 404, 'GET /link.txt HTTP/1.1'],
      ['a file through a symlinked folder', 404, 'GET /linked/secret.txt HTTP/1.1'],
      ['the build stamp dotfile', 404, 'GET /.site-sources HTTP/1.1'],
      ['a page in a dot-folder', 404, 'GET /.hidden/page.html HTTP/1.1'],
      ['a folder without index.html', 404, 'GET /empty HTTP/1.1'],
      ['a folder without index.html, with a slash', 404, 'GET /empty/ HTTP/1.1'],
      ['a POST with a body', 405, 'POST /semantics HTTP/1.1', 'hello'],
      ['a request line that is not HTTP', 400, 'NONSENSE'],
      ['a header line without a colon', 400, 'GET / HTTP/1.1', '', 'Host: 127.0.0.1\r\nnonsense\r\n'],
      ['an HTTP/1.1 request without Host', 400, 'GET / HTTP/1.1', '', ''],
      ['an expectation other than 100-continue', 417, 'GET / HTTP/1.1', '', 'Host: 127.0.0.1\r\nExpect: nonsense\r\n'],
      ['60 KB of headers', 431, 'GET / HTTP/1.1', '', `Host: 127.0.0.1\r\n${'X-Filler: 0123456789\r\n'.repeat(3000)}`],
    ];
    it.each(hostile)('%s → %i, with the security headers', async (_label, status, requestLine, body, head) => {
      const answer = await raw(server.url, requestLine, body, head);
      expect(answer.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      const headers = answer.text.split('\r\n\r\n', 1)[0]!.toLowerCase();
      expect(headers).toContain("\r\ncontent-security-policy: default-src 'self'; ");
      expect(headers).toContain('\r\nx-content-type-options: nosniff\r\n');
      expect(headers).toContain('\r\nreferrer-policy: no-referrer\r\n');
      expect(answer.text).not.toContain(OUTSIDE_SECRET);
      expect(answer.text).not.toContain('the build stamp');
      expect(answer.text).not.toContain('root:');
      expect(await stillServes()).toBe(200);
    });
  });

  it(`answers ${MAX_PIPELINED_REQUESTS} pipelined requests in order`, async () => {
    const requests = Array.from({ length: MAX_PIPELINED_REQUESTS - 1 }, (_, index) => `GET /${index % 2 === 0 ? 'api/' : 'semantics'} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    // raw() sends the last request, with `Connection: close`.
    const answer = await raw(server.url, `${requests.join('')}GET /semantics HTTP/1.1`);
    expect(answer.text.match(/HTTP\/1\.1 200 OK\r\n/g)?.length).toBe(MAX_PIPELINED_REQUESTS);
    expect(answer.text.match(/<p>(semantics|api)<\/p>/g)).toEqual(Array.from({ length: MAX_PIPELINED_REQUESTS / 2 }, () => ['<p>api</p>', '<p>semantics</p>']).flat());
  });

  it('cuts off a connection that pipelines 20,000 requests and reads no answer, and stays under 50 MB more memory', async () => {
    // A server of its own, in a process of its own, so that its memory is its alone.
    const child = spawn(process.execPath, ['website/build/serve.mjs', '--port', '0', '--dir', site], { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((found) => child.stdout.on('data', (chunk: Buffer) => {
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
        if (match) found(match[0]);
      }));
      const residentMegabytes = () => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
      const before = residentMegabytes();
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      socket.pause();
      const closed = new Promise<void>((done) => socket.on('close', () => done()));
      socket.on('error', () => undefined);
      await new Promise((connected) => socket.once('connect', connected));
      for (let index = 0; index < 20_000 && !socket.destroyed; index++) socket.write('GET /guide HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br\r\n\r\n');
      const cutOff = await Promise.race([closed.then(() => true), new Promise<boolean>((timeUp) => setTimeout(() => timeUp(false), 5_000))]);
      const grown = residentMegabytes() - before;
      socket.destroy();
      expect(cutOff).toBe(true);
      expect(grown).toBeLessThan(50);
      expect((await get(`${url}/semantics`)).status).toBe(200);
    } finally {
      child.kill();
    }
  }, 20_000);

  it('sends no security headers when asked not to, as GitHub Pages serves the site', async () => {
    const bare = await serveSite(site, 0, { securityHeaders: false });
    try {
      const page = await get(`${bare.url}/semantics`);
      expect([page.status, page.body.toString()]).toEqual([200, '<p>semantics</p>']);
      for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy']) expect(page.headers[header], header).toBeUndefined();
    } finally {
      await bare.close();
    }
  });

  it('keeps serving when a client hangs up in the middle of a compressed download', async () => {
    const { port } = new URL(server.url);
    await new Promise<void>((done) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET /assets/js/main.0123abcd.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br\r\n\r\n');
      });
      socket.once('data', () => {
        socket.destroy();
        done();
      });
    });
    expect(await stillServes()).toBe(200);
  });
});
