import { describe, expect, it } from 'vitest';
import { jsonInScript } from '../../website/plugins/safe-theme/json-in-script.js';
import { scriptBreakouts } from '../../website/plugins/script-end-tag-check.js';

describe('jsonInScript(value)', () => {
  const value = { name: 'T </script><script>window.__pwned=1</script> & <!-- \u2028\u2029' };

  it('writes no <, > or & that an HTML tokenizer would read', () => {
    expect(jsonInScript(value)).toBe('{"name":"T \\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e \\u0026 \\u003c!-- \\u2028\\u2029"}');
    expect(scriptBreakouts(`<html><head><script type="application/ld+json">${jsonInScript(value)}</script></head></html>`)).toEqual([]);
  });

  it('is the same JSON', () => {
    expect(JSON.parse(jsonInScript(value))).toEqual(value);
  });
});
