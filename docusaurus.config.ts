// The documentation site's configuration. A placeholder until the site is
// built: it names the site and where its parts live, so the layout is fixed.
const config = {
  title: 'leaky-relu',
  tagline: 'The TypeScript reference for the Leaky ReLU activation',
  url: 'http://127.0.0.1:3000',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      {
        docs: { path: 'docs', routeBasePath: '/' },
        pages: { path: 'website/pages' },
      },
    ],
  ],
};

export default config;
