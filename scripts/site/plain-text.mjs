// @ts-check
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/**
 * The plain text of a string from a notebook that the site writes into
 * titles, descriptions and headings: markup becomes the text it shows, so
 * `T </script><script>x()</script>` is `T`. Entities are decoded, and the
 * result read again until nothing changes, so `&lt;script&gt;` goes too.
 * Runs of white space become one space.
 *
 * @param {string} text
 */
export function plainText(text) {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const tree = fromHtml(current, { fragment: true });
    const next = toText(tree).replace(/\s+/g, ' ').trim();
    if (next === current) break;
    current = next;
  }
  return current;
}
