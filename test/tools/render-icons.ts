/**
 * `npm run icons`: draws the toolbar and store icons (public/icon/{16,32,48,128}.png) from the one
 * source, public/icon/icon.svg, in headless Chromium, with a transparent background. Run it after
 * changing the SVG and commit the PNGs (WXT picks up public/icon/<size>.png by name).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser';
import { ensureChromium } from '../support/ensure-chromium';

export const ICON_DIR = path.resolve(import.meta.dirname, '../../public/icon');
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** The SVG as a data URL, for pages that show the icon (the demo's promo tile). */
export function iconDataUrl(): string {
  return `data:image/svg+xml;base64,${readFileSync(path.join(ICON_DIR, 'icon.svg')).toString('base64')}`;
}

async function renderIcons(): Promise<void> {
  ensureChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const size of ICON_SIZES) {
      // deviceScaleFactor 1: one CSS pixel is one PNG pixel, so Chromium rasterises the SVG at the target size itself.
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>
        <img src="${iconDataUrl()}" width="${size}" height="${size}" alt="">`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const file = path.join(ICON_DIR, `${size}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      await page.close();
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await renderIcons();
