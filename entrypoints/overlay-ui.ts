/**
 * The overlay's on-demand UI (utils/overlay/ui-loader.ts): not a content script and not web
 * accessible; the background injects it into a content script's own (isolated) world when that
 * script asks (`loadOverlayUi`). It registers its parts where only that world sees them.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { OVERLAY_UI_KEY } from '../utils/overlay/ui-loader';
import { overlayUi } from '../utils/overlay/ui-parts';

export default defineUnlistedScript(() => {
  (globalThis as { [OVERLAY_UI_KEY]?: typeof overlayUi })[OVERLAY_UI_KEY] = overlayUi;
});
