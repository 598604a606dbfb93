import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GOOGLE_ADS_MATCHES } from './utils/adapters/google-ads';
import { LINKEDIN_MATCHES } from './utils/adapters/linkedin-ads';
import { META_MATCHES } from './utils/adapters/meta-ads';

const AD_MANAGER_ORIGINS = [...GOOGLE_ADS_MATCHES, ...META_MATCHES, ...LINKEDIN_MATCHES];

export default defineConfig({
  // A separate output folder lets several builds (e.g. parallel test runs) coexist.
  ...(process.env.FL_OUT_DIR ? { outDir: process.env.FL_OUT_DIR } : {}),
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: 'utils/i18n/locales' },
  // Explicit imports only: a reader should see where every name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and status (the cache is IndexedDB in the background).
    // scripting: after an update, the new version injects itself into ad-manager tabs already open.
    permissions: ['storage', 'scripting'],
    // Loopback is granted at install so a data team can run the API on their machine. The ad
    // managers' origins are the content scripts' own: needed to re-inject them after an update.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*', ...AD_MANAGER_ORIGINS],
    // Any other API origin is requested for exactly that origin when the user saves it.
    optional_host_permissions: ['https://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'funnel-lens@funnel-lens.app',
              // 140: the oldest Firefox ESR still supported, and the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing goes to us or to any third party: the only requests go to the API the user
              // configures (see docs/privacy.md).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
          // MV2 has no optional_host_permissions (WXT drops the key): origins go in optional_permissions,
          // or Firefox refuses permissions.request for the API's origin.
          optional_permissions: ['https://*/*'],
        }
      : // Chromium 148+: messages are structured-cloned instead of JSON-encoded twice. Firefox
        // always clones; older Chromium ignores the key and keeps JSON, which every payload
        // of the protocol map also survives (they are plain data).
        { message_serialization: 'structured_clone' }),
  }),
  // The sources zip Firefox's reviewers build from: the product and its build files, not the tests.
  zip: { excludeSources: ['test/**', 'vitest.config.ts'] },
  vite: () => ({
    plugins: [preact()],
    // `npm run bench:profile` reads function names in CPU profiles.
    // `tsx test/tools/attribute-bundle.ts` attributes each content script's bytes to its sources.
    build: { ...(process.env.FL_NO_MINIFY ? { minify: false } : {}), ...(process.env.FL_SOURCEMAP ? { sourcemap: true } : {}) },
  }),
  hooks: {
    // Terser packs the content scripts (loaded on every ad-manager page, budget 25 KB gzip) about
    // 1 KB smaller than esbuild's minifier; it is slower, so only they get it.
    'vite:build:extendConfig'(entrypoints, viteConfig) {
      if (process.env.FL_NO_MINIFY || !entrypoints.every((e) => e.type === 'content-script')) return;
      viteConfig.build = { ...viteConfig.build, minify: 'terser' };
    },
  },
});
