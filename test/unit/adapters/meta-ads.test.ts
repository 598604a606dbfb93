/** Meta Ads Manager's URLs → page context. "Today" is fixed: Monday 23 November 2026. */
import { describe, expect, it } from 'vitest';
import { readMetaContext } from '../../../utils/adapters/meta-ads';

const today = new Date(2026, 10, 23);
const ctx = (path: string) => readMetaContext(new URL(`https://adsmanager.facebook.com${path}`), today);

describe('Meta Ads Manager page context', () => {
  it('reads the level from the path and the account from act, with or without act_', () => {
    expect(ctx('/adsmanager/manage/campaigns?act=1234567890')).toMatchObject({ platform: 'meta_ads', level: 'campaign', accountId: '1234567890' });
    expect(ctx('/adsmanager/manage/adsets?act=act_42')).toMatchObject({ level: 'ad_group', accountId: '42' });
    expect(ctx('/adsmanager/manage/ads?act=x1')).toMatchObject({ level: 'ad', accountId: null });
  });

  it('is not a list page elsewhere', () => {
    expect(ctx('/adsmanager/reporting/view?act=1')).toBeNull();
    expect(ctx('/adsmanager/manage/campaigns/edit?act=1')).toBeNull();
  });

  it('takes the range from date=, and a trailing preset wins over stale dates', () => {
    expect(ctx('/adsmanager/manage/campaigns?act=1&date=2026-10-01_2026-10-31')).toMatchObject({
      range: { from: '2026-10-01', to: '2026-10-31' },
      rangeAssumed: false,
    });
    // last_30d ends yesterday: 24 Oct – 22 Nov.
    expect(ctx('/adsmanager/manage/campaigns?act=1&date=2026-05-07_2026-05-08%2Clast_30d')).toMatchObject({ range: { from: '2026-10-24', to: '2026-11-22' } });
    expect(ctx('/adsmanager/manage/campaigns?act=1&date_preset=last_month')).toMatchObject({ range: { from: '2026-10-01', to: '2026-10-31' } });
  });

  it('falls back to the last 30 days, marked as an assumption, for a missing or impossible range', () => {
    const assumed = { range: { from: '2026-10-24', to: '2026-11-22' }, rangeAssumed: true };
    expect(ctx('/adsmanager/manage/campaigns?act=1')).toMatchObject(assumed);
    expect(ctx('/adsmanager/manage/campaigns?act=1&date=2026-02-30_2026-03-01')).toMatchObject(assumed);
    expect(ctx('/adsmanager/manage/campaigns?act=1&date=2026-10-31_2026-10-01')).toMatchObject(assumed);
  });

  it('marks a drilled-down list as filtered', () => {
    expect(ctx('/adsmanager/manage/adsets?act=1&selected_campaign_ids=120210942987570608')?.filtered).toBe(true);
    expect(ctx('/adsmanager/manage/adsets?act=1')?.filtered).toBe(false);
  });
});
