/**
 * Issue 20 in the dashboard: each CRM campaign gets the platform's last count read on an ad page,
 * by ID (or by name when a side has no ID, never across different IDs), and the CSV carries it.
 */
import { describe, expect, it } from 'vitest';
import type { FunnelRow } from '../../../utils/api/schema';
import { buildCampaignRows, sortCampaigns, type PlatformLeadsSeen } from '../../../utils/dashboard/campaign-table';
import { campaignCsv, CSV_COLUMNS, type CsvLabels } from '../../../utils/dashboard/csv';

const funnel = (id: string | undefined, name: string, leads: number): FunnelRow => ({
  ...(id ? { id } : {}),
  name,
  leads,
  mql: 0,
  sql: 0,
  meetings: 0,
  won: 0,
  lost: 0,
  revenue: 0,
});
const READ_AT = Date.UTC(2026, 10, 30, 12, 0, 0);

const seen: PlatformLeadsSeen[] = [
  // Newest first, as the background lists them.
  { platform: 'meta_ads', campaignId: '111', name: 'Lead Gen Nordics', leads: 120, readAt: READ_AT },
  { platform: 'meta_ads', campaignId: '111', name: 'Lead Gen Nordics', leads: 100, readAt: READ_AT - 60_000 },
  { platform: 'meta_ads', campaignId: null, name: 'No ID on the page', leads: 10, readAt: READ_AT },
  { platform: 'meta_ads', campaignId: '999', name: 'Same Name', leads: 50, readAt: READ_AT },
  { platform: 'google_ads', campaignId: '111', name: 'Other platform', leads: 7, readAt: READ_AT },
];

const rows = buildCampaignRows(
  [
    {
      platform: 'meta_ads',
      currency: 'EUR',
      minMql: 10,
      rows: [
        funnel('111', 'Lead Gen Nordics', 95),
        funnel('222', 'No ID on the page', 13),
        funnel('333', 'Same Name', 50),
        funnel(undefined, 'Same Name', 61),
        funnel('444', 'Never seen', 5),
      ],
    },
  ],
  seen,
);
const byName = (name: string, id?: string) => rows.find((r) => r.row.name === name && r.row.id === id);

describe('Platform vs CRM rows', () => {
  it('the newest count by campaign ID, with the gap and when it was read', () => {
    expect(byName('Lead Gen Nordics', '111')?.platformLeads).toEqual({
      gap: { platformLeads: 120, crmLeads: 95, share: 95 / 120, flag: 'crm-low' },
      readAt: READ_AT,
    });
  });

  it('by name when the page showed no ID, or the CRM row has none; never across two different IDs', () => {
    expect(byName('No ID on the page', '222')?.platformLeads?.gap.platformLeads).toBe(10);
    expect(byName('No ID on the page', '222')?.platformLeads?.gap.flag).toBe('crm-high'); // 13 of 10
    expect(byName('Same Name', '333')?.platformLeads).toBeNull(); // the page's "Same Name" is campaign 999
    expect(byName('Same Name', undefined)?.platformLeads?.gap.platformLeads).toBe(50);
    expect(byName('Never seen', '444')?.platformLeads).toBeNull();
  });

  it('sorts by the CRM share; rows without a platform figure last', () => {
    const sorted = sortCampaigns(rows, { key: 'platformVsCrm', dir: 'desc' }).map((r) => `${r.row.name}|${r.row.id ?? ''}`);
    expect(sorted).toEqual(['No ID on the page|222', 'Same Name|', 'Lead Gen Nordics|111', 'Never seen|444', 'Same Name|333']);
  });
});

describe('CSV', () => {
  const labels: CsvLabels = {
    headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as CsvLabels['headers'],
    platform: { google_ads: 'Google Ads', meta_ads: 'Meta', linkedin_ads: 'LinkedIn' },
    yes: 'yes',
    no: 'no',
  };

  it('ends with the platform count, the CRM share and the read time; empty for a campaign never seen', () => {
    const lines = campaignCsv(rows, labels).split('\r\n');
    expect(lines[0]?.split(',').slice(-3)).toEqual(['"platformLeads"', '"platformVsCrm"', '"platformReadAt"']);
    const leadGen = lines.find((l) => l.includes('"Lead Gen Nordics"'))?.split(',');
    expect(leadGen?.slice(-3)).toEqual(['120', '0.7917', '"2026-11-30T12:00:00.000Z"']);
    const never = lines.find((l) => l.includes('"Never seen"'))?.split(',');
    expect(never?.slice(-3)).toEqual(['', '', '']);
  });
});
