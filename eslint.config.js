// Lint: typescript-eslint, Lit and web-component rules, plus the kit's own
// security rules (no unsafe* directives, no innerHTML / outerHTML writes).
import js from '@eslint/js';
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
    // Processes the user starts: printing is their interface.
    files: ['packages/server/src/main.ts', 'packages/server/src/run-server.ts', 'packages/server/src/cli/**', 'scripts/**', 'bench/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
