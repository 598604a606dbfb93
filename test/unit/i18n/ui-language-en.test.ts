/** In English: our stage labels and the headline finding (see ui-language.shared.ts). */
import { describeUiLanguage } from './ui-language.shared';

describeUiLanguage({
  lang: 'en',
  ownLabels: ['Lead', 'MQL', 'SQL', 'Meeting', 'Won'],
  rateFinding: /^Best MQL→Won: Google Ads \(\d+(\.\d)?%, \d\.\d× Meta's rate\)$/,
});
