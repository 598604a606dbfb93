/**
 * Issue 20: each adapter reads the row's lead count as the platform prints it, by the platform's
 * key or by the header's text in English and Finnish; an absent column, or a Meta Results column
 * counting something other than leads, gives nothing. Markup follows shared/reference/ad-ui-dom.md.
 * (Meta's header-by-position and LinkedIn's `<table>` need a real browser: the E2E tests cover them.)
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createMetaTableMemory, readMetaLeads } from '../../../utils/adapters/meta-table';
import { googleAdsAdapter } from '../../../utils/adapters/google-ads';

const NBSP = '\u00a0';

/** A Meta row with a Results cell keyed `forAttributionWindow(results,<window>)`, value then result type. */
function metaRow(results: { value: string; type?: string; window?: string } | null): { row: Element; table: Element } {
  const cell = results
    ? `<span data-surface="/am/table/table_row:120200001unit/table_cell:forAttributionWindow(results,${results.window ?? 'default'})" style="display: contents">
        <div class="_4lg0"><div class="_1b33"><div geotextcolor="value"><span><span class="_3dfi _3dfj">${results.value}</span></span></div>
        ${results.type ? `<div class="ellipsis _1ha4"><div>${results.type}</div></div>` : ''}</div></div></span>`
    : '';
  const { document } = parseHTML(`<div data-surface="/am/table"><div class="_1gda _2djg" id="row">
    <span data-surface="/am/table/table_row:120200001unit/table_cell:spend" style="display: contents"><div class="_4lg0"><div geotextcolor="value">$1,200.00</div></div></span>
    ${cell}</div></div>`);
  return { row: document.getElementById('row') as Element, table: document.querySelector('[data-surface="/am/table"]') as Element };
}

describe('Meta: Results, when the result type is a lead type', () => {
  it.each([
    ['120', 'Leads (form)'],
    ['1,234', 'Website leads'],
    ['1.2K', 'On-Facebook leads'],
    [`1${NBSP}234`, 'Liidit (lomake)'],
    ['95', 'Verkkosivuston liidit'],
  ])('%s with result type "%s" is read', (value, type) => {
    const { row, table } = metaRow({ value, type });
    expect(readMetaLeads(row, table, createMetaTableMemory())).toBe(value);
  });

  it('any attribution window of the Results column', () => {
    const { row, table } = metaRow({ value: '40', type: 'Leads (form)', window: '7d_click' });
    expect(readMetaLeads(row, table, createMetaTableMemory())).toBe('40');
  });

  it.each([['Link clicks'], ['Linkin klikkaukset'], ['Purchases'], ['Landing page views']])('result type "%s" is not a lead count: nothing', (type) => {
    const { row, table } = metaRow({ value: '310', type });
    expect(readMetaLeads(row, table, createMetaTableMemory())).toBeNull();
  });

  it('a Results cell that names no result type: nothing (it might count anything)', () => {
    const { row, table } = metaRow({ value: '310' });
    expect(readMetaLeads(row, table, createMetaTableMemory())).toBeNull();
  });

  it('no Results column: nothing', () => {
    const { row, table } = metaRow(null);
    expect(readMetaLeads(row, table, createMetaTableMemory())).toBeNull();
  });
});

/** A Google Ads grid; `keyed` false leaves the metric cells without essfield (found by header text then). */
function googleGrid(header: string, value: string, keyed: boolean): { row: Element; table: Element } {
  const field = keyed ? ' essfield="stats.conversions"' : '';
  const { document } = parseHTML(`<ess-particle-table><div class="ess-table-canvas" role="grid" aria-label="Campaigns">
    <div class="particle-table-header" role="row">
      <div class="particle-table-header-cell" role="columnheader" essfield="name" aria-label="Campaign"><aw-header-cell>Campaign</aw-header-cell></div>
      <div class="particle-table-header-cell" role="columnheader"${field} aria-label="${header}"><aw-header-cell>${header}</aw-header-cell></div>
    </div>
    <div class="particle-table-row" role="row" id="row">
      <ess-cell role="gridcell" essfield="name"><campaign-name><a class="ess-cell-link" href="/aw/adgroups?campaignId=111">Brand</a></campaign-name></ess-cell>
      <ess-cell role="gridcell"${field}><stats-field><div class="ess-cell-ellipsis">${value}</div></stats-field></ess-cell>
    </div></div></ess-particle-table>`);
  return { row: document.getElementById('row') as Element, table: document.querySelector('[role="grid"]') as Element };
}

describe('Google Ads: Conversions', () => {
  it('by essfield="stats.conversions", whatever the header says', () => {
    const { row, table } = googleGrid('Conv.', '95.00', true);
    expect(googleAdsAdapter.readPlatformLeads?.(row, table)).toBe('95.00');
  });

  it.each([
    ['Conversions', '1.2K'],
    ['Konversiot', `1${NBSP}234,00`],
  ])('by the header text "%s" when cells have no essfield', (header, value) => {
    const { row, table } = googleGrid(header, value, false);
    expect(googleAdsAdapter.readPlatformLeads?.(row, table)).toBe(value);
  });

  it('no Conversions column: nothing', () => {
    const { row, table } = googleGrid('Clicks', '310', false);
    expect(googleAdsAdapter.readPlatformLeads?.(row, table)).toBeNull();
  });
});
