// Lint rules, including the dependency direction of DESIGN.md §2:
// shared imports none of the others; renderer, electron and server never import each other.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import paths that reach into a top-level folder, relative (../renderer/x) or by alias. */
const folder = (name) => ({
  regex: `^(\\.\\.?/)*(\\.\\./)+${name}(/|$)|^@${name}(/|$)`,
  message: `DESIGN.md §2: this folder may not import ${name}/.`,
});
const nodeBuiltins = {
  regex: '^(node:|fs$|path$|os$|child_process$|crypto$|http$|https$|net$|worker_threads$)',
  message: 'DESIGN.md §2: shared/ and renderer/ run in the browser too: no Node APIs.',
};
const electronPackage = { regex: '^electron(/|$)', message: 'Only electron/ may import the electron package.' };

export const dependencyRules = {
  shared: [folder('renderer'), folder('electron'), folder('server'), folder('test'), nodeBuiltins, electronPackage, { regex: '^react(-dom)?(/|$)|^antd(/|$)', message: 'shared/ has no UI.' }],
  renderer: [folder('electron'), folder('server'), folder('test'), nodeBuiltins, electronPackage],
  electron: [folder('renderer'), folder('server'), folder('test')],
  server: [folder('renderer'), folder('electron'), folder('test'), electronPackage],
};

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: restrict(dependencyRules.shared) },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...restrict(dependencyRules.renderer), 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['electron/**/*.ts'], languageOptions: { globals: globals.node }, rules: restrict(dependencyRules.electron) },
  { files: ['server/**/*.ts'], languageOptions: { globals: globals.node }, rules: restrict(dependencyRules.server) },
  { files: ['scripts/**/*.mjs', 'test/**/*.ts', 'build/**/*.ts', '*.config.{ts,js}', 'vite.shared.ts', '.ci/**/*.mjs'], languageOptions: { globals: globals.node } },
);
