/**
 * Import a CRM export through the dashboard's own UI, in Chromium with the built extension, then
 * open the Meta Ads Manager replica: its badges must state the numbers counted here, straight
 * from the fixture's text, without the product's code. The extension is first connected to the
 * real stats server, whose different numbers must give way to the import once it is chosen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplicaCampaign } from '../fixtures/types';
import { makeWorld } from '../fixtures/world';
import { metaAdsManagerUrl } from '../replicas/serve';
import { seriousAxeViolations } from './support/axe';
import type { ExtensionBrowser } from './support/browser';
import { badgeAgrees } from './support/expected';
import { routeMetaCampaigns, visibleMetaRows, waitForReplica } from './support/meta-page';
import { useConnectedSession } from './support/session';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/crm/hubspot-contacts.csv');
const ACCOUNT = '1234567890';
const CAMPAIGNS: ReplicaCampaign[] = [
  { id: '120210000000001', name: 'Nordics | Lead Ads | Webinar', spend: 5000 },
  { id: '120210000000002', name: 'Lookalike test', spend: 1200 },
  // A LinkedIn campaign in the file: on Meta it has no data.
  { id: '120210000000003', name: 'ABM | Decision makers', spend: 800 },
];

/**
 * The fixture counted by hand rules, per Meta campaign: every cell is quoted; the platform is
 * utm_source from First Page Seen or Drill-Down 1; the campaign is utm_campaign or Drill-Down 2;
 * rows with an impossible date, an unknown stage, a negative amount or no campaign do not count.
 */
function countFixture(): Map<string, { mql: number; won: number; revenue: number }> {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
  const cells = (line: string) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] as string).replace(/""/g, '"'));
  const header = cells(lines[0] as string);
  const col = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  const MQL_OR_LATER = new Set(['marketingqualifiedlead', 'marketing qualified lead', 'salesqualifiedlead', 'opportunity', 'customer']);
  const KNOWN = new Set([...MQL_OR_LATER, 'lead', 'subscriber']);
  const counts = new Map<string, { mql: number; won: number; revenue: number }>();
  for (const line of lines.slice(1)) {
    const row = cells(line);
    const [day, time] = col(row, 'Create Date').split(' ');
    const date = new Date(`${day}T${time}:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) continue;
    const stage = col(row, 'Lifecycle Stage').toLowerCase();
    if (!KNOWN.has(stage)) continue;
    const amount = Number(col(row, 'Recent Deal Amount') || '0');
    if (amount < 0) continue;
    const url = new URL(col(row, 'First Page Seen') || 'https://x.invalid/');
    const source = (url.searchParams.get('utm_source') ?? col(row, 'Original Traffic Source Drill-Down 1')).toLowerCase();
    if (!['fb', 'facebook', 'instagram'].includes(source)) continue;
    const campaign = url.searchParams.get('utm_campaign') ?? col(row, 'Original Traffic Source Drill-Down 2');
    if (!campaign) continue;
    const tally = counts.get(campaign) ?? { mql: 0, won: 0, revenue: 0 };
    if (MQL_OR_LATER.has(stage) || col(row, 'Became a Marketing Qualified Lead Date')) tally.mql++;
    if (stage === 'customer') {
      tally.won++;
      tally.revenue += amount;
    }
    counts.set(campaign, tally);
  }
  return counts;
}

// The stats server knows the same campaign IDs, with other numbers.
const world = makeWorld({ platform: 'meta_ads', level: 'campaign', accountId: ACCOUNT, count: 3, seed: 19 }).map((entity, i) => ({
  ...entity,
  id: (CAMPAIGNS[i] as ReplicaCampaign).id,
  name: (CAMPAIGNS[i] as ReplicaCampaign).name,
}));
const session = useConnectedSession({ world });
let browser: ExtensionBrowser;
beforeAll(() => {
  ({ browser } = session);
});

describe('importing a CRM export', () => {
  it('imports the HubSpot fixture through the dashboard, lists the skipped rows, and Meta badges show the file’s numbers', async () => {
    const expected = countFixture();
    // The hand count must see the two Meta campaigns, one by name and one by its platform ID.
    expect([...expected.keys()].sort()).toEqual(['120210000000002', 'Nordics | Lead Ads | Webinar']);

    const dashboard = await browser.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#tab=import`);
    await dashboard.getByText('In use: Funnel Stats API').waitFor();
    await dashboard.getByLabel(/CRM export \(CSV/).setInputFiles(FIXTURE);
    await expect.poll(() => dashboard.getByLabel('Export type').inputValue()).toBe('hubspot');
    expect(await seriousAxeViolations(dashboard)).toEqual([]);
    await dashboard.getByRole('button', { name: 'Import', exact: true }).click();
    await dashboard.getByText('49 leads imported, 8 rows skipped').waitFor();
    await dashboard.getByText('Show skipped rows').click();
    const skipped = await dashboard.locator('.skipped-rows tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(skipped.slice(0, 4)).toEqual([
      ['9', 'Not a date', 'Create Date', '2025-02-30 10:00'],
      ['18', 'Unknown stage', 'Lifecycle Stage', 'Someday'],
      ['27', 'Negative amount', 'Recent Deal Amount', '-500.0'],
      ['36', 'No campaign', 'Original Traffic Source Drill-Down 2', ''],
    ]);
    await dashboard.getByText(/In use: hubspot-contacts\.csv, imported .* \(49 leads\)/).waitFor();
    expect(await seriousAxeViolations(dashboard)).toEqual([]);

    const page = await browser.newPage();
    await routeMetaCampaigns(page.context(), ACCOUNT, CAMPAIGNS);
    await page.goto(metaAdsManagerUrl({ accountId: ACCOUNT, from: '2025-03-01', to: '2025-03-31' }));
    await waitForReplica(page);
    const expectedFor = (id: string, name: string) => {
      const tally = expected.get(id) ?? expected.get(name);
      return tally && { leads: 0, sql: 0, meetings: 0, lost: 0, ...tally };
    };
    let badges: Array<[string, string | null]> = [];
    await expect
      .poll(
        async () => {
          const rows = await visibleMetaRows(page);
          badges = rows.map((r) => [r.name, r.badge]);
          return rows.length === CAMPAIGNS.length && rows.every((r) => r.badge !== null && badgeAgrees(r.badge, expectedFor(r.id, r.name)));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    // Spelled out as well, so a failure shows what a user would have read.
    expect(new Map(badges)).toEqual(
      new Map([
        ['Nordics | Lead Ads | Webinar', expect.stringMatching(/^MQL→Won 22% · €\d/)],
        ['Lookalike test', '1/4 MQL won'],
        ['ABM | Decision makers', '–'],
      ]),
    );

    // Delete imported data: the API's numbers come back, and the dashboard says so.
    dashboard.once('dialog', (dialog) => void dialog.accept());
    await dashboard.getByRole('button', { name: 'Delete imported data' }).click();
    await dashboard.getByText('Imported data deleted.').waitFor();
    await dashboard.getByText('In use: Funnel Stats API').waitFor();
    await page.close();
    await dashboard.close();
  });

  it('imports the Finnish, semicolon-separated Pipedrive export, remembers a changed mapping, and a cancelled import keeps what was there', async () => {
    const pipedrive = path.resolve(import.meta.dirname, '../fixtures/crm/pipedrive-deals-fi.csv');
    const dashboard = await browser.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#tab=import`);
    await dashboard.getByLabel(/CRM export \(CSV/).setInputFiles(pipedrive);
    await expect.poll(() => dashboard.getByLabel('Export type').inputValue()).toBe('pipedrive');
    // The user drops the ad-set column: remembered for this header row.
    await dashboard.getByText('Columns', { exact: true }).click();
    await dashboard.getByLabel('Ad set / ad group (utm_content)').selectOption('');
    await dashboard.getByRole('button', { name: 'Import', exact: true }).click();
    await dashboard.getByText('26 leads imported, 4 rows skipped').waitFor();
    await dashboard.getByText(/In use: pipedrive-deals-fi\.csv, imported .* \(26 leads\)/).waitFor();

    await dashboard.reload();
    await dashboard.getByLabel(/CRM export \(CSV/).setInputFiles(pipedrive);
    await expect.poll(() => dashboard.getByLabel('Ad set / ad group (utm_content)').inputValue()).toBe('');
    expect(await dashboard.getByLabel('Stage (lifecycle stage, deal stage or lead status)').inputValue()).toBe('Deal - Stage');

    // A big file, cancelled while it is read: the Pipedrive import stays in use.
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i};2025-03-01;fb;Big campaign;Liidi`).join('\n');
    await dashboard.getByLabel(/CRM export \(CSV/).setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Deal - ID;Deal - Deal created;Deal - utm_source;Deal - utm_campaign;Deal - Stage\n${rows}`),
    });
    await dashboard.getByRole('button', { name: 'Import', exact: true }).click();
    await dashboard.getByRole('button', { name: 'Cancel' }).click();
    await dashboard.getByText('Import cancelled. The data you had before is unchanged.').waitFor();
    await dashboard.getByText(/In use: pipedrive-deals-fi\.csv, imported .* \(26 leads\)/).waitFor();
    await dashboard.close();
  });

  it('refuses an XLSX workbook with a message asking for CSV', async () => {
    const dashboard = await browser.newPage();
    await dashboard.goto(`chrome-extension://${browser.extensionId}/options.html#tab=import`);
    await dashboard.getByLabel(/CRM export \(CSV/).setInputFiles({
      name: 'contacts.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
    });
    await dashboard.getByRole('alert').filter({ hasText: 'Save it as CSV' }).waitFor();
    await dashboard.close();
  });
});
