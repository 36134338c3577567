// @ts-check
// `npm run lint`: real defects only, found with the types: promises left
// floating, values never used, `any` leaking out of a module. No style rule;
// formatting is left alone. Why ESLint and these rules: CONTRIBUTING.md,
// "The linter".
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // The Python environment, build output and generated pages; bench/ and this file are in no tsconfig, so there are no types to lint them with.
    ignores: ['.venv/', '.jupyter/', 'dist/', 'build/', 'build-site-tests/', '.docusaurus/', 'coverage/', 'docs/', '**/.generated/', 'notebooks/', 'python/', 'bench/', 'eslint.config.mjs'],
  },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parser: tseslint.parser,
      // The two programs `npm run typecheck` checks: the library, tests and scripts; the site.
      parserOptions: { project: ['./tsconfig.json', './tsconfig.site.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
      'no-sparse-arrays': 'error',
    },
  },
  {
    // `any` stays inside a module: every export is typed, and no function hands an `any` on.
    // In the .mjs scripts the types are JSDoc comments, which these rules cannot read, so tsc's checkJs covers them.
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
);
