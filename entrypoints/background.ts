import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundCore, setUpCacheSweep, setUpMessaging, setUpReinjection, setUpTrustedStorage } from '../utils/background/setup';

export default defineBackground({
  // Built when the worker starts, never on import; every listener registered synchronously here.
  main() {
    const core = createBackgroundCore();
    setUpMessaging(core);
    setUpTrustedStorage();
    setUpReinjection();
    setUpCacheSweep(core);
  },
});
