/**
 * The platform's own lead count next to the CRM's: how many of the leads the ad manager reports
 * reached the CRM, and when the gap is worth a look.
 *
 * The thresholds: attribution vendors publish 80% as the share of platform-reported leads a
 * healthy CRM receives. Fewer means leads lost between the form and the CRM (a broken
 * integration, spam filtered, UTMs dropped). More than 120% means the CRM counts leads the
 * platform did not: duplicates, or leads from other sources tagged with this campaign.
 */

/** The CRM holds fewer than this percentage of the platform's leads: flagged. */
export const CRM_SHARE_LOW_PERCENT = 80;
/** The CRM holds more than this percentage of the platform's leads: flagged. */
export const CRM_SHARE_HIGH_PERCENT = 120;

export type GapFlag = 'crm-low' | 'crm-high';

export interface PlatformGap {
  platformLeads: number;
  crmLeads: number;
  /** CRM leads / platform leads; null when the platform reports none. */
  share: number | null;
  /** Null when the gap is within 80–120% (or there is nothing on either side). */
  flag: GapFlag | null;
}

export function platformGap(platformLeads: number, crmLeads: number): PlatformGap {
  if (platformLeads <= 0) {
    // No share of nothing; CRM leads the platform never reported are still more than it reported.
    return { platformLeads, crmLeads, share: null, flag: crmLeads > 0 ? 'crm-high' : null };
  }
  const share = crmLeads / platformLeads;
  // Compared as products, not as the rounded share: exactly 80% or 120% is not flagged.
  const percent = crmLeads * 100;
  const flag = percent < platformLeads * CRM_SHARE_LOW_PERCENT ? 'crm-low' : percent > platformLeads * CRM_SHARE_HIGH_PERCENT ? 'crm-high' : null;
  return { platformLeads, crmLeads, share, flag };
}

/** Spend per lead as the platform counts them; null without spend or without leads. */
export function costPerPlatformLead(spend: number | null, platformLeads: number): number | null {
  return spend === null || platformLeads <= 0 ? null : spend / platformLeads;
}

/**
 * Page totals over the campaigns that show both figures (a platform count read from the row and
 * a CRM row matched to it): the same campaigns on both sides, or the share means nothing.
 */
export function totalGap(pairs: Iterable<{ platformLeads: number; crmLeads: number }>): PlatformGap | null {
  let platform = 0;
  let crm = 0;
  let any = false;
  for (const pair of pairs) {
    platform += pair.platformLeads;
    crm += pair.crmLeads;
    any = true;
  }
  return any ? platformGap(platform, crm) : null;
}
