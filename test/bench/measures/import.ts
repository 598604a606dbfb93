/**
 * Issue 19's budgets for importing a CRM export:
 * - a 100,000-row CSV (about 30 MB) parsed, mapped and stored through the dashboard's own UI, in
 *   Chromium with the built extension, in ≤ 5 s, the progress bar updating ≥ 4 times a second;
 * - a 1,000,000-row CSV refused with a clear message (above IMPORT_LIMITS.rows) without
 *   crashing the tab;
 * - aggregating 100,000 leads for one page context in ≤ 50 ms once warm (Node).
 * Time is measured from the click on Import to the result line a user reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../../e2e/support/browser';
import { aggregateLeads } from '../../../utils/import/aggregate';
import type { LeadRecord } from '../../../utils/import/lead-record';
import { IMPORT_LIMITS } from '../../../utils/import/run-import';
import { log, summarize, type Figure } from './shared';

const STAGES = ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
const SOURCES = ['Facebook', 'Instagram', 'LinkedIn', 'Google'];

/** A HubSpot-shaped contacts export, every cell quoted, about 300 bytes a row. */
function hubspotCsv(rows: number, wide: boolean): string {
  const header =
    '"Record ID","First Name","Last Name","Email","Create Date","Lifecycle Stage","Original Traffic Source","Original Traffic Source Drill-Down 1","Original Traffic Source Drill-Down 2","First Page Seen","Recent Deal Amount"\n';
  const parts = [header];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const stage = STAGES[i % 5] as string;
    const campaign = `Campaign ${i % 400}`;
    const url = wide ? `https://www.example.com/landing/page-${i % 50}?utm_source=ads&utm_medium=paid_social&utm_content=set-${i % 17}` : '';
    parts.push(
      wide
        ? `"${10676775000 + i}","Firstname${i % 97}","Lastname${i % 89}","person.${i}@example-company-${i % 1000}.com","2025-03-${day} 10:${String(i % 60).padStart(2, '0')}","${stage}","Paid Social","${SOURCES[i % 4]}","${campaign}","${url}","${stage === 'customer' ? (1000 + (i % 50) * 100).toFixed(1) : ''}"\n`
        : `${i},,,,2025-03-${day},${stage},Paid Social,${SOURCES[i % 4]},${campaign},,\n`,
    );
  }
  return parts.join('');
}

async function importThroughDashboard(file: string, waitFor: RegExp, timeoutMs: number) {
  const browser = await launchWithExtension();
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#tab=import`);
    await page.getByLabel(/CRM export \(CSV/).setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    // Every change of the progress bar's value, timed in the page.
    await page.evaluate(() => {
      const w = window as unknown as { __progress: number[] };
      w.__progress = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.type === 'attributes' || r.type === 'childList') w.__progress.push(performance.now());
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'], childList: true });
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const finished = await page
      .getByText(waitFor)
      .waitFor({ timeout: timeoutMs })
      .then(
        () => true,
        () => false,
      );
    if (!finished) return { ms: NaN, updates: 0, maxGapMs: null, message: `not finished within ${timeoutMs} ms`, worker: null, errors: [...browser.errors] };
    const t1 = await page.evaluate(() => performance.now());
    const stamps = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    const inside = stamps.filter((s) => s >= t0 && s <= t1);
    const gaps = inside.slice(1).map((s, i) => s - (inside[i] as number));
    const message = await page.getByText(waitFor).textContent();
    // The worker's own split: time waiting for IndexedDB, and in all (the rest is read + parse + map).
    const worker = await page
      .locator('.import-outcome')
      .evaluate((el) => ({ totalMs: Number(el.getAttribute('data-total-ms')), storeMs: Number(el.getAttribute('data-store-ms')) }))
      .catch(() => null);
    return { ms: t1 - t0, updates: inside.length, maxGapMs: gaps.length ? Math.max(...gaps) : null, message, worker, errors: [...browser.errors] };
  } finally {
    await browser.close();
  }
}

export async function measureImport(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'funnel-lens-bench-import-'));
  try {
    const figures: Figure[] = [];

    const file100k = path.join(dir, 'hubspot-100k.csv');
    const csv100k = hubspotCsv(100_000, true);
    writeFileSync(file100k, csv100k);
    const runs = [];
    for (let i = 0; i < 3; i++) {
      log(`[bench] import 100k rows, run ${i + 1}/3`);
      runs.push(await importThroughDashboard(file100k, /100,000 leads imported/, 60_000));
    }
    const ms = summarize(runs.map((r) => r.ms));
    const rates = runs.map((r) => (r.updates / r.ms) * 1000);
    figures.push({
      key: 'import100k',
      measure: 'Import 100,000-row CSV (parse + map + store), dashboard UI',
      budget: '≤ 5000 ms, progress ≥ 4/s',
      unit: 'ms',
      median: ms.median,
      p95: ms.p95,
      spread: [ms.min, ms.max],
      runs: runs.length,
      checked: 'max',
      pass: ms.max <= 5000 && Math.min(...rates) >= 4,
      samples: runs.map((r) => Math.round(r.ms)),
      details: {
        bytes: Buffer.byteLength(csv100k),
        progressUpdatesPerSecond: rates.map((r) => Math.round(r * 10) / 10),
        maxGapBetweenUpdatesMs: runs.map((r) => (r.maxGapMs === null ? null : Math.round(r.maxGapMs))),
        inWorker: runs.map((r) => r.worker),
        errors: runs.flatMap((r) => r.errors),
      },
    });

    const file1m = path.join(dir, 'narrow-1m.csv');
    writeFileSync(file1m, hubspotCsv(1_000_000, false));
    log('[bench] import 1,000,000 rows (above the limit)');
    const refused = await importThroughDashboard(file1m, /more than [\d,]+ rows/, 120_000);
    figures.push({
      key: 'import1m',
      measure: `Import 1,000,000-row CSV: refused above ${IMPORT_LIMITS.rows.toLocaleString('en')} rows, tab alive`,
      budget: 'clear message, no crash',
      unit: 'ms',
      median: Math.round(refused.ms),
      p95: null,
      spread: null,
      runs: 1,
      checked: 'all',
      pass: refused.errors.length === 0 && /rows, the most Funnel Lens imports/.test(refused.message ?? ''),
      details: { message: refused.message, errors: refused.errors },
    });

    // Aggregation, in Node: 100,000 leads of one platform, one month, campaign level.
    const leads: LeadRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      key: `k${i}`,
      importId: 'bench',
      line: i + 2,
      createdOn: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      platform: 'meta_ads',
      campaign: `Campaign ${i % 400}`,
      adGroup: `Set ${i % 1200}`,
      ad: null,
      reached: i % 5,
      lost: i % 7 === 0 && i % 5 !== 4,
      amount: i % 5 === 4 ? 1000 + (i % 50) * 100 : 0,
      closedOn: i % 5 === 4 ? '2025-04-15' : null,
      leadId: null,
    }));
    const query = { platform: 'meta_ads', level: 'campaign', from: '2025-03-01', to: '2025-03-31' } as const;
    for (let i = 0; i < 5; i++) aggregateLeads(leads, query); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      aggregateLeads(leads, query);
      samples.push(performance.now() - start);
    }
    const agg = summarize(samples);
    figures.push({
      key: 'importAggregate100k',
      measure: 'Aggregate 100,000 imported leads for one page context (warm)',
      budget: '≤ 50 ms',
      unit: 'ms',
      median: agg.median,
      p95: agg.p95,
      spread: [agg.min, agg.max],
      runs: samples.length,
      checked: 'p95',
      pass: agg.p95 <= 50,
      details: { where: 'Node (tsx), utils/import/aggregate.ts aggregateLeads; 400 campaigns' },
    });
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
