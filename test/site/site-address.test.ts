import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, siteAddress } from '../../website/build/site-address.mjs';

describe('siteAddress', () => {
  it('is what npm start serves when SITE_URL and BASE_URL are unset', () => {
    expect(siteAddress({})).toEqual(LOCAL_SITE);
    expect(siteAddress({ SITE_URL: '', BASE_URL: '' })).toEqual({ url: 'http://127.0.0.1:3000', baseUrl: '/' });
  });

  it('takes a published origin and a sub-path from the environment', () => {
    expect(siteAddress({ SITE_URL: 'https://owner.github.io/', BASE_URL: '/leaky-relu/' })).toEqual({ url: 'https://owner.github.io', baseUrl: '/leaky-relu/' });
  });

  it('refuses a SITE_URL that is not an http(s) origin, naming the value', () => {
    expect(() => siteAddress({ SITE_URL: 'https://owner.github.io/leaky-relu' })).toThrow(new TypeError('SITE_URL must be an http(s) origin such as https://example.org, got "https://owner.github.io/leaky-relu"'));
    expect(() => siteAddress({ SITE_URL: 'ftp://example.org' })).toThrow(/SITE_URL .* got "ftp:\/\/example.org"/);
    expect(() => siteAddress({ SITE_URL: 'not a url' })).toThrow(TypeError);
  });

  it('refuses a BASE_URL without its slashes, naming the value', () => {
    expect(() => siteAddress({ BASE_URL: 'leaky-relu' })).toThrow(new TypeError('BASE_URL must be a path that starts and ends with "/", such as /leaky-relu/, got "leaky-relu"'));
    expect(() => siteAddress({ BASE_URL: '/leaky-relu' })).toThrow(/got "\/leaky-relu"/);
    expect(() => siteAddress({ BASE_URL: '/a/../b/' })).toThrow(/got "\/a\/..\/b\/"/);
  });
});
