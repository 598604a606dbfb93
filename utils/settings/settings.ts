/**
 * User settings, in storage.local through WXT storage items, validated with zod and versioned.
 * The API URL and key are not settings: they live where content scripts cannot reach them
 * (see background/connection.ts).
 */
import { storage } from 'wxt/utils/storage';
import { PLATFORMS } from '../api/schema';
import type { Platform } from '../api/constants';
import { z } from '../api/zod';
import { NO_TARGETS, type Targets } from '../funnel/targets';

export const COMPARE_RULES = ['interval', 'non-overlap'] as const;
export type CompareRule = (typeof COMPARE_RULES)[number];

/**
 * Where the numbers come from: the built-in demo, an imported CRM export (utils/import), or the
 * Funnel Stats API. `api` without a saved connection, and `import` without an import, show the demo.
 */
export const DATA_SOURCES = ['demo', 'import', 'api'] as const;
export type DataSourceChoice = (typeof DATA_SOURCES)[number];

/** Bounds of the numeric settings, [min, max]: the schema enforces them and the settings form shows them. */
export const SETTING_LIMITS = { minMql: [1, 1000], cacheTtlMinutes: [1, 24 * 60] } as const;

/** Largest figures a target may name: beyond them a typo (an extra zero) is more likely than intent. */
export const TARGET_LIMITS = { costPerWon: 100_000_000, roas: 1000, campaigns: 200, campaignText: 200 } as const;

const TargetSetSchema = z
  .object({
    mqlToWon: z.number().gt(0).max(1).optional(),
    costPerWon: z.number().gt(0).max(TARGET_LIMITS.costPerWon).optional(),
    roas: z.number().gt(0).max(TARGET_LIMITS.roas).optional(),
  })
  .strict();

const CampaignTargetSchema = TargetSetSchema.extend({
  platform: z.enum(PLATFORMS),
  campaign: z.string().trim().min(1).max(TARGET_LIMITS.campaignText),
}).strict();

/** Per channel, and optionally per campaign (see utils/funnel/targets.ts for how they are judged). */
export const TargetsSchema = z
  .object({
    channels: z.partialRecord(z.enum(PLATFORMS), TargetSetSchema),
    campaigns: z.array(CampaignTargetSchema).max(TARGET_LIMITS.campaigns),
  })
  .strict() satisfies z.ZodType<Targets>;

export const SettingsSchema = z.object({
  cacheTtlMinutes: z.number().int().min(SETTING_LIMITS.cacheTtlMinutes[0]).max(SETTING_LIMITS.cacheTtlMinutes[1]),
  enabledPlatforms: z.record(z.enum(PLATFORMS), z.boolean()),
  /** Fewer MQLs than this and a rate is "not enough data": counts are shown, not a percentage. */
  minMql: z.number().int().min(SETTING_LIMITS.minMql[0]).max(SETTING_LIMITS.minMql[1]),
  compareRule: z.enum(COMPARE_RULES),
  dataSource: z.enum(DATA_SOURCES),
  targets: TargetsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  cacheTtlMinutes: 15,
  enabledPlatforms: { google_ads: true, meta_ads: true, linkedin_ads: true },
  minMql: 10,
  compareRule: 'interval',
  dataSource: 'api',
  targets: NO_TARGETS,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // Version 2 added targets; settings saved before have none.
    2: (v1: Omit<Settings, 'targets'>): Settings => ({ ...v1, targets: NO_TARGETS }),
  },
});

/** Reads the settings, repairing anything invalid field by field rather than failing. */
export async function readSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue());
}

/**
 * Whatever is stored, as valid settings: each field that parses is kept, each that does not
 * gets its default (each platform's switch on its own), so one bad value never resets the rest.
 */
export function repairSettings(raw: unknown): Settings {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = SettingsSchema.shape[key].safeParse(stored[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  const platforms = (typeof stored.enabledPlatforms === 'object' && stored.enabledPlatforms !== null ? stored.enabledPlatforms : {}) as Record<string, unknown>;
  return {
    cacheTtlMinutes: field('cacheTtlMinutes'),
    minMql: field('minMql'),
    compareRule: field('compareRule'),
    dataSource: field('dataSource'),
    targets: field('targets'),
    enabledPlatforms: Object.fromEntries(
      PLATFORMS.map((p) => [p, typeof platforms[p] === 'boolean' ? platforms[p] : DEFAULT_SETTINGS.enabledPlatforms[p]]),
    ) as Settings['enabledPlatforms'],
  };
}

/**
 * What a page may change: the settings' own fields and nothing else. Strict, so a patch that
 * carries any other key (an API URL, say) is refused as a whole rather than half applied.
 */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function isPlatformEnabled(settings: Settings, platform: Platform): boolean {
  return settings.enabledPlatforms[platform] !== false;
}
