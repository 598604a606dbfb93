/**
 * A campaign as the page showed it, and the key everything on the overlay is kept by. Rows are
 * recycled by the host, so badges, views, the card and the summary key by campaign, never by
 * the row element.
 */
export interface SeenRow {
  key: string;
  id: string | null;
  name: string;
}

/** `id:<platform ID>` when the row shows one, else `name:<trimmed name>`. */
export function campaignKey(row: { id: string | null; name: string }): string {
  return row.id ? `id:${row.id}` : `name:${row.name.trim()}`;
}

/** Every campaign seen on this page context, by campaign: for the summary, the badge views and the card. */
export interface SeenCampaigns {
  readonly rows: ReadonlyMap<string, SeenRow>;
  /** Bumped whenever a campaign is seen for the first time (the summary's coverage changes). */
  readonly version: number;
  /** Notes the row's campaign; true when it was not seen before on this page context. */
  note(key: string, row: { id: string | null; name: string }): boolean;
  clear(): void;
}

export function createSeenCampaigns(): SeenCampaigns {
  const rows = new Map<string, SeenRow>();
  let version = 0;
  return {
    rows,
    get version() {
      return version;
    },
    note(key, row) {
      if (rows.has(key)) return false;
      rows.set(key, { key, id: row.id, name: row.name });
      version++;
      return true;
    },
    clear() {
      rows.clear();
      version++;
    },
  };
}
