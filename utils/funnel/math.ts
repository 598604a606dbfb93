/**
 * The funnel math in one import. Each part lives in its own small module:
 * wilson (intervals), rates (stage rates), maturity, money, compare (verdicts), totals.
 */
export * from './types';
export * from './wilson';
export * from './rates';
export * from './maturity';
export * from './money';
export * from './compare';
export * from './totals';
