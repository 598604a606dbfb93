/**
 * The badges on the page and what they show. A badge sits in a row node, but what it shows is
 * kept by campaign: its view is looked up by the campaign key on every show, so a recycled row
 * node never keeps another campaign's numbers. Views are made once per campaign and data
 * version; the figures inside them once per answer row (made ahead in idle time, see warm).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FunnelRow } from '../api/schema';
import { t } from '../i18n/t';
import type { FunnelAnswer } from '../messaging';
import type { MatchIndex } from '../matching/lookup';
import type { PageRow } from './adapter';
import { createBadge, type Badge, type BadgeOptions } from './badge';
import { badgeFigures, buildBadgeView, type BadgeFigures, type BadgeView, type FiguresInput } from './badge-view';
import type { PooledCounts } from '../funnel/totals';
import type { UiLocale } from '../i18n/locale';
import type { SeenRow } from './seen-row';

/** How many rows of an answer get their badge figures made ahead, in idle time (5,000 campaigns: a very large account). */
const WARM_ROWS = 5000;

export interface BadgeRegistry {
  /** Bumped whenever the data behind the badges changes, so every badge re-renders once. */
  readonly dataVersion: number;
  /** Puts (or keeps) the row's badge right after its anchor, showing campaign `key`. */
  show(row: PageRow, key: string): Badge;
  /** The live badge in this row node, if any. */
  badgeIn(row: Element): Badge | undefined;
  /** The row node a badge's host sits in: the card reads that row's spend when it opens. */
  rowOf(badgeHost: Element): Element | undefined;
  /** These rows changed and are not re-read yet: their badges go neutral meanwhile. */
  markUnsure(rows: Iterable<Element>): void;
  /** Removes every badge not in `kept` (rows that no longer show a campaign). */
  retireAllBut(kept: ReadonlySet<Badge>): void;
  /** Removes the badge of a row node that shows no campaign now; returns the campaign it showed. */
  retireIn(row: Element): string | null | undefined;
  clear(): void;
  /** The data behind the views changed: every badge re-renders at its next show. */
  invalidateViews(): void;
  /** Makes the answer's figures in idle time, giving way to the page whenever it has work. */
  warm(answer: FunnelAnswer): void;
}

export interface BadgeRegistryOptions {
  locale: UiLocale;
  /** Where views read the data: the funnel source (read, never copied, so it is always current). */
  data: { readonly answer: FunnelAnswer | null; readonly index: MatchIndex | null; readonly baseline: PooledCounts | null };
  seen: ReadonlyMap<string, SeenRow>;
  onOpen: BadgeOptions['onOpen'];
  onClose: BadgeOptions['onClose'];
  guard(fn: () => void): void;
}

export function createBadgeRegistry(ctx: ContentScriptContext, signal: AbortSignal, options: BadgeRegistryOptions): BadgeRegistry {
  const { data, seen, locale } = options;
  const badgesByRow = new WeakMap<Element, Badge>();
  const rowByBadgeHost = new WeakMap<Element, Element>();
  const liveBadges = new Set<Badge>();
  const views = new Map<string, BadgeView>();
  let dataVersion = 0;
  /**
   * The figures of each row of the answer (text, tone, accessible name but the page's name): the
   * same for every badge showing that campaign. Keyed by the answer's own row objects: a new
   * answer has new rows, so nothing here goes stale.
   */
  const figures = new WeakMap<FunnelRow, BadgeFigures>();
  const figuresOf = (row: FunnelRow, input: FiguresInput): BadgeFigures => {
    let made = figures.get(row);
    if (!made) figures.set(row, (made = badgeFigures(row, input)));
    return made;
  };
  /** What a badge shows while its row changed and has not been re-read yet. */
  const loadingView: BadgeView = buildBadgeView({ answer: null, match: null, baseline: null, locale, name: '', t });

  function viewFor(key: string): BadgeView {
    let view = views.get(key);
    if (!view) {
      const row = seen.get(key);
      const { answer, index } = data;
      view = buildBadgeView({
        figures: figuresOf,
        answer,
        match: answer?.ok && index && row ? index.lookup(row.id, row.name) : null,
        baseline: data.baseline,
        locale,
        name: row?.name ?? '',
        t,
      });
      views.set(key, view);
    }
    return view;
  }

  function retire(badge: Badge): void {
    badge.destroy();
    liveBadges.delete(badge);
    const row = rowByBadgeHost.get(badge.host);
    if (row && badgesByRow.get(row) === badge) badgesByRow.delete(row);
  }

  return {
    get dataVersion() {
      return dataVersion;
    },
    show(row, key) {
      let badge = badgesByRow.get(row.row);
      // Right after the anchor (inside the row): the usual case, checked first because it is cheap.
      if (!badge || badge.host.previousElementSibling !== row.anchor) {
        if (badge && liveBadges.has(badge) && (!badge.host.isConnected || row.row.contains(badge.host))) {
          // The host re-rendered the cell around us (and took our badge out with its old content,
          // as Google's table does on every recycle): the same badge goes back right after the
          // name, rather than a new one made for every recycled row.
          row.anchor.after(badge.host);
        } else {
          if (badge) retire(badge);
          badge = createBadge({ signal, onOpen: options.onOpen, onClose: options.onClose });
          row.anchor.after(badge.host);
          badgesByRow.set(row.row, badge);
          rowByBadgeHost.set(badge.host, row.row);
          liveBadges.add(badge);
        }
      }
      badge.show(key, dataVersion, () => viewFor(key));
      return badge;
    },
    badgeIn: (row) => badgesByRow.get(row),
    rowOf: (badgeHost) => rowByBadgeHost.get(badgeHost),
    markUnsure(rows) {
      for (const node of rows) badgesByRow.get(node)?.showUnsure(loadingView);
    },
    retireAllBut(kept) {
      for (const badge of liveBadges) if (!kept.has(badge)) retire(badge);
    },
    retireIn(row) {
      const badge = badgesByRow.get(row);
      if (!badge || !liveBadges.has(badge)) return undefined;
      const key = badge.key;
      retire(badge);
      return key;
    },
    clear() {
      for (const badge of liveBadges) badge.destroy();
      liveBadges.clear();
    },
    invalidateViews() {
      views.clear();
      dataVersion++;
    },
    /** Up to WARM_ROWS rows: beyond the largest accounts we plan for, a row's figures are made when its campaign first shows up. */
    warm(warming) {
      let next = 0;
      const step = (deadline: IdleDeadline) => {
        options.guard(() => {
          const { answer, baseline } = data;
          if (answer !== warming || !answer?.ok || !baseline) return;
          const input: FiguresInput = { answer, baseline, locale, t };
          const rows = answer.rows;
          const end = Math.min(rows.length, WARM_ROWS);
          while (next < end && deadline.timeRemaining() > 1) figuresOf(rows[next++] as FunnelRow, input);
          if (next < end) ctx.requestIdleCallback(step);
        });
      };
      ctx.requestIdleCallback(step);
    },
  };
}
