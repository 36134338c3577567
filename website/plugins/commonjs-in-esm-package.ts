import type { Plugin } from '@docusaurus/types';

const NAME = 'commonjs-in-esm-package';

/**
 * The package is `"type": "module"`, and Docusaurus's own generated code and
 * server bundle are CommonJS. Two consequences, both fixed here:
 *
 * - The bundler parses the `.js` modules in `.docusaurus/` as strict ESM and
 *   leaves the route registry's `require.resolveWeak` calls untranslated; the
 *   static build then fails with "require.resolveWeak is not a function".
 *   Parsed as `javascript/auto`, they compile as Docusaurus expects.
 * - Node reads the server bundle's chunks (`build/__server/**.js`) as ESM,
 *   and every page renders "exports is not defined in ES module scope"
 *   instead of its content. A `package.json` beside them says they are
 *   CommonJS.
 */
export default function commonJsInEsmPackagePlugin(): Plugin {
  return {
    name: NAME,
    configureWebpack(_config, isServer) {
      return {
        module: { rules: [{ test: /[\\/]\.docusaurus[\\/].*\.js$/, type: 'javascript/auto' }] },
        plugins: isServer ? [serverOutputIsCommonJs] : [],
      };
    },
  };
}

/** A bundler plugin (webpack and Rspack alike) that writes `{"type": "commonjs"}` into the output folder. */
const serverOutputIsCommonJs = {
  apply(compiler: import('webpack').Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('package.json', new sources.RawSource('{ "type": "commonjs" }\n'));
      });
    });
  },
};
