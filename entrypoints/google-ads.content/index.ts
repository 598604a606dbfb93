import { defineContentScript } from 'wxt/utils/define-content-script';
import { GOOGLE_ADS_MATCHES, googleAdsAdapter } from '../../utils/adapters/google-ads';
import { startOverlay } from '../../utils/overlay/start';

export default defineContentScript({
  matches: GOOGLE_ADS_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx, googleAdsAdapter);
  },
});
