/**
 * `npm run bench`: builds the extension into .output-bench, runs every measure of issue #10 in
 * headless Chromium on the replicas with the local stats server, prints a table and writes
 * bench-results/bench.json. Timings are not tests: this is not part of `npm test`.
 *
 * Options (environment): BENCH_ONLY=key1,key2 runs only those measures (keys: size, matching,
 * background, latency, recycled, resort, scroll, fallback, cold, idle, memory, import); BENCH_SKIP_BUILD=1 reuses .output-bench;
 * BENCH_RESORTS sets the re-sorts of `resort` (default 200).
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// Type-only: erased at run time, so the harness is still imported after FL_OUT_DIR is set.
import type { Figure } from './measures/shared';

// Before the harness is imported: EXTENSION_DIR is read from it at import time.
process.env.FL_OUT_DIR = '.output-bench';
const ROOT = path.resolve(import.meta.dirname, '../..');

type FigureT = Figure;

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  const wanted = (key: string) => only === null || only.has(key);
  const loadAtStart = loadavg();

  if (process.env.BENCH_SKIP_BUILD !== '1') {
    process.stderr.write('[bench] building the extension into .output-bench …\n');
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, FL_OUT_DIR: '.output-bench' } });
  }
  const { ensureChromium, CHROMIUM_PATH } = await import('../support/ensure-chromium');
  ensureChromium();
  const shared = await import('./measures/shared');
  const { openSession } = await import('./measures/session');

  const figures: FigureT[] = [];
  const timed = async (run: () => Promise<FigureT | FigureT[]>): Promise<void> => {
    const before = shared.load();
    const t0 = Date.now();
    const result = await run();
    const after = shared.load();
    for (const figure of Array.isArray(result) ? result : [result]) {
      figures.push({ ...figure, loadAvg: { before, after }, seconds: Math.round((Date.now() - t0) / 100) / 10 });
    }
  };

  if (wanted('size')) await timed(async () => (await import('./measures/bundle-size')).measureBundleSize(ROOT));
  if (wanted('matching')) await timed(async () => (await import('./measures/matching')).measureMatching());

  const browserKeys = ['background', 'latency', 'recycled', 'resort', 'scroll', 'fallback', 'cold', 'idle', 'memory'];
  if (browserKeys.some(wanted)) {
    const session = await openSession();
    try {
      if (wanted('background')) await timed(async () => (await import('./measures/background')).measureBackground(session));
      if (wanted('latency')) await timed(async () => (await import('./measures/badge-latency')).measureBadgeLatency(session));
      if (wanted('recycled')) await timed(async () => (await import('./measures/recycled-row')).measureRecycledRow(session));
      if (wanted('resort')) await timed(async () => (await import('./measures/resort')).measureResort(session));
      if (wanted('scroll')) await timed(async () => (await import('./measures/scroll-cost')).measureScrollCost(session));
      if (wanted('fallback')) await timed(async () => (await import('./measures/scroll-fallback')).measureScrollFallback(session));
      if (wanted('cold')) await timed(async () => (await import('./measures/cold-start')).measureColdStart(session));
      if (wanted('idle')) await timed(async () => (await import('./measures/idle')).measureIdle(session));
      if (session.browser.errors.length) process.stderr.write(`[bench] browser errors: ${session.browser.errors.slice(0, 5).join(' | ')}\n`);
    } finally {
      await session.close();
    }
    if (wanted('memory')) await timed(async () => (await import('./measures/memory')).measureMemory());
  }
  // Its own browsers (no API connected), after the others: an import changes the data source.
  if (wanted('import')) await timed(async () => (await import('./measures/import')).measureImport());

  const ORDER = [
    'badgeLatency',
    'recycledRow',
    'resortWrongFrames',
    'resortWrongBetweenFrames',
    'scrollCostRatio',
    'scrollApiRequests',
    'scrollCostGoogleAdapter',
    'scrollCostFallback',
    'coldStart',
    'idleCost',
    'contentScriptSize',
    'background50k',
    'background5kCache',
    'memoryHeapRatio',
    'memoryDetachedBadges',
    'matching',
    'import100k',
    'import1m',
    'importAggregate100k',
  ];
  figures.sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  printTable(figures);

  let chromiumVersion = '';
  try {
    chromiumVersion = execSync(`${CHROMIUM_PATH} --version 2>/dev/null`, { encoding: 'utf8' }).trim();
  } catch {
    chromiumVersion = 'unknown';
  }
  const outDir = path.join(ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, chromium: chromiumVersion },
    loadAverage: { start: loadAtStart.map((x) => shared.round(x)), end: shared.load() },
    totalSeconds: Math.round((Date.now() - started) / 1000),
    figures,
  };
  writeFileSync(path.join(outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nLoad average (1/5/15 min): start ${report.loadAverage.start.join(' ')}, end ${report.loadAverage.end.join(' ')}; ${report.machine.cpus} CPUs; ${report.totalSeconds} s in all.`,
  );
  console.log(`Figures written to ${path.relative(process.cwd(), path.join(outDir, 'bench.json'))}`);
}

function fmt(value: number | null, unit: FigureT['unit']): string {
  if (value === null || Number.isNaN(value)) return '–';
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'ratio') return value.toFixed(3);
  return String(value);
}

function printTable(figures: FigureT[]): void {
  const rows = figures.map((f) => [
    f.measure,
    f.budget,
    fmt(f.median, f.unit),
    f.p95 !== null ? `p95 ${fmt(f.p95, f.unit)}` : f.spread ? `${fmt(f.spread[0], f.unit)} … ${fmt(f.spread[1], f.unit)}` : '–',
    String(f.runs),
    f.pass === null ? '–' : f.pass ? 'PASS' : 'MISS',
  ]);
  const header = ['measure', 'budget', 'median', 'p95 / spread', 'runs', 'pass'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
