/**
 * What `npm run zip` hands to the stores: the Chrome and Firefox zips hold the built extension
 * and nothing else (no source maps, no tests), with its icons; the sources zip Firefox's
 * reviewers build from holds the product's sources, not the tests. Reads the zips in .output/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../support/png-size';

const root = path.resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (target: 'chrome' | 'firefox' | 'sources') => path.join(root, process.env.FL_OUT_DIR ?? '.output', `${name}-${version}-${target}.zip`);

async function openZip(target: 'chrome' | 'firefox' | 'sources'): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(zipPath(target)));
}

function files(zip: JSZip): string[] {
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
}

/** Anything that is a test, a test fixture or a replica, wherever it sits. */
const TEST_FILE = /(^|\/)(test|tests|__tests__|e2e|replicas|fixtures)\/|\.(test|spec|e2e|firefox|bench)\.[cm]?[jt]sx?$/;
/** Everything a built extension may hold at its top level (overlay-ui.js: the overlay's on-demand UI, injected by the background). */
const BUILD_TOP_LEVEL = new Set([
  'manifest.json',
  'background.js',
  'overlay-ui.js',
  'popup.html',
  'options.html',
  'assets',
  'chunks',
  'content-scripts',
  'icon',
  '_locales',
]);
const ICON_SIZES = ['16', '32', '48', '128'];

describe.each(['chrome', 'firefox'] as const)('%s store zip', (target) => {
  it('holds the built extension only: no source maps, no map references, no tests', async () => {
    const zip = await openZip(target);
    const names = files(zip);
    expect(names).toContain('manifest.json');
    expect(names.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(names.filter((f) => TEST_FILE.test(f))).toEqual([]);
    expect(names.filter((f) => !BUILD_TOP_LEVEL.has(f.split('/')[0]!))).toEqual([]);
    for (const script of names.filter((f) => f.endsWith('.js'))) {
      expect(await zip.file(script)!.async('string'), script).not.toMatch(/sourceMappingURL/);
    }
  });

  it('has a manifest of this version whose icons and toolbar icon are in the zip as PNGs of their size', async () => {
    const zip = await openZip(target);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      version: string;
      icons: Record<string, string>;
      action?: { default_icon: Record<string, string> };
      browser_action?: { default_icon: Record<string, string> };
    };
    expect(manifest.version).toBe(version);
    const toolbar = (target === 'chrome' ? manifest.action : manifest.browser_action)?.default_icon;
    for (const icons of [manifest.icons, toolbar]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual([...ICON_SIZES].sort());
      for (const [size, file] of Object.entries(icons ?? {})) {
        const png = await zip.file(file.replace(/^\//, ''))?.async('nodebuffer');
        expect(png, file).toBeDefined();
        expect(pngSize(png!)).toEqual({ width: Number(size), height: Number(size) });
      }
    }
  });
});

describe('Firefox sources zip', () => {
  it('holds what the build needs and no tests', async () => {
    const names = files(await openZip('sources'));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'entrypoints/background.ts',
      'public/icon/icon.svg',
    ]) {
      expect(names).toContain(needed);
    }
    expect(names.filter((f) => TEST_FILE.test(f) || f === 'vitest.config.ts')).toEqual([]);
    expect(names.filter((f) => /(^|\/)(node_modules|\.output|\.wxt)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });
});
