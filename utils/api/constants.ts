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
