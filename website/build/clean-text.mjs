// @ts-check
import stripAnsi from 'strip-ansi';

/**
 * Output text without terminal colour codes, and with the repository's own
 * absolute path (where the notebooks ran) made relative: `<repo>/src/a.ts`
 * becomes `src/a.ts`, and `<repo>` alone `.`. Only the whole path is
 * rewritten, where it starts a path (at the start of a line, after white
 * space, a quote, a bracket, `=`, `:` or `file://`) and ends at a path
 * separator or outside a file name: no other text of an output changes, so
 * `GET /api/v1/users/123` and `/usr/share/dict/words` stay as they are.
 *
 * @param {string} text
 * @param {string} repository The repository's absolute path, e.g. `/home/me/leaky-relu`.
 */
export function cleanText(text, repository) {
  const cleaned = stripAnsi(text);
  const folder = repository.replace(/\/+$/, '');
  if (!folder.startsWith('/')) return cleaned;
  const escaped = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wholePath = new RegExp(`(^|[\\s"'(\\[=:<>])(?:file://)?${escaped}(?:(/)(?=[^\\s/])|(?![\\w.@+~/-]))`, 'gm');
  return cleaned.replace(wholePath, (_match, before, slash) => `${before}${slash ? '' : '.'}`);
}
