import type { Plugin } from '@docusaurus/types';

/**
 * The package is `"type": "module"`, so the bundler parses the `.js` modules
 * Docusaurus generates in `.docusaurus/` as strict ESM, and leaves their
 * `require.resolveWeak` calls (the route registry's) untranslated: the static
 * build then fails with "require.resolveWeak is not a function". Parsed as
 * `javascript/auto`, the CommonJS helpers are compiled as Docusaurus expects.
 */
export default function generatedRegistryModuleTypePlugin(): Plugin {
  return {
    name: 'generated-registry-module-type',
    configureWebpack() {
      return {
        module: { rules: [{ test: /[\\/]\.docusaurus[\\/].*\.js$/, type: 'javascript/auto' }] },
      };
    },
  };
}
