import type { ExtensionBrowser } from '../e2e/support/browser';
import type { UiLanguage } from '../support/catalogues';

export interface DemoScene {
  title: string;
  /** Also shown in a Finnish browser, into demo-output/fi/ (the popup, the dashboard, one ad manager). */
  finnish?: boolean;
  /** Shows the scene in `browser`, whose UI language is `lang`, and returns the screenshot files it wrote. */
  run(input: { browser: ExtensionBrowser; outDir: string; lang: UiLanguage }): Promise<string[]>;
}

/** A badge's button once it shows numbers or "no data", not the loading state (inside the badge's shadow root). */
export const READY_BUTTON = 'button:not([data-tone="loading"])';
