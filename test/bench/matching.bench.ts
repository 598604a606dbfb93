/**
 * Micro-benchmark: matching 10,000 page rows against 10,000 API rows (issue #4 asks for well
 * under 50 ms). Called by the project's bench script; also runnable on its own:
 *   npx tsx test/bench/matching.bench.ts
 * Not a vitest file (no `.test.` in the name), so the unit run does not pick it up.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { FunnelRow } from '../../utils/api/schema';
import { matchRows } from '../../utils/matching/lookup';
import type { PageRow } from '../../utils/matching/match';

export interface BenchFigure {
  name: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}

const ROWS = 10_000;
const RUNS = 15;
const WARM_UP_RUNS = 3;

/**
 * Deterministic data shaped like a real account: 60% of page rows carry an ID (Google Ads),
 * the rest only a name (Meta), with accents and separators that normalisation has to fold;
 * a few names clash, and some rows exist on only one side.
 */
export function buildBenchRows(count: number = ROWS): { pageRows: PageRow[]; apiRows: FunnelRow[] } {
  const pageRows: PageRow[] = [];
  const apiRows: FunnelRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = String(20_000_000_000 + i * 7);
    const base = `Kampanja ${i % 97} – Hakusana_${i}`;
    const withId = i % 5 < 3;
    const onPage = i % 50 !== 0;
    const inApi = i % 40 !== 1;
    const clash = i % 500 === 3; // two API rows with the same name
    if (onPage) {
      pageRows.push({ key: `row-${i}`, ...(withId ? { id } : {}), name: i % 2 === 0 ? base : base.toUpperCase() });
    }
    if (inApi) {
      const leads = 10 + (i % 90);
      const mql = Math.floor(leads * 0.6);
      const sql = Math.floor(mql * 0.6);
      const meetings = Math.floor(sql * 0.7);
      const won = Math.floor(meetings * 0.5);
      const row: FunnelRow = {
        ...(withId ? { id } : {}),
        name: `kampanja ${i % 97} | hakusana ${i}`,
        leads,
        mql,
        sql,
        meetings,
        won,
        lost: Math.floor((leads - won) / 3),
        revenue: won * 1_500,
      };
      apiRows.push(row);
      if (clash) apiRows.push({ ...row, id: undefined, name: `KAMPANJA ${i % 97} / Hakusana ${i}` });
    }
  }
  return { pageRows, apiRows };
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

export async function benchMatching(): Promise<BenchFigure> {
  const { pageRows, apiRows } = buildBenchRows(ROWS);
  for (let i = 0; i < WARM_UP_RUNS; i += 1) matchRows(pageRows, apiRows);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const result = matchRows(pageRows, apiRows);
    times.push(performance.now() - started);
    if (result.matches.size === 0) throw new Error('benchmark data produced no matches');
  }
  times.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  return {
    name: `matching ${ROWS.toLocaleString('en')} page rows × ${ROWS.toLocaleString('en')} API rows`,
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    runs: RUNS,
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  // No top-level await: the file may also be loaded as CommonJS by a runner.
  void benchMatching().then((figure) => {
    console.log(`${figure.name}: median ${figure.medianMs} ms, p95 ${figure.p95Ms} ms over ${figure.runs} runs`);
  });
}
