/**
 * The store images, in demo-output/store/: four 1280×800 screenshots (Meta Ads Manager with
 * badges, a campaign's card, the popup, the dashboard) and the 440×280 promo tile. A browser of
 * its own at the stores' size runs the Meta scene as it is, so the store images always show what
 * that scene shows. Every image is checked for its size.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../e2e/support/browser';
import { pngSize } from '../../support/png-size';
import { iconDataUrl } from '../../tools/render-icons';
import type { DemoScene } from '../scene';
import { scene as metaScene } from './10-meta';
import { POPUP_SIZE, popupScreenshot } from './35-popup';

const SCREENSHOT = { width: 1280, height: 800 };
const PROMO_TILE = { width: 440, height: 280 };

const pngDataUrl = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;

/** Renders `html` at `size` and writes it as a PNG. */
async function renderHtml(page: Page, size: { width: number; height: number }, html: string, file: string): Promise<void> {
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><html lang="en"><meta charset="utf-8"><body style="margin:0">${html}</body></html>`);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await page.screenshot({ path: file });
}

/** The popup where the browser opens it, under the toolbar button at the top right, over the page. */
function popupOverPage(pageImage: string, popupImage: string): string {
  return `<div style="position:relative;width:${SCREENSHOT.width}px;height:${SCREENSHOT.height}px;overflow:hidden;
      background:url(${pngDataUrl(pageImage)}) no-repeat">
    <div style="position:absolute;inset:0;background:rgba(15,23,42,.18)"></div>
    <img src="${pngDataUrl(popupImage)}" width="${POPUP_SIZE.width}" height="${POPUP_SIZE.height}" alt=""
      style="position:absolute;top:12px;right:16px;border-radius:8px;border:1px solid #c8ccd1;
      box-shadow:0 12px 32px rgba(15,23,42,.35)">
  </div>`;
}

/** The small promo tile: the icon, the name, and what the extension puts on a campaign row. */
function promoTile(): string {
  // Single quotes only: this goes inside a double-quoted style attribute.
  const font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
  return `<div style="box-sizing:border-box;width:${PROMO_TILE.width}px;height:${PROMO_TILE.height}px;padding:28px 30px;${font};
      color:#fff;background:linear-gradient(135deg,#0f2a5c 0%,#1f4fb8 60%,#2f6fed 100%);display:flex;flex-direction:column;justify-content:center;gap:18px">
    <div style="display:flex;align-items:center;gap:16px">
      <div style="width:72px;height:72px;border-radius:16px;background:#fff;display:grid;place-items:center">
        <img src="${iconDataUrl()}" width="56" height="56" alt="">
      </div>
      <div>
        <div style="font-size:34px;font-weight:700;letter-spacing:-.5px">Funnel Lens</div>
        <div style="font-size:14px;opacity:.85">Google Ads · Meta · LinkedIn</div>
      </div>
    </div>
    <div style="font-size:19px;line-height:1.3;font-weight:600">Your CRM's MQL→Won and won revenue, next to every campaign.</div>
    <div style="display:flex;align-items:center;justify-content:space-between;gap:10px;white-space:nowrap;background:#fff;color:#1f2328;border-radius:8px;padding:9px 12px;font-size:14px">
      <span style="color:#0a66c2">Nordics | Lead Ads</span>
      <span style="background:#e7eefb;color:#173a75;border:1px solid #a9bce0;border-radius:999px;padding:2px 9px;font-weight:700">MQL→Won 5% · €35K</span>
    </div>
  </div>`;
}

export const scene: DemoScene = {
  title: 'Store images',
  async run({ outDir }) {
    const storeDir = path.join(outDir, 'store');
    mkdirSync(storeDir, { recursive: true });
    const scratch = mkdtempSync(path.join(tmpdir(), 'funnel-lens-store-'));
    const browser = await launchWithExtension({ viewport: SCREENSHOT });
    const out = (name: string) => path.join(storeDir, name);
    try {
      const metaFiles = await metaScene.run({ browser, outDir: scratch, lang: 'en' });
      const card = metaFiles.find((f) => /card/.test(path.basename(f)));
      const list = metaFiles.find((f) => f !== card);
      if (!list || !card) throw new Error(`the Meta scene wrote ${metaFiles.join(', ')}: expected a list and a card`);
      copyFileSync(list, out('1-meta-badges.png'));
      copyFileSync(card, out('2-meta-card.png'));

      const popup = path.join(scratch, 'popup.png');
      await popupScreenshot(browser, popup);
      const page = await browser.newPage();
      await renderHtml(page, SCREENSHOT, popupOverPage(list, popup), out('3-popup.png'));

      await page.goto(`chrome-extension://${browser.extensionId}/options.html#tab=channels&range=last_90d`);
      await page.setViewportSize(SCREENSHOT);
      await page.locator('[role=tabpanel][data-loaded=true] article.channel-card').first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: out('4-dashboard.png') });

      await renderHtml(page, PROMO_TILE, promoTile(), out('promo-tile-440x280.png'));
      await page.close();
      if (browser.errors.length) throw new Error(`errors while making the store images:\n${browser.errors.join('\n')}`);
    } finally {
      await browser.close();
      rmSync(scratch, { recursive: true, force: true });
    }

    const files = ['1-meta-badges.png', '2-meta-card.png', '3-popup.png', '4-dashboard.png', 'promo-tile-440x280.png'].map(out);
    for (const file of files) {
      const expected = file.endsWith('promo-tile-440x280.png') ? PROMO_TILE : SCREENSHOT;
      const actual = pngSize(readFileSync(file));
      if (actual.width !== expected.width || actual.height !== expected.height) {
        throw new Error(`${file} is ${actual.width}×${actual.height}, the store wants ${expected.width}×${expected.height}`);
      }
    }
    return files;
  },
};
