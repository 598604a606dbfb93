/**
 * The contract's enumerations as plain constants, free of zod, so content scripts can use them
 * without bundling the validator (validation happens in the background only).
 */
export const PLATFORMS = ['google_ads', 'meta_ads', 'linkedin_ads'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const LEVELS = ['campaign', 'ad_group', 'ad'] as const;
export type Level = (typeof LEVELS)[number];

export const STAGE_KEYS = ['lead', 'mql', 'sql', 'meeting', 'won'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/** Longest campaign name accepted from the API; longer ones are reported, not shown. */
export const MAX_NAME_LENGTH = 1000;

/**
 * What the extension accepts from the API at most. A longer answer is refused as a whole (an
 * `invalid_response` that says which limit, never retried); the rest are per field or row.
 */
export const RESPONSE_LIMITS = {
  /** Bytes of one response body, read as a stream and cut off there. */
  bytes: 32 * 2 ** 20,
  /** Rows in one /v1/funnel answer. */
  rows: 100_000,
  /** Broken rows reported one by one; beyond it only their number. */
  reportedProblems: 50,
  /** Largest amount of money in a row (revenue, pipeline, spend). */
  money: 1e12,
  /** Stages in /v1/meta. */
  stages: 20,
} as const;
