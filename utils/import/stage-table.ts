/**
 * The user's stage values → the funnel's stages. A value means "reached at least this stage"
 * (lead … won), "lost", or "open" (a status that says nothing about the stage). Cumulative:
 * a won lead has reached every earlier stage, so only the furthest stage is kept (lead-record.ts).
 *
 * The defaults cover, case-insensitively (labels and internal values both):
 * - HubSpot lifecycle stages, labels and internal values (crm-exports.md §1, H2/H3/H7), and its
 *   default deal stages (H3);
 * - Pipedrive deal status (P5: open/won/lost) and its default pipeline's stage names (from the
 *   product's default pipeline; not in our reference, so editable like every other entry);
 * - Salesforce opportunity stages (S5) and lead statuses (S6);
 * - Finnish names for the same stages.
 */
import { normaliseKey } from './platform-table';
import type { ReachedStage } from './lead-record';

export type StageMeaning = ReachedStage | 'lost' | 'open';
export const STAGE_MEANINGS: readonly StageMeaning[] = ['lead', 'mql', 'sql', 'meeting', 'won', 'lost', 'open'];
export type StageTable = Record<string, StageMeaning>;

const GENERIC: StageTable = {
  lead: 'lead',
  mql: 'mql',
  sql: 'sql',
  meeting: 'meeting',
  won: 'won',
  lost: 'lost',
  open: 'open',
  'marketing qualified': 'mql',
  'sales qualified': 'sql',
  customer: 'won',
  // An opportunity (HubSpot's lifecycle stage, Salesforce's object) has a deal: sales has met the lead.
  opportunity: 'meeting',
};

/** HubSpot Lifecycle Stage: label and internal value [H2, H3, H7]; default deal stages [H3]. */
const HUBSPOT: StageTable = {
  subscriber: 'lead',
  other: 'lead',
  'marketing qualified lead': 'mql',
  marketingqualifiedlead: 'mql',
  'sales qualified lead': 'sql',
  salesqualifiedlead: 'sql',
  evangelist: 'won',
  'appointment scheduled': 'meeting',
  appointmentscheduled: 'meeting',
  'qualified to buy': 'sql',
  qualifiedtobuy: 'sql',
  'presentation scheduled': 'meeting',
  presentationscheduled: 'meeting',
  'decision maker bought-in': 'meeting',
  decisionmakerboughtin: 'meeting',
  'contract sent': 'meeting',
  contractsent: 'meeting',
  'closed won': 'won',
  closedwon: 'won',
  'closed lost': 'lost',
  closedlost: 'lost',
};

/** Pipedrive's default pipeline stages (both the older and the newer default). Status open/won/lost [P5] is GENERIC. */
const PIPEDRIVE: StageTable = {
  'lead in': 'lead',
  qualified: 'mql',
  'contact made': 'sql',
  'needs defined': 'meeting',
  'demo scheduled': 'meeting',
  'proposal made': 'meeting',
  'negotiations started': 'meeting',
};

/** Salesforce opportunity stages [S5] and lead statuses [S6]. */
const SALESFORCE: StageTable = {
  prospecting: 'sql',
  qualification: 'sql',
  'needs analysis': 'meeting',
  'value proposition': 'meeting',
  'id. decision makers': 'meeting',
  'perception analysis': 'meeting',
  'proposal/price quote': 'meeting',
  'negotiation/review': 'meeting',
  'open - not contacted': 'lead',
  'working - contacted': 'mql',
  'closed - converted': 'sql',
  'closed - not converted': 'lost',
};

/** Finnish names of the same stages. */
const FINNISH: StageTable = {
  liidi: 'lead',
  uusi: 'lead',
  tilaaja: 'lead',
  'markkinointivalmis liidi': 'mql',
  markkinointiliidi: 'mql',
  'myyntivalmis liidi': 'sql',
  myyntiliidi: 'sql',
  'myyntikelpoinen liidi': 'sql',
  tapaaminen: 'meeting',
  'tapaaminen sovittu': 'meeting',
  tarjous: 'meeting',
  'tarjous lähetetty': 'meeting',
  neuvottelu: 'meeting',
  mahdollisuus: 'meeting',
  voitettu: 'won',
  'kauppa tehty': 'won',
  asiakas: 'won',
  hävitty: 'lost',
  menetetty: 'lost',
  'kauppa menetetty': 'lost',
  avoin: 'open',
};

export const DEFAULT_STAGE_TABLE: StageTable = { ...GENERIC, ...HUBSPOT, ...PIPEDRIVE, ...SALESFORCE, ...FINNISH };

/** What a stage or status value means; null for a value the table does not know. Blank → null too (the caller decides). */
export function stageOf(value: string, table: StageTable): StageMeaning | null {
  const key = normaliseKey(value);
  return key === '' ? null : (table[key] ?? null);
}
