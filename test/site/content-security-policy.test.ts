import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  HEADER_ONLY_DIRECTIVES,
  inlineScriptHashes,
  metaContentSecurityPolicy,
  trustedInlineScriptHashes,
} from '../../website/build/content-security-policy.mjs';
import { withMetaPolicy } from '../../website/plugins/content-security-policy-meta.js';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

describe('inlineScriptHashes(html)', () => {
  it('hashes each inline script the page runs, once, as the browser does', () => {
    expect(inlineScriptHashes('<script></script>')).toEqual(["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
    expect(inlineScriptHashes('<SCRIPT type="module">a()</script ><script>b()</script><script>a()</script>')).toEqual([sha256('a()'), sha256('b()')]);
    expect(inlineScriptHashes('<script>a()\r\nb()\rc()</script>')).toEqual([sha256('a()\nb()\nc()')]);
  });

  it('leaves out scripts loaded from a file and data blocks, which a policy need not name', () => {
    expect(inlineScriptHashes('<script src=/main.js></script><script type=application/ld+json>{}</script><script type="text/plain">x</script>')).toEqual([]);
  });
});

describe('contentSecurityPolicy(scriptHashes)', () => {
  const policy = contentSecurityPolicy([sha256('a()')]);
  const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

  it('loads everything from this server, and nothing from any other host', () => {
    for (const sources of directives.values()) {
      for (const source of sources) expect(source).toMatch(/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*'|data:|blob:)$/);
    }
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('runs only its own scripts, the WebAssembly kernels and the given inline scripts: no eval, no other inline script', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", sha256('a()')]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, <base>, forms to elsewhere and framing by another site', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('trustedInlineScriptHashes(pages)', () => {
  it('hashes the inline scripts of every trusted page, each once', () => {
    expect(trustedInlineScriptHashes(['<script>a()</script>', '<script>b()</script><script>a()</script>'])).toEqual([sha256('a()'), sha256('b()')]);
  });
});

describe('metaContentSecurityPolicy(scriptHashes)', () => {
  it('is the server\'s policy less the directives a meta tag cannot carry', () => {
    const header = contentSecurityPolicy([sha256('a()')]).split('; ');
    const meta = metaContentSecurityPolicy([sha256('a()')]).split('; ');
    expect(header.filter((directive) => !meta.includes(directive)).map((directive) => directive.split(' ')[0])).toEqual(['frame-ancestors']);
    expect(meta.filter((directive) => !header.includes(directive))).toEqual([]);
    for (const directive of HEADER_ONLY_DIRECTIVES) expect(meta.join('; ')).not.toContain(directive);
  });
});

describe('withMetaPolicy(html, policy)', () => {
  it('puts the policy right after <meta charset>, before any script of the head', () => {
    const html = '<!doctype html><html lang="en"><head><meta charset="UTF-8"><script>a()</script></head><body><script>b()</script></body></html>';
    expect(withMetaPolicy(html, "default-src 'self'; script-src 'self' \"&")).toBe(
      '<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' &quot;&amp;"><script>a()</script></head><body><script>b()</script></body></html>',
    );
  });

  it('refuses a page whose head holds something before <meta charset>, or that has none', () => {
    expect(() => withMetaPolicy('<html><head><script>a()</script><meta charset="utf-8"></head></html>', "default-src 'self'")).toThrow('the page has <script> before its <meta charset>');
    expect(() => withMetaPolicy('<html><head><link rel="stylesheet" href="/a.css"><meta charset=utf-8></head></html>', "default-src 'self'")).toThrow('the page has <link> before');
    expect(() => withMetaPolicy('<html><head><title>t</title></head><body><meta charset=utf-8></body></html>', "default-src 'self'")).toThrow('the page has no <meta charset> in its <head>');
  });
});
