/**
 * The README's first command ends here: the built extension in Chromium on replicas of the ad
 * managers, fed by the extension's own demo data (no API configured). On a headless machine it
 * writes screenshots and prints their paths; with a display (DISPLAY set) it opens a window and
 * leaves it open until you close it.
 *
 * Each scene is a file in ./scenes exporting `scene: DemoScene`; scenes run in name order.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithExtension } from '../e2e/support/browser';
import { ensureChromium } from '../support/ensure-chromium';
import type { DemoScene } from './scene';

ensureChromium();
const outDir = path.resolve(import.meta.dirname, '../../demo-output');
mkdirSync(outDir, { recursive: true });
const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.FL_HEADLESS !== '1';

const sceneDir = path.join(import.meta.dirname, 'scenes');
const scenes: DemoScene[] = [];
for (const file of readdirSync(sceneDir).filter((f) => f.endsWith('.ts')).sort()) {
  const module = (await import(pathToFileURL(path.join(sceneDir, file)).href)) as { scene: DemoScene };
  scenes.push(module.scene);
}

const browser = await launchWithExtension({ headless: !headed, viewport: { width: 1440, height: 900 } });
const written: string[] = [];
try {
  for (const scene of scenes) {
    const files = await scene.run({ browser, outDir });
    for (const file of files) {
      written.push(file);
      console.log(`${scene.title}: ${file}`);
    }
  }
  if (browser.errors.length) {
    console.error(`Errors seen while running the demo:\n${browser.errors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  if (headed) {
    console.log('The browser stays open: close its window to finish.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    await browser.close();
  }
}
console.log(`\n${written.length} screenshots in ${outDir}`);
