import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
    // storage: settings and status. Nothing else is needed: the cache is IndexedDB in the background.
    permissions: ['storage'],
    // Loopback is granted at install so a data team can run the API on their machine.
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    // Any other API origin is requested for exactly that origin when the user saves it.
    optional_host_permissions: ['https://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'funnel-lens@funnel-lens.app', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
