/**
 * "Copy diagnostics" must carry the shape of the page and nothing of its data: no campaign name,
 * no number, no ID, no URL beyond its path shape. The pages here hold all of those in every place
 * an ad manager puts them (text, data-surface keys, hrefs, tooltips, aria labels, inline styles).
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { diagnosticsText, pathShape, tableSkeleton } from '../../../utils/overlay/diagnostics';
import type { PageContext } from '../../../utils/overlay/adapter';

interface Campaign {
  id: string;
  name: string;
  spend: string;
}

function metaLikeTable(campaigns: Campaign[]): string {
  const rows = campaigns.map(
    (c, i) => `
    <div class="_1gda _2djg" role="row" data-surface="/am/table/table_row:${c.id}unit" style="transform: translate(0px, ${i * 48}px); height: 48px">
      <span data-surface="/am/table/table_row:${c.id}unit/table_cell:forObjectType(name,CAMPAIGN_GROUP)" style="display: contents">
        <div class="ellipsis _13is" data-tooltip-content="${c.name}" aria-label="${c.name}" title="${c.name}"><a href="https://adsmanager.facebook.com/adsmanager/manage/adsets?act=99887766&selected_campaign_ids=${c.id}#${c.name}">${c.name}</a></div>
      </span>
      <span data-surface="/am/table/table_row:${c.id}unit/table_cell:spend"><div geotextcolor="value" data-row-${c.id}="1">${c.spend}</div></span>
      <div class="cell-${c.id} x1n2onr6" data-id="${c.id}">${c.id}</div>
    </div>`,
  );
  return `<div data-surface="/am/table" role="table" class="_3h1i"><div class="_3h1j" role="rowgroup">${rows.join('')}</div></div>`;
}

const context: PageContext = {
  platform: 'meta_ads',
  level: 'campaign',
  levelLabel: 'Campaigns',
  accountId: '99887766',
  range: { from: '2026-10-01', to: '2026-10-31' },
  rangeAssumed: false,
  rangeSource: 'url',
};

function report(campaigns: Campaign[]): string {
  const { document } = parseHTML(`<!doctype html><html><body>${metaLikeTable(campaigns)}</body></html>`);
  const table = document.querySelector('[role="table"]') as Element;
  return diagnosticsText(
    {
      version: '1.2.3',
      context,
      path: '/adsmanager/manage/campaigns',
      health: { table: 'data-surface', id: 'react', spend: null },
      fallback: false,
      rowsRead: campaigns.length,
      table,
    },
    () => false,
  );
}

/** Every substring of the page's data a report must not contain. */
function leaks(text: string, campaigns: Campaign[], accountId: string): string[] {
  const secrets = campaigns.flatMap((c) => [c.id, c.name, c.spend, ...c.name.split(/\s+/).filter((w) => w.length >= 4)]).concat(accountId);
  return secrets.filter((s) => text.includes(s));
}

describe('diagnostics', () => {
  it("keeps the table's shape: tags, roles, data-* keys with digits masked, classes, style property names, link path shapes", () => {
    const text = report([{ id: '120210942987570608', name: 'Nordics Lead Ads', spend: '€1,234.56' }]);
    expect(text).toContain('version: 1.2.3');
    expect(text).toContain('platform: meta_ads');
    expect(text).toContain('hook health: table=data-surface, id=react, spend=missing');
    expect(text).toContain('div role=table ._3h1i [data-surface]');
    expect(text).toMatch(/div role=row \._1gda\._2djg \[data-surface\] style\(transform height\)/);
    expect(text).toContain('[data-row-#]');
    expect(text).toContain('.cell-#.x1n2onr6');
    expect(text).toContain('href=/adsmanager/manage/adsets');
    expect(text).toContain('account ID read: yes');
  });

  it('holds no campaign name, number or ID from the page, whatever they are', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖäö]{4,9}$/);
    const campaign = fc.record({
      id: fc.stringMatching(/^[1-9]\d{5,18}$/),
      name: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      spend: fc.integer({ min: 1000, max: 99_999_999 }).map((cents) => `€${(cents / 100).toFixed(2)}`),
    });
    fc.assert(
      fc.property(fc.array(campaign, { minLength: 1, maxLength: 6 }), (campaigns) => {
        // Words that are also tag, class, attribute or hook names say nothing of the data.
        const structural =
          /^(table|data|surface|value|ellipsis|href|role|rowgroup|cell|style|transform|height|display|contents|span|version|platform|level|range|account|health|hook|meta|react|yes|missing|campaign|campaigns|tooltip|content|label|title|text|path|rows|read|from|skeleton|assumed|filtered|list|found|fallback|finder|badges|manage|adsets|adsmanager|diagnostics|funnel|lens|group|object|type|forObjectType|unit|spend|geotextcolor)$/i;
        const named = campaigns.map((c) => ({
          ...c,
          name:
            c.name
              .split(' ')
              .filter((w) => !structural.test(w))
              .join(' ') || 'Qwzx',
        }));
        expect(leaks(report(named), named, '99887766')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('gives a URL as its path shape only: segments with digits masked, no query, no fragment', () => {
    expect(pathShape('https://www.linkedin.com/campaignmanager/accounts/508877/campaign-groups/123?x=Spring%20Sale#top')).toBe(
      '/campaignmanager/accounts/#/campaign-groups/#',
    );
    expect(pathShape('/aw/campaigns?campaignId=123456&ocid=98')).toBe('/aw/campaigns');
    expect(pathShape('/c/Spring-Sale-Campaign-Name-Longer-Than-Thirty-Two')).toBe('/c/*');
  });

  it('describes runs of identical rows once, with their count', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><ul><li class="r"><a href="/x/1">A</a></li><li class="r"><a href="/x/2">B</a></li><li class="r"><a href="/x/3">C</a></li></ul></body></html>',
    );
    expect(tableSkeleton(document.querySelector('ul') as Element, () => false)).toBe('ul\n  li .r ×3\n    a href=/x/# #text');
  });
});
