/** Content script size per platform, gzip (node:zlib, level 9), from the bench build. */
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
  const largest = Math.max(...gz);
  return {
    key: 'contentScriptSize',
    measure: 'Content script size per platform, gzip (largest)',
    budget: '≤ 25 KB',
    unit: 'KB',
    median: largest,
    p95: null,
    spread: [Math.min(...gz), largest],
    runs: files.length,
    checked: 'max',
    pass: largest <= BUDGET_KB,
    details: { perFile },
  };
}
