/**
 * JSON to write inside a `<script>` element. JSON.stringify leaves `<`, `>`
 * and `&` as they are, so a string holding `</script>` ends the element and
 * what follows runs as a script. Written as `\u003c`, `\u003e` and `\u0026`
 * they are the same JSON, and no HTML tokenizer sees a tag. U+2028 and
 * U+2029 are escaped for JavaScript parsers that read them as line ends.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
