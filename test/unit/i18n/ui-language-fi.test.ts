/** In Finnish: our stage labels and the headline finding (see ui-language.shared.ts). */
import { useUiLanguage } from '../setup';
import { describeUiLanguage } from './ui-language.shared';

useUiLanguage('fi');
describeUiLanguage({
  lang: 'fi',
  ownLabels: ['Liidi', 'MQL', 'SQL', 'Tapaaminen', 'Kauppa'],
  // "2,8× Metan osuus": the other channel in the genitive, as Finnish needs it.
  rateFinding: /^Paras MQL→Kauppa: Google Ads \(\d+(,\d)?\s%, \d,\d× Metan osuus\)$/,
});
