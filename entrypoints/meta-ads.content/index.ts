import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMetaAdapter, META_MATCHES } from '../../utils/adapters/meta-ads';
import { pageWorldObjectIds } from '../../utils/overlay/page-world-ids';
import { startOverlay } from '../../utils/overlay/start';

export default defineContentScript({
  matches: META_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx, createMetaAdapter({ objectIdOf: pageWorldObjectIds(ctx.signal) }));
  },
});
