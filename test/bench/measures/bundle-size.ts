/**
 * Content script size per platform, gzip (node:zlib, level 9), from the bench build: what every
 * page load of an ad manager pays for, checked against the budget. The on-demand UI script
 * (entrypoints/overlay-ui.ts) is shown beside it, not counted: it is injected only when a user
 * first reaches a badge or opens the summary's details (or the page shows the range picker or
 * "not recognised"), once per page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Figure } from './shared';

const BUDGET_KB = 25;

export async function measureBundleSize(root: string): Promise<Figure> {
  const dir = path.join(root, '.output-bench', 'chrome-mv3', 'content-scripts');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .sort();
  const perFile: Record<string, { rawKB: number; gzipKB: number }> = {};
  for (const file of files) {
    const body = readFileSync(path.join(dir, file));
    perFile[file] = { rawKB: round(body.length / 1024, 1), gzipKB: round(gzipSync(body, { level: 9 }).length / 1024, 1) };
  }
  const gz = Object.values(perFile).map((f) => f.gzipKB);
  const onDemandBody = readFileSync(path.join(root, '.output-bench', 'chrome-mv3', 'overlay-ui.js'));
  const onDemand = { file: 'overlay-ui.js', rawKB: round(onDemandBody.length / 1024, 1), gzipKB: round(gzipSync(onDemandBody, { level: 9 }).length / 1024, 1) };
  const largest = Math.max(...gz);
  return {
    key: 'contentScriptSize',
    measure: `Content script size per platform, gzip (largest; on-demand UI ${onDemand.gzipKB.toFixed(1)} KB, not counted)`,
    budget: '≤ 25 KB',
    unit: 'KB',
    median: largest,
    p95: null,
    spread: [Math.min(...gz), largest],
    runs: files.length,
    checked: 'max',
    pass: largest <= BUDGET_KB,
    details: { perFile, onDemandNotCounted: onDemand },
  };
}
