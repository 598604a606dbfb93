import { defineContentScript } from 'wxt/utils/define-content-script';
import { META_MATCHES, metaAdsAdapter } from '../../utils/adapters/meta-ads';
import { startOverlay } from '../../utils/overlay/start';

export default defineContentScript({
  matches: META_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx, metaAdsAdapter);
  },
});
