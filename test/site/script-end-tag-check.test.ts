import { describe, expect, it } from 'vitest';
import { scriptBreakouts } from '../../website/plugins/script-end-tag-check.js';

const page = (head: string, body = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('scriptBreakouts(html)', () => {
  it('finds the stray end tag of a title that left its JSON-LD script element', () => {
    const html = page('<script type="application/ld+json">{"name":"T </script><script>window.__pwned=1</script>"}</script>');
    expect(scriptBreakouts(html)).toEqual([html.lastIndexOf('</script>')]);
  });

  it('finds a script element that is never closed', () => {
    const html = page('', '<p>x</p><script>alert(1)');
    expect(scriptBreakouts(html)).toEqual([html.indexOf('<script>')]);
  });

  it('accepts script elements, escaped JSON-LD, and </script> inside an attribute value', () => {
    const html = page(
      '<script>var a = 1;</script><script type="application/ld+json">{"name":"T \\u003c/script\\u003e"}</script><meta name="description" content="x </script><script>y</script>">',
      '<p>&lt;/script&gt; as text</p><SCRIPT src="/a.js"></SCRIPT>',
    );
    expect(scriptBreakouts(html)).toEqual([]);
  });
});
