/**
 * Which column of an export holds which field, with presets for the usual exports. Each preset
 * lists, per field, the header names the CRM writes (first found wins), with the source of each
 * name in /work/shared/reference/crm-exports.md's keys (H… HubSpot, P… Pipedrive, S… Salesforce).
 * Users can map any column themselves; a mapping is remembered per header signature.
 */

export const MAPPING_FIELDS = [
  'leadId',
  'createdAt',
  // Platform: the first of these whose value the platform table knows.
  'utmSource',
  'landingUrl',
  'sourceDetail',
  'source',
  // Campaign: the campaign column, else landingUrl's utm_campaign, else campaignFallback.
  'campaign',
  'campaignFallback',
  'adGroup',
  'ad',
  // Stage reached: the furthest of stage, status, converted and the per-stage dates.
  'stage',
  'status',
  'converted',
  'mqlDate',
  'sqlDate',
  'meetingDate',
  'wonDate',
  'amount',
  'closedAt',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/** Field → the header of the column that holds it. */
export type ColumnMapping = Partial<Record<MappingField, string>>;

export const PRESET_IDS = ['hubspot', 'pipedrive', 'salesforce'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  id: PresetId;
  label: string;
  /** Field → header names in the order they are tried. */
  columns: Partial<Record<MappingField, readonly string[]>>;
}

/**
 * Custom UTM properties carry whatever name the admin gave them; these are the usual ones.
 * They come first: an explicit utm_* beats what the CRM inferred.
 */
const UTM = {
  source: ['utm_source', 'UTM Source'],
  campaign: ['utm_campaign', 'UTM Campaign'],
  content: ['utm_content', 'UTM Content'],
  term: ['utm_term', 'UTM Term'],
};

export const PRESETS: readonly Preset[] = [
  {
    // HubSpot contacts export: headers are property labels, renamed over time (old → new both kept) [H2, H3, H4, H8].
    id: 'hubspot',
    label: 'HubSpot (contacts)',
    columns: {
      leadId: ['Record ID', 'Contact ID'], // hs_object_id [H2, H3, H8]
      createdAt: ['Create Date'], // createdate [H2, H4]
      utmSource: UTM.source, // custom properties: no default contact property holds raw utm_* [H5]
      landingUrl: ['First Page Seen'], // hs_analytics_first_url, includes utm_* [H3, H5]
      // Drill-Down 1 of Paid social is the network, e.g. "Facebook" [H1]
      sourceDetail: ['Original Traffic Source Drill-Down 1', 'Original Source Drill-Down 1', 'Original source data 1'],
      source: ['Original Traffic Source', 'Original Source'], // hs_analytics_source, "Paid Social" [H2, H3, H8]
      campaign: UTM.campaign,
      // Drill-Down 2 of Paid social is utm_campaign (inferred from Organic social [H1, H11]; verify on a real file)
      campaignFallback: ['Original Traffic Source Drill-Down 2', 'Original Source Drill-Down 2', 'Original source data 2'],
      adGroup: UTM.content,
      ad: UTM.term,
      stage: ['Lifecycle Stage'], // lifecyclestage, label or internal value [H2, H3, H7]
      mqlDate: ['Became a Marketing Qualified Lead Date', 'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"'], // [H2, H8; H3]
      sqlDate: ['Became a Sales Qualified Lead Date', 'Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"'],
      meetingDate: ['Became an Opportunity Date', 'Date entered "Opportunity (Lifecycle Stage Pipeline)"'],
      wonDate: ['Became a Customer Date', 'Date entered "Customer (Lifecycle Stage Pipeline)"'],
      amount: ['Recent Deal Amount', 'Amount'], // recent_deal_amount [H2]; Amount on a deals export [H3]
      closedAt: ['Recent Deal Close Date', 'Close Date'], // recent_deal_close_date (HubSpot default contact property, not in our copy); Close Date on deals [H3]
    },
  },
  {
    // Pipedrive deals or leads export: `<Object> - <Field>`, custom fields as `Deal - <name>` [P6, P8].
    id: 'pipedrive',
    label: 'Pipedrive (deals or leads)',
    columns: {
      leadId: ['Deal - ID', 'Lead - ID'], // id [P6]
      createdAt: ['Deal - Deal created', 'Lead - Lead created'], // add_time [P6]
      utmSource: ['Deal - utm_source', 'Lead - utm_source', ...UTM.source], // custom field [P6, P8]
      source: ['Deal - Source channel', 'Lead - Source channel'], // channel [P1]
      campaign: ['Deal - utm_campaign', 'Lead - utm_campaign', ...UTM.campaign],
      // A free-text ID, e.g. the campaign's platform ID [P1]
      campaignFallback: ['Deal - Source channel ID', 'Lead - Source channel ID'],
      adGroup: ['Deal - utm_content', 'Lead - utm_content', ...UTM.content],
      ad: ['Deal - utm_term', 'Lead - utm_term', ...UTM.term],
      stage: ['Deal - Stage'], // stage_id as the stage name [P6]
      status: ['Deal - Status'], // Open / Won / Lost [P5, P6]
      amount: ['Deal - Value', 'Lead - Value'], // value [P6]
      closedAt: ['Deal - Won time', 'Deal - Deal closed on'], // won_time / close_time [P6]
    },
  },
  {
    // Salesforce lead or opportunity report export [S1, S2]; the footer lines are skipped [S9, S11–S13].
    id: 'salesforce',
    label: 'Salesforce (lead or opportunity report)',
    columns: {
      leadId: ['Lead ID', 'Opportunity ID'],
      createdAt: ['Created Date', 'Create Date'], // CreatedDate [S1; S9]
      utmSource: UTM.source,
      source: ['Lead Source'], // LeadSource [S1, S2]
      campaign: [...UTM.campaign, 'Primary Campaign Source', 'Campaign Name'], // CampaignId [S2, S10]
      adGroup: UTM.content,
      ad: UTM.term,
      stage: ['Stage', 'Lead Status'], // StageName [S2], Status [S6]
      converted: ['Converted'], // IsConverted [S1]
      amount: ['Amount'], // Amount [S2]
      closedAt: ['Close Date'], // CloseDate [S2, S3]
    },
  },
];

function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** The preset's mapping for these headers: per field, the first of its names the file has. */
export function resolvePreset(preset: Preset, headers: readonly string[]): ColumnMapping {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const mapping: ColumnMapping = {};
  for (const field of MAPPING_FIELDS) {
    const found = preset.columns[field]?.map((name) => byKey.get(headerKey(name))).find((h) => h !== undefined);
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

/** The preset that recognises most of the headers (at least three fields), or null. */
export function detectPreset(headers: readonly string[]): Preset | null {
  let best: Preset | null = null;
  let bestScore = 2;
  for (const preset of PRESETS) {
    const score = Object.keys(resolvePreset(preset, headers)).length;
    if (score > bestScore) [best, bestScore] = [preset, score];
  }
  return best;
}

/** Identifies a file layout, to remember the user's mapping for the next export of the same kind. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join('\u001f');
}

export type MappingProblem = 'createdAt' | 'platform' | 'campaign' | 'stage';

/** What a mapping still lacks to produce the required fields. */
export function missingFields(mapping: ColumnMapping): MappingProblem[] {
  const missing: MappingProblem[] = [];
  if (!mapping.createdAt) missing.push('createdAt');
  if (!mapping.utmSource && !mapping.landingUrl && !mapping.sourceDetail && !mapping.source) missing.push('platform');
  if (!mapping.campaign && !mapping.landingUrl && !mapping.campaignFallback) missing.push('campaign');
  if (!mapping.stage && !mapping.status && !mapping.converted && !mapping.mqlDate && !mapping.sqlDate && !mapping.meetingDate && !mapping.wonDate)
    missing.push('stage');
  return missing;
}
