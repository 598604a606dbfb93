import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `unit` runs in Node with WXT's fake browser and fake-indexeddb; `e2e` drives the built
// extension in Debian's Chromium and `firefox` the Firefox build in Firefox ESR, with no fakes.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and each test owns a Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          // What `npm run zip` produced, and Mozilla's linter on the Firefox build: run after the zips.
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          // The built Firefox extension in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
          name: 'firefox',
          include: ['test/firefox/**/*.firefox.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/firefox/global-setup.ts'],
        },
      },
    ],
  },
});
