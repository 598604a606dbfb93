/**
 * The on-demand UI (utils/overlay/ui-loader.ts) as a content script has it once loaded: its real
 * parts, through the real loader. Only the injection is left out here (the background's
 * executeScript, which E2E tests cover in the browser): the parts count as registered at once.
 */
import { createUiLoader, type UiLoader } from '../../../../utils/overlay/ui-loader';
import { overlayUi } from '../../../../utils/overlay/ui-parts';

export async function loadedUi(): Promise<UiLoader> {
  const loader = createUiLoader({ inject: () => Promise.resolve(), registered: () => overlayUi });
  await loader.load();
  return loader;
}
