import type { ExtensionBrowser } from '../e2e/support/browser';

export interface DemoScene {
  title: string;
  /** Shows the scene and returns the screenshot files it wrote. */
  run(input: { browser: ExtensionBrowser; outDir: string }): Promise<string[]>;
}
