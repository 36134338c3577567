// @ts-check
// Where the site is published. The production build reads SITE_URL (the
// origin) and BASE_URL (the path the site sits under) from the environment,
// so the same build serves a domain's root or a project's sub-path (GitHub
// Pages: https://owner.github.io/leaky-relu/). Without them the site is what
// `npm start` serves.

/** What `npm start` serves (scripts/start.sh). */
export const LOCAL_SITE = /** @type {const} */ ({ url: 'http://127.0.0.1:3000', baseUrl: '/' });

/**
 * The site's origin and base path, checked: an origin with no path, and a
 * path that starts and ends with `/`.
 *
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ url: string, baseUrl: string }}
 * @throws {TypeError} when SITE_URL is not an http(s) origin, or BASE_URL not a path between slashes
 */
export function siteAddress(env = process.env) {
  const url = env.SITE_URL || LOCAL_SITE.url;
  const baseUrl = env.BASE_URL || LOCAL_SITE.baseUrl;
  let origin;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = undefined;
  }
  if (origin === undefined || !/^https?:/.test(url) || origin !== url.replace(/\/$/, '')) {
    throw new TypeError(`SITE_URL must be an http(s) origin such as https://example.org, got ${JSON.stringify(url)}`);
  }
  if (!/^\/((?!\.\.?\/)[\w.~-]+\/)*$/.test(baseUrl)) {
    throw new TypeError(`BASE_URL must be a path that starts and ends with "/", such as /leaky-relu/, got ${JSON.stringify(baseUrl)}`);
  }
  return { url: origin, baseUrl };
}
