/**
 * Column presets, platform and stage tables, and the row mapper's verdicts (with line numbers
 * and reasons), on rows written as the CRMs write them.
 */
import { describe, expect, it } from 'vitest';
import { createRowMapper, type RowOutcome } from '../../../utils/import/map-rows';
import { DEFAULT_PLATFORM_TABLE, platformOf } from '../../../utils/import/platform-table';
import { detectPreset, headerSignature, missingFields, PRESETS, resolvePreset } from '../../../utils/import/presets';
import { DEFAULT_STAGE_TABLE, stageOf } from '../../../utils/import/stage-table';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

const HUBSPOT_HEADERS = [
  'Record ID',
  'First Name',
  'Create Date',
  'Lifecycle Stage',
  'Original Traffic Source',
  'Original Traffic Source Drill-Down 1',
  'Original Traffic Source Drill-Down 2',
  'First Page Seen',
  'Became a Marketing Qualified Lead Date',
  'Recent Deal Amount',
  'Recent Deal Close Date',
];
const PIPEDRIVE_HEADERS = [
  'Deal - ID',
  'Deal - Title',
  'Deal - Value',
  'Deal - Stage',
  'Deal - Status',
  'Deal - Deal created',
  'Deal - Won time',
  'Deal - utm_source',
  'Deal - utm_campaign',
  'Deal - utm_content',
];
const SALESFORCE_HEADERS = ['Opportunity Name', 'Lead Source', 'Primary Campaign Source', 'Stage', 'Amount', 'Close Date', 'Created Date'];

describe('presets', () => {
  it('map the documented HubSpot labels, old or new', () => {
    expect(resolvePreset(preset('hubspot'), HUBSPOT_HEADERS)).toEqual({
      leadId: 'Record ID',
      createdAt: 'Create Date',
      stage: 'Lifecycle Stage',
      source: 'Original Traffic Source',
      sourceDetail: 'Original Traffic Source Drill-Down 1',
      campaignFallback: 'Original Traffic Source Drill-Down 2',
      landingUrl: 'First Page Seen',
      mqlDate: 'Became a Marketing Qualified Lead Date',
      amount: 'Recent Deal Amount',
      closedAt: 'Recent Deal Close Date',
    });
    expect(resolvePreset(preset('hubspot'), ['Contact ID', 'Create Date', 'Original Source'])).toEqual({
      leadId: 'Contact ID',
      createdAt: 'Create Date',
      source: 'Original Source',
    });
  });
  it('map Pipedrive `Deal - …` columns and custom UTM fields', () => {
    expect(resolvePreset(preset('pipedrive'), PIPEDRIVE_HEADERS)).toEqual({
      leadId: 'Deal - ID',
      amount: 'Deal - Value',
      stage: 'Deal - Stage',
      status: 'Deal - Status',
      createdAt: 'Deal - Deal created',
      closedAt: 'Deal - Won time',
      utmSource: 'Deal - utm_source',
      campaign: 'Deal - utm_campaign',
      adGroup: 'Deal - utm_content',
    });
  });
  it('recognise each export by its headers, and need the required fields', () => {
    expect(detectPreset(HUBSPOT_HEADERS)?.id).toBe('hubspot');
    expect(detectPreset(PIPEDRIVE_HEADERS)?.id).toBe('pipedrive');
    expect(detectPreset(SALESFORCE_HEADERS)?.id).toBe('salesforce');
    expect(detectPreset(['a', 'b', 'c'])).toBeNull();
    expect(missingFields(resolvePreset(preset('salesforce'), SALESFORCE_HEADERS))).toEqual([]);
    expect(missingFields({ createdAt: 'x' })).toEqual(['platform', 'campaign', 'stage']);
  });
  it('give one signature per header row, ignoring a BOM and case', () => {
    expect(headerSignature(['\uFEFFRecord ID', 'Create Date'])).toBe(headerSignature(['record id', 'Create Date ']));
    expect(headerSignature(['Record ID', 'Create Date'])).not.toBe(headerSignature(['Create Date', 'Record ID']));
  });
});

describe('platform table', () => {
  it('maps the issue’s values, whole or as a word', () => {
    const cases: Record<string, string | null> = {
      facebook: 'meta_ads',
      FB: 'meta_ads',
      Instagram: 'meta_ads',
      meta: 'meta_ads',
      'Facebook Ads': 'meta_ads',
      google: 'google_ads',
      'Google AdWords': 'google_ads',
      cpc: 'google_ads',
      LinkedIn: 'linkedin_ads',
      'lnkd.in': 'linkedin_ads',
      'Organic Search': null,
      newsletter: null,
      '': null,
    };
    for (const [value, expected] of Object.entries(cases)) expect(platformOf(value, DEFAULT_PLATFORM_TABLE), value).toBe(expected);
  });
  it('is editable', () => {
    expect(platformOf('bing', { ...DEFAULT_PLATFORM_TABLE, bing: 'google_ads' })).toBe('google_ads');
  });
});

describe('stage table', () => {
  it('knows HubSpot internal values and labels, Pipedrive and Salesforce stages, and Finnish names', () => {
    const cases: Record<string, string> = {
      marketingqualifiedlead: 'mql',
      'Marketing Qualified Lead': 'mql',
      salesqualifiedlead: 'sql',
      customer: 'won',
      subscriber: 'lead',
      closedwon: 'won',
      closedlost: 'lost',
      appointmentscheduled: 'meeting',
      'Proposal Made': 'meeting',
      Won: 'won',
      Lost: 'lost',
      Open: 'open',
      'Closed Won': 'won',
      'Closed Lost': 'lost',
      Qualification: 'sql',
      'Working - Contacted': 'mql',
      Liidi: 'lead',
      'Markkinointivalmis liidi': 'mql',
      'Myyntivalmis liidi': 'sql',
      Tapaaminen: 'meeting',
      Voitettu: 'won',
      Hävitty: 'lost',
    };
    for (const [value, expected] of Object.entries(cases)) expect(stageOf(value, DEFAULT_STAGE_TABLE), value).toBe(expected);
    expect(stageOf('Someday maybe', DEFAULT_STAGE_TABLE)).toBeNull();
  });
});

describe('row mapper', () => {
  const options = (headers: string[], id: string) => ({
    mapping: resolvePreset(preset(id), headers),
    platforms: DEFAULT_PLATFORM_TABLE,
    stages: DEFAULT_STAGE_TABLE,
    dateOrder: 'dmy' as const,
    importId: 'imp1',
  });

  it('reads a HubSpot paid-social contact: platform from Drill-Down 1, campaign from Drill-Down 2, MQL from its date', () => {
    const map = createRowMapper(HUBSPOT_HEADERS, options(HUBSPOT_HEADERS, 'hubspot'));
    const out = map(['101', 'Aino', '2025-03-02 10:00', 'lead', 'Paid Social', 'Facebook', 'Nordics | Lead Ads', '', '2025-03-05 09:00', '', ''], 2);
    expect(out).toEqual({
      kind: 'lead',
      record: {
        key: 'id:101',
        importId: 'imp1',
        line: 2,
        createdOn: '2025-03-02',
        platform: 'meta_ads',
        campaign: 'Nordics | Lead Ads',
        adGroup: null,
        ad: null,
        reached: 1,
        lost: false,
        amount: 0,
        closedOn: null,
        leadId: '101',
      },
    });
  });

  it('prefers the landing page’s utm_* to HubSpot’s drill-downs', () => {
    const map = createRowMapper(HUBSPOT_HEADERS, options(HUBSPOT_HEADERS, 'hubspot'));
    const out = map(
      [
        '102',
        'Eero',
        '2025-03-02 10:00',
        'customer',
        'Paid Search',
        'brand terms',
        '',
        'https://acme.fi/?utm_source=google&utm_campaign=12345678901&utm_content=Ad%20group%201',
        '',
        '117.0',
        '2025-04-01 00:00',
      ],
      3,
    );
    expect(out.kind === 'lead' && out.record).toMatchObject({
      platform: 'google_ads',
      campaign: '12345678901',
      adGroup: 'Ad group 1',
      reached: 4,
      amount: 117,
      closedOn: '2025-04-01',
    });
  });

  it('keeps the cumulative meaning: Pipedrive status Won is the furthest stage, Lost keeps the stage reached', () => {
    const map = createRowMapper(PIPEDRIVE_HEADERS, options(PIPEDRIVE_HEADERS, 'pipedrive'));
    const won = map(['7', 'Deal', '30000', 'Qualified', 'Won', '2025-01-15 09:00:00', '2025-02-01 10:00:00', 'linkedin', 'DACH', ''], 2);
    const lost = map(['8', 'Deal', '5000', 'Proposal Made', 'Lost', '2025-01-15 09:00:00', '', 'fb', 'DACH', ''], 3);
    expect(won.kind === 'lead' && won.record).toMatchObject({ reached: 4, lost: false, amount: 30000, platform: 'linkedin_ads' });
    expect(lost.kind === 'lead' && lost.record).toMatchObject({ reached: 3, lost: true, platform: 'meta_ads' });
  });

  it('lists bad rows with their line and reason and the offending value', () => {
    const map = createRowMapper(PIPEDRIVE_HEADERS, options(PIPEDRIVE_HEADERS, 'pipedrive'));
    const row = (over: Partial<Record<string, string>>) =>
      PIPEDRIVE_HEADERS.map(
        (h) =>
          over[h] ??
          ({ 'Deal - Deal created': '2025-01-15', 'Deal - utm_source': 'fb', 'Deal - utm_campaign': 'C', 'Deal - Status': 'Open' } as Record<string, string>)[
            h
          ] ??
          '',
      );
    const verdicts: RowOutcome[] = [
      map(row({ 'Deal - Deal created': '31.02.2025' }), 2),
      map(row({ 'Deal - Stage': 'Someday' }), 3),
      map(row({ 'Deal - Value': '-5' }), 4),
      map(row({ 'Deal - utm_campaign': '' }), 5),
      map(row({ 'Deal - utm_source': 'newsletter' }), 6),
      map(row({ 'Deal - Value': 'lots' }), 7),
    ];
    expect(verdicts).toEqual([
      { kind: 'skip', skipped: { line: 2, reason: 'badDate', column: 'Deal - Deal created', value: '31.02.2025' } },
      { kind: 'skip', skipped: { line: 3, reason: 'unknownStage', column: 'Deal - Stage', value: 'Someday' } },
      { kind: 'skip', skipped: { line: 4, reason: 'negativeAmount', column: 'Deal - Value', value: '-5' } },
      { kind: 'skip', skipped: { line: 5, reason: 'missingCampaign', column: 'Deal - utm_campaign', value: '' } },
      { kind: 'skip', skipped: { line: 6, reason: 'unknownPlatform', column: 'Deal - utm_source', value: 'newsletter' } },
      { kind: 'skip', skipped: { line: 7, reason: 'badAmount', column: 'Deal - Value', value: 'lots' } },
    ]);
  });

  it('reports a second row with the same lead ID instead of counting the lead twice', () => {
    const map = createRowMapper(PIPEDRIVE_HEADERS, options(PIPEDRIVE_HEADERS, 'pipedrive'));
    const row = ['7', 'Deal', '', 'Qualified', 'Open', '2025-01-15 09:00:00', '', 'fb', 'DACH', ''];
    expect(map(row, 2).kind).toBe('lead');
    expect(map(row, 3)).toEqual({ kind: 'skip', skipped: { line: 3, reason: 'duplicateId', column: 'Deal - ID', value: '7' } });
  });

  it('ignores blank lines and everything from a Salesforce report footer on', () => {
    const map = createRowMapper(SALESFORCE_HEADERS, options(SALESFORCE_HEADERS, 'salesforce'));
    expect(map(['', '', '', '', '', '', ''], 5)).toEqual({ kind: 'ignored' });
    expect(map(['Grand Totals (3 records)', '', '', '', '', '', ''], 6)).toEqual({ kind: 'ignored' });
    expect(map(['Acme Oy', 'Facebook', 'C', 'Closed Won', '10', '', '1.1.2025'], 7)).toEqual({ kind: 'ignored' });
  });
});
