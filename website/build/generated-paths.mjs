// Where the site's build steps write what they generate. Every folder here is
// build output: .gitignore lists them, and the snippet tests skip the pages.
export const generatedDocs = {
  /** The notebooks of `notebooks/`, converted to pages. */
  notebooks: 'docs/notebooks',
  /** The notebooks that test the converter, converted to pages of the site-tests build only. */
  siteTestNotebooks: 'docs/site-tests/notebooks',
  /** The hostile notebooks, converted to pages of the site-tests build only. */
  siteTestHostileNotebooks: 'docs/site-tests/hostile',
  /** The API reference, written by typedoc from the TSDoc. */
  api: 'docs/api',
  /** Static files served beside `website/static`: the `.ipynb` downloads. */
  staticDirectory: '.generated/site-static',
  /** The same, for the site-tests build: the test notebooks' downloads. */
  siteTestsStaticDirectory: '.generated/site-tests-static',
  /** The hostile notebooks test/site/fixtures/hostile-notebooks.mjs writes, for the site-tests build. */
  hostileNotebooks: '.generated/hostile-notebooks',
};
