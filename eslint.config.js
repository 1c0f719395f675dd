// Lint: typescript-eslint, Lit and web-component rules, the kit's own
// security rules (no unsafe* directives, no innerHTML / outerHTML writes), and
// eslint-plugin-compat over the code that runs in browsers, against the
// "browserslist" targets in package.json (Safari and iOS have no test run here).
import js from '@eslint/js';
import compat from 'eslint-plugin-compat';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Modules and names that turn strings into markup. */
const unsafeMarkupImports = [
  { name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: render text with Lit bindings.' },
  { name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG: draw SVG with Lit svg`` templates.' },
  { name: 'lit-html/directives/unsafe-html.js', message: 'No unsafeHTML: render text with Lit bindings.' },
  { name: 'lit-html/directives/unsafe-svg.js', message: 'No unsafeSVG: draw SVG with Lit svg`` templates.' },
  { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: 'No unsafeStatic: use literal`` for static tags.' },
  { name: 'lit-html/static.js', importNames: ['unsafeStatic'], message: 'No unsafeStatic: use literal`` for static tags.' },
];

/** Source that runs in browsers, checked against package.json "browserslist". */
export const browserFiles = ['packages/widgets/src/**/*.ts', 'packages/sdk/src/**/*.ts', 'packages/demo/public/**/*.js'];
/** Under browserFiles but run by Node only (server rendering). */
const nodeOnlyFiles = ['packages/widgets/src/ssr/index.ts', 'packages/widgets/src/ssr/render-testimonials.ts'];

export const securityRules = {
  'no-restricted-imports': ['error', { paths: unsafeMarkupImports, patterns: [{ group: ['**/unsafe-html*', '**/unsafe-svg*'], message: 'No unsafe markup directives.' }] }],
  'no-restricted-syntax': [
    'error',
    {
      selector: "AssignmentExpression[left.type='MemberExpression'][left.property.name=/^(innerHTML|outerHTML)$/]",
      message: 'Do not assign innerHTML / outerHTML: build DOM with Lit templates or createElement/textContent.',
    },
    {
      selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
      message: 'Do not use insertAdjacentHTML: build DOM with Lit templates or createElement/textContent.',
    },
    {
      selector: "ImportSpecifier[imported.name=/^unsafe(HTML|SVG|Static|MathML)$/]",
      message: 'No unsafe* Lit directives: every string from data is text.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'storybook-static/**', '.data/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...securityRules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['packages/widgets/**/*.ts', 'stories/**/*.ts', 'test/widgets/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/**/*.ts', 'stories/**/*.ts', 'test/widgets/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/**/*.ts'],
    rules: {
      'lit/no-template-bind': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/no-legacy-template-syntax': 'error',
      'lit/no-private-properties': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    // Code that runs in browsers: the widgets (not the Node-only server renderer),
    // the SDK (every entry is usable in a page) and the demo pages' scripts.
    // The rule skips a use inside an `if` (a feature test); see README "Supported browsers".
    files: browserFiles,
    ignores: nodeOnlyFiles,
    plugins: compat.configs['flat/recommended'].plugins,
    rules: compat.configs['flat/recommended'].rules,
    // ES built-ins too (Promise.withResolvers, Object.groupBy, …): nothing here transpiles or polyfills them.
    settings: { lintAllEsApis: true },
  },
  {
    // Processes the user starts: printing is their interface.
    files: ['packages/server/src/main.ts', 'packages/server/src/run-server.ts', 'packages/server/src/cli/**', 'scripts/**', 'bench/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
