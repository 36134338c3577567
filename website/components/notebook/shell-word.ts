/**
 * A word as a POSIX shell reads it back unchanged: as it is when it holds
 * only characters no shell treats specially, otherwise in single quotes,
 * each `'` written `'\''`. So `y2 name #1.ipynb` is `'y2 name #1.ipynb'`,
 * and `$(curl …|sh).ipynb` is text, not a command.
 *
 * @param word - any text
 * @returns the word, quoted when it needs it
 * @example
 * shellWord('01-leaky-relu.ipynb') //=> '01-leaky-relu.ipynb'
 * shellWord("$(id) it's.ipynb") //=> "'$(id) it'\\''s.ipynb'"
 */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
