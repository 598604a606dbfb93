import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
/** Folders as absolute globs: no-restricted-paths matches `except` against absolute paths. */
const abs = (...globs) => globs.map((glob) => path.join(root, glob));

/**
 * The layers (issue 21), by folder so that files can move within a folder freely:
 * - core: the funnel math, matching, money parsing, dates and the API contract. Pure; imports
 *   nothing of ours outside core.
 * - adapters: one per ad manager; import only the adapter contract and core.
 * - content side (overlay, adapters, content-script entrypoints): never the background.
 * - components (popup, dashboard): reach data only through messaging, never the background.
 */
const CORE = ['utils/funnel/**', 'utils/matching/**', 'utils/money/**', 'utils/dates/**', 'utils/api/**'];
const ADAPTER_CONTRACT = ['utils/overlay/adapter{.ts,/**}', 'utils/overlay/hooks{.ts,/**}'];
const OURS = ['utils/**', 'components/**', 'entrypoints/**'];
const BACKGROUND = ['utils/background/**', 'entrypoints/background{.ts,/**}'];

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'demo-output/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        requestAnimationFrame: 'readonly',
        cancelAnimationFrame: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        process: 'readonly',
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
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // no-cycle follows imports into each file it reaches: it must parse TypeScript to do so.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // Cycles of values (import-x skips type-only imports); test/unit/architecture/import-cycles.test.ts
      // finds type-only ones too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            { target: CORE, from: OURS, except: abs(...CORE), message: 'Core (funnel, matching, money, dates, api) imports nothing of ours outside core.' },
            {
              target: ['utils/adapters/**'],
              from: OURS,
              except: abs('utils/adapters/**', ...ADAPTER_CONTRACT, ...CORE),
              message: 'Adapters import only the adapter contract (utils/overlay/adapter, hooks) and core.',
            },
            {
              target: ['utils/overlay/**', 'utils/adapters/**', 'entrypoints/*.content{.ts,/**}'],
              from: BACKGROUND,
              message: 'The content side never imports the background: ask it through utils/messaging.',
            },
            {
              // The popup's and the dashboard's views and the figure code behind them.
              target: ['components/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'utils/dashboard/**', 'utils/channels/**', 'utils/trends/**'],
              from: BACKGROUND,
              message: 'Components reach data only through utils/messaging.',
            },
            {
              // Nor the import's database: the dashboard's import worker writes the leads (a worker
              // of its own, off the page's thread), and everything else goes through the background.
              target: ['components/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'utils/dashboard/**', 'utils/channels/**', 'utils/trends/**'],
              from: ['utils/import/import-db.ts'],
              message: 'Components reach data only through utils/messaging (getImportMapping, importChanged…).',
            },
          ],
        },
      ],
    },
  },
  {
    // No HTML from strings in the product: the host page and the API are untrusted. (Preact's own
    // innerHTML branch, which web-ext lint reports, runs only for dangerouslySetInnerHTML.)
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: build elements or text.' },
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No HTML from strings: build elements or text.',
        },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings: build elements or text.' },
      ],
    },
  },
  {
    // The API key is read by the background only: nothing else may import its storage item.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    ignores: ['utils/background/**', 'entrypoints/background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/background/connection'], message: 'The API URL and key are read by the background only.' }] },
      ],
    },
  },
);
