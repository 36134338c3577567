// A bundler loader for the library's sources as the site bundles them. The
// bundler replaces `import.meta.url` with the module's absolute path on the
// build machine (`file:///home/…/src/plot/static-picture.ts`), which would
// then ship in the page's JavaScript. The site never runs the Node-only code
// that reads it, so `import.meta` becomes an object with the path relative
// to the repository. The library's sources read no other property of it.
const { relative } = require('node:path');

module.exports = function importMetaUrlLoader(source) {
  const path = relative(this.rootContext, this.resourcePath).split('\\').join('/');
  return source.replace(/\bimport\.meta\b/g, `({ url: ${JSON.stringify(`file:///${path}`)} })`);
};
