// @ts-check
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/**
 * The plain text of a string from a notebook that the site writes into
 * titles, descriptions and headings: markup becomes the text it shows, so
 * `T </script><script>x()</script>` is `T`. Entities are decoded, and the
 * result read again until nothing changes, so `&lt;script&gt;` goes too.
 * Runs of white space become one space, and bidi controls go: U+202E would
 * show a title's text reversed.
 *
 * @param {string} text
 */
export function plainText(text) {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const tree = fromHtml(current, { fragment: true });
    const next = withoutBidiControls(toText(tree)).replace(/\s+/g, ' ').trim();
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Text without the Unicode controls that reorder what it shows (U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), so a title cannot
 * show `gnp.exe` as `exe.png`.
 *
 * @param {string} text
 */
export function withoutBidiControls(text) {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}
