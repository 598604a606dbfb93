/**
 * The overlay's on-demand UI (issue 16's size budget): the card, the summary's details, the range
 * picker and the diagnostics live in `entrypoints/overlay-ui.ts`, a script of its own that the
 * background injects into this content script's world only when a user (or the page) first needs
 * them; every page load no longer pays for Preact and those parts.
 *
 * The injected script registers its parts on `globalThis` under a `Symbol.for` key. That global is
 * the content script's isolated world's, which the page's own scripts do not see, and it holds
 * functions only, never data. Loading is asked once per content script, however many callers
 * wait; a failure is kept as a state (the callers show "reload the page") until a caller asks again.
 */
import type { OverlayUi } from './ui-parts';

export type { OverlayUi };

/** Where the injected script puts its parts: the isolated world's global, never the page's. */
export const OVERLAY_UI_KEY = Symbol.for('funnel-lens.overlay-ui');

export type UiState = 'idle' | 'loading' | 'ready' | 'failed';

export interface UiLoader {
  readonly state: UiState;
  /** The parts once loaded (callers that find them use them at once, in the same task). */
  readonly ui: OverlayUi | null;
  /** Loads them (once); rejects when the injection failed or registered nothing. */
  load(): Promise<OverlayUi>;
}

export interface UiLoaderDeps {
  /** Asks the background to inject the UI script into this frame; resolves once it ran. */
  inject(): Promise<void>;
  /** Reads the registration (the global under OVERLAY_UI_KEY). */
  registered(): OverlayUi | undefined;
}

export function createUiLoader(deps: UiLoaderDeps): UiLoader {
  let state: UiState = 'idle';
  let ui: OverlayUi | null = null;
  let pending: Promise<OverlayUi> | null = null;

  const attempt = async (): Promise<OverlayUi> => {
    // Already there: a newer instance of this content script in the same world, or a test.
    const found = deps.registered() ?? (await deps.inject().then(deps.registered));
    if (!found) throw new Error('Funnel Lens: the UI script registered nothing');
    return found;
  };

  return {
    get state() {
      return state;
    },
    get ui() {
      return ui;
    },
    load() {
      if (ui) return Promise.resolve(ui);
      if (pending) return pending;
      state = 'loading';
      pending = attempt().then(
        (loaded) => {
          ui = loaded;
          state = 'ready';
          return loaded;
        },
        (error: unknown) => {
          state = 'failed';
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
}

/** The registration in this world, if the UI script ran here. */
export function registeredUi(): OverlayUi | undefined {
  return (globalThis as { [OVERLAY_UI_KEY]?: OverlayUi })[OVERLAY_UI_KEY];
}
