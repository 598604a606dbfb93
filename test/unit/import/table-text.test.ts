import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../utils/api/constants';
import { STAGE_MEANINGS } from '../../../utils/import/stage-table';
import { parseTableText, tableToText } from '../../../utils/import/table-text';

describe('parseTableText', () => {
  it('reads `value = meaning` lines case-insensitively and lists the lines it cannot read', () => {
    expect(parseTableText('Bing = google_ads\n\nTikTok = tiktok\nno equals sign\n = meta_ads\nx = y = meta_ads', PLATFORMS)).toEqual({
      table: { bing: 'google_ads', 'x = y': 'meta_ads' },
      badLines: [3, 4, 5],
    });
    expect(parseTableText('Demo booked = Meeting\r\nKauppa = won', STAGE_MEANINGS)).toEqual({
      table: { 'demo booked': 'meeting', kauppa: 'won' },
      badLines: [],
    });
  });
  it('writes a table back as the same lines', () => {
    expect(parseTableText(tableToText({ bing: 'google_ads', 'demo booked': 'meeting' }), [...PLATFORMS, ...STAGE_MEANINGS]).table).toEqual({
      bing: 'google_ads',
      'demo booked': 'meeting',
    });
  });
});
