// @ts-check

/**
 * How the site renders maths, in hand-written pages, notebooks' markdown
 * cells and their LaTeX and markdown outputs alike. KaTeX trusts no input:
 * no `\href`, `\url`, `\includegraphics` or `\htmlStyle`. A size
 * (`\rule{1e6em}{1em}`) is held to `maxSize` ems and macro expansion to
 * `maxExpand` steps. A negative size (`\kern{-290px}`) is not bounded by
 * KaTeX: website/css/custom.css draws maths inside its own box.
 *
 * @type {import('katex').KatexOptions}
 */
export const KATEX_OPTIONS = { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 50 };
