// The site is built in two variants from one config. The production site
// (`build/`) holds the documentation only. The site-tests site
// (`build-site-tests/`) adds the pages that test the site: the component
// page and the hostile notebooks, listed in its sitemap, sidebar and search
// index so the browser tests reach them all. Nothing test-only reaches the
// production build.

/** The environment variable that selects the site-tests variant. */
export const SITE_TESTS_ENV = 'LEAKY_RELU_SITE_TESTS';

/** @typedef {'production' | 'site-tests'} SiteVariant */

/**
 * The variant the environment asks for.
 *
 * @param {Record<string, string | undefined>} [env]
 * @returns {SiteVariant}
 */
export function siteVariant(env = process.env) {
  return env[SITE_TESTS_ENV] === '1' ? 'site-tests' : 'production';
}

/**
 * The hostile notebooks' corpus, a module of the tests: only the site-tests
 * build imports it (build.mjs), and it writes the notebooks into
 * `generatedDocs.hostileNotebooks` before they are converted.
 */
export const HOSTILE_CORPUS = 'test/site/fixtures/hostile-notebooks.mjs';

/** The folder each variant is built into. */
export const buildFolders = /** @type {const} */ ({ production: 'build', 'site-tests': 'build-site-tests' });
