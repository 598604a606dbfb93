import { defineContentScript } from 'wxt/utils/define-content-script';
import { LINKEDIN_MATCHES, linkedInAdsAdapter } from '../../utils/adapters/linkedin-ads';
import { startOverlay } from '../../utils/overlay/start';

export default defineContentScript({
  matches: LINKEDIN_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startOverlay(ctx, linkedInAdsAdapter);
  },
});
