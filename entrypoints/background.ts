import { defineBackground } from 'wxt/utils/define-background';
import { registerBackground } from '../utils/background/main';

export default defineBackground({
  main: registerBackground,
});
