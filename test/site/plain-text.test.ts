import { describe, expect, it } from 'vitest';
import { plainText } from '../../website/build/plain-text.mjs';

describe('plainText(text)', () => {
  it.each([
    ['T </script><script>window.__pwned=1</script>', 'T'],
    ['Heading </script><script>alert(1)//</script>', 'Heading'],
    ['Zebra section <img src=x onerror="alert(1)">', 'Zebra section'],
    ['x &lt;script&gt;alert(1)&lt;/script&gt; y', 'x y'],
    ['<style>p {}</style>styled <b>bold</b>', 'styled bold'],
    ['a < b and c > d, {braces} "quoted"', 'a < b and c > d, {braces} "quoted"'],
    ['  spread\n over\tlines  ', 'spread over lines'],
  ])('reads %j as %j', (text, plain) => {
    expect(plainText(text)).toBe(plain);
  });
});
