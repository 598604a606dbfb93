/** Matching 10,000 page rows × 10,000 API rows: the existing micro-benchmark, in Node. */
import { benchMatching } from '../matching.bench';
import type { Figure } from './shared';

export async function measureMatching(): Promise<Figure> {
  const figure = await benchMatching();
  return {
    key: 'matching',
    measure: 'Matching 10,000 page rows × 10,000 API rows',
    budget: '≤ 50 ms',
    unit: 'ms',
    median: figure.medianMs,
    p95: figure.p95Ms,
    spread: null,
    runs: figure.runs,
    checked: 'p95',
    pass: figure.p95Ms <= 50,
    details: { name: figure.name, where: 'Node (tsx), utils/matching/lookup.ts matchRows' },
  };
}
