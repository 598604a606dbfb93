import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'demo-output/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly',
        URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', process: 'readonly',
      },
    },
    rules: {
      // No eval or equivalents anywhere: MV3 forbids them and so do we.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // No HTML from strings in the product: the host page and the API are untrusted. (Preact's own
    // innerHTML branch, which web-ext lint reports, runs only for dangerouslySetInnerHTML.)
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: build elements or text.' },
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML from strings: build elements or text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings: build elements or text.' },
      ],
    },
  },
  {
    // The API key is read by the background only: nothing else may import its storage item.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    ignores: ['utils/background/**', 'entrypoints/background.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/background/connection'], message: 'The API URL and key are read by the background only.' }] }],
    },
  },
);
