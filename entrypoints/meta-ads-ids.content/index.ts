/**
 * The one script Funnel Lens runs in the page's own JavaScript world on Meta Ads Manager. It
 * answers the isolated content script's question "which object ID does React hold for this row
 * element?" (utils/page-world/object-id.ts explains the protocol). Idle, it costs one listener.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { META_MATCHES } from '../../utils/adapters/meta-ads';
import { OBJECT_ID_ANSWER, OBJECT_ID_REQUEST, readReactObjectId } from '../../utils/page-world/object-id';

export default defineContentScript({
  matches: META_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  // Firefox's MV2 manifest has no page-world content scripts: there, names stay the fallback.
  include: ['chrome'],
  main() {
    window.addEventListener(
      OBJECT_ID_REQUEST,
      (event) => {
        const row = event.target;
        if (!(row instanceof Element)) return;
        const id = readReactObjectId(row);
        if (id !== null) row.dispatchEvent(new CustomEvent(OBJECT_ID_ANSWER, { detail: id }));
      },
      true,
    );
  },
});
