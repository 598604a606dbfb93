/**
 * The README's first command ends here: the built extension in Chromium on replicas of the ad
 * managers, fed by the extension's own demo data (no API configured). On a headless machine it
 * writes screenshots and prints their paths; with a display (DISPLAY set) it opens a window and
 * leaves it open until you close it. The popup, the dashboard and Meta Ads Manager are also
 * shown in a Finnish browser (headless), into demo-output/fi/.
 *
 * Each scene is a file in ./scenes exporting `scene: DemoScene`; scenes run in name order.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser';
import type { UiLanguage } from '../support/catalogues';
import { ensureChromium } from '../support/ensure-chromium';
import type { DemoScene } from './scene';

ensureChromium();
const outDir = path.resolve(import.meta.dirname, '../../demo-output');
const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.FL_HEADLESS !== '1';
const VIEWPORT = { width: 1440, height: 900 };

const sceneDir = path.join(import.meta.dirname, 'scenes');
const scenes: DemoScene[] = [];
for (const file of readdirSync(sceneDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const module = (await import(pathToFileURL(path.join(sceneDir, file)).href)) as { scene: DemoScene };
  scenes.push(module.scene);
}

const written: string[] = [];
/** Runs `list` in `browser` into `dir`; the errors it saw make the exit code 1. */
async function runScenes(browser: ExtensionBrowser, list: DemoScene[], dir: string, lang: UiLanguage): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const scene of list) {
    for (const file of await scene.run({ browser, outDir: dir, lang })) {
      written.push(file);
      console.log(`${scene.title}${lang === 'en' ? '' : ` (${lang})`}: ${file}`);
    }
  }
  if (browser.errors.length) {
    console.error(`Errors seen while running the demo (${lang}):\n${browser.errors.join('\n')}`);
    process.exitCode = 1;
  }
}

// Finnish first and headless, so a window opened for the English demo is the last thing left.
const finnish = await launchWithExtension({ lang: 'fi', viewport: VIEWPORT });
try {
  await runScenes(
    finnish,
    scenes.filter((s) => s.finnish),
    path.join(outDir, 'fi'),
    'fi',
  );
} finally {
  await finnish.close();
}

const browser = await launchWithExtension({ headless: !headed, viewport: VIEWPORT });
try {
  await runScenes(browser, scenes, outDir, 'en');
} finally {
  if (headed) {
    console.log('The browser stays open: close its window to finish.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    await browser.close();
  }
}
console.log(`\n${written.length} screenshots in ${outDir}`);
