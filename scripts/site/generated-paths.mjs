// Where the site's build steps write what they generate. Every folder here is
// build output: .gitignore lists them, and the snippet tests skip the pages.
export const generatedDocs = {
  /** The notebooks of `notebooks/`, converted to pages. */
  notebooks: 'docs/notebooks',
  /** The notebooks that test the converter (test/site/fixtures), converted to unlisted pages. */
  siteTestNotebooks: 'docs/site-tests/notebooks',
  /** The API reference, written by typedoc from the TSDoc. */
  api: 'docs/api',
  /** Static files served beside `website/static`: the `.ipynb` downloads. */
  staticDirectory: '.generated/site-static',
};
