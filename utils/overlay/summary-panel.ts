/**
 * What the page summary shows (summary.ts decides when), in plain DOM: the summary is on every
 * page, so it must not need Preact (issue 16's size budget). The coverage line, loading, API
 * errors with what to do, stale data, assumptions, "table layout not recognised" and the range
 * note are built here; the parts a user opens (the details) or that only some pages show (the help
 * under "not recognised", the range picker) go into slots that the on-demand UI fills
 * (summary-extras.tsx).
 */
import { errorText } from '../i18n/error-text';
import { formatCount, formatPercent, type UiLocale } from '../i18n/locale';
import { t } from '../i18n/t';
import { totalGap } from '../funnel/platform-gap';
import type { Coverage } from '../matching/match';
import type { PageContext } from './adapter';
import { formatAge } from './age';
import { formatLeadCount } from './platform-leads';
import type { SummaryExtra } from './summary-extras';
import type { SummaryState } from './summary-state';
import type { TabRange } from './tab-range';

/**
 * The page's own word for its rows ("ad sets", "campaign groups"), as the user reads it there;
 * when the page shows none, the level's name in the user's language.
 */
export function levelName(context: Pick<PageContext, 'platform' | 'level' | 'levelLabel'>): string {
  return context.levelLabel ? context.levelLabel.toLocaleLowerCase() : t(`pageLevel.${context.platform}.${context.level}`);
}

export interface SummaryPanelInput {
  state: SummaryState;
  coverage: Coverage | null;
  total: number;
  locale: UiLocale;
  tabRange: TabRange | null;
  expanded: boolean;
  onToggle: () => void;
  onRetry: () => void;
  /** The slot the on-demand UI renders `extra` into (summary.ts keeps one per kind across renders). */
  slot: (extra: SummaryExtra) => HTMLElement;
  health: Extract<SummaryExtra, { kind: 'details' }>['health'];
  diagnostics: Extract<SummaryExtra, { kind: 'details' }>['diagnostics'];
}

type Child = Node | string | null | false | undefined;

/** An element with attributes (`on…` functions are listeners) and children. */
function el(tag: string, attributes: Record<string, string | boolean | (() => void) | undefined> | null, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== false) element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const retryButton = (onRetry: () => void) => el('button', { type: 'button', class: 'retry', onclick: onRetry }, t('summary.retry'));

/** The summary's panel for `input`, or null when the page has no context. */
export function buildSummaryPanel(input: SummaryPanelInput): HTMLElement | null {
  const { state, coverage, total, onRetry } = input;
  const { context, answer } = state;
  if (!context) return null;
  const level = levelName(context);
  const body: Child[] = [];
  if (state.layoutUnknown) {
    body.push(el('div', { class: 'msg warn', role: 'alert' }, t('summary.layoutUnknown')));
    body.push(input.slot({ kind: 'layoutHelp', health: input.health, diagnostics: input.diagnostics }));
  } else if (answer === null) {
    body.push(
      el(
        'div',
        { class: 'msg', role: 'status' },
        t('summary.loading'),
        el('div', { class: 'progress', role: 'progressbar', 'aria-busy': 'true', 'aria-label': t('summary.loading') }, el('span', null)),
      ),
    );
  } else if (!answer.ok) {
    const disabled = answer.error.kind === 'disabled';
    body.push(el('div', { class: 'msg warn', role: 'alert' }, disabled ? t('summary.disabled') : errorText(answer.error), !disabled && retryButton(onRetry)));
  } else {
    const matched = coverage?.matched.length ?? 0;
    const age = formatAge(answer.fetchedAt, Date.now());
    const parts: Array<{ text: string; muted?: boolean }> = [{ text: t('summary.matched', { matched, total, level }) }];
    if (coverage && !context.filtered && coverage.apiOnly.length > 0) parts.push({ text: t('summary.notOnPage', { count: coverage.apiOnly.length, level }) });
    if (coverage && coverage.ambiguous.length > 0) parts.push({ text: t('summary.ambiguous', { count: coverage.ambiguous.length }) });
    parts.push({ text: t('summary.updated', { age }), muted: true });
    body.push(
      el(
        'div',
        { class: 'line', role: 'status' },
        // The separator ends the part before it: a part that wraps to a new line starts with words, not "·".
        ...parts.map((part, i) => el('span', part.muted ? { class: 'muted' } : null, i < parts.length - 1 ? `${part.text} ·` : part.text)),
        el(
          'button',
          { type: 'button', class: 'toggle', 'aria-expanded': String(input.expanded), onclick: input.onToggle },
          input.expanded ? t('summary.collapse') : t('summary.expand'),
        ),
      ),
      platformTotals(state, coverage, level, input.locale),
      answer.refreshError &&
        el('div', { class: 'msg warn', role: 'alert' }, t('summary.staleError', { age, reason: errorText(answer.refreshError) }), retryButton(onRetry)),
      state.fallback && el('div', { class: 'msg muted fallback' }, t('summary.fallback')),
      state.waitingForTable && el('div', { class: 'msg muted', role: 'status' }, t('summary.waitingForTable')),
      answer.problemCount > 0 && el('div', { class: 'msg muted' }, t('summary.rowProblems', { count: answer.problemCount })),
      input.expanded && coverage && input.slot({ kind: 'details', context, coverage, seen: state.seen, health: input.health, diagnostics: input.diagnostics }),
    );
  }
  return el(
    'section',
    { class: 'panel', 'aria-label': t('summary.title') },
    el(
      'div',
      { class: 'line' },
      el('span', { class: 'brand' }, t('summary.title')),
      answer?.ok && answer.source === 'demo' && el('span', { class: 'tag' }, t('summary.demo')),
    ),
    ...body,
    rangeControl(context, input),
    context.accountId === null && el('div', { class: 'msg muted' }, t('summary.accountMissing')),
  );
}

/**
 * Shown only where the page's range is not readable (tab-range.ts): which range the badges show,
 * and the picker for the one the ad manager shows, for this tab.
 */
function rangeControl(context: PageContext, input: SummaryPanelInput): HTMLElement | null {
  const chosen = context.rangeSource === 'chosen';
  if (!context.rangeAssumed && !chosen) return null;
  const { tabRange } = input;
  return el(
    'div',
    { class: 'msg tab-range-box' },
    el('div', { class: 'muted range-note' }, t(chosen ? 'summary.rangeChosen' : 'summary.rangeAssumed', { from: context.range.from, to: context.range.to })),
    tabRange && input.slot({ kind: 'rangePicker', choice: tabRange.current(), range: context.range, onChoose: (choice) => tabRange.choose(choice) }),
  );
}

/**
 * The page's platform lead total next to the CRM's (issue 20): "Meta: 1,240 leads · CRM 1,018
 * (82%)", over the campaigns that show both a platform count and a matched CRM row.
 */
function platformTotals(state: SummaryState, coverage: Coverage | null, level: string, locale: UiLocale): HTMLElement | null {
  const leadsByKey = state.platformLeads;
  if (!coverage || !leadsByKey || leadsByKey.size === 0 || !state.index || !state.context) return null;
  const pairs: Array<{ platformLeads: number; crmLeads: number }> = [];
  let approximate = false;
  for (const key of coverage.matched) {
    const leads = leadsByKey.get(key);
    const row = state.seen.get(key);
    if (!leads || !row) continue;
    const match = state.index.lookup(row.id, row.name);
    if (match.kind !== 'match') continue;
    pairs.push({ platformLeads: leads.count, crmLeads: match.row.leads });
    approximate ||= leads.approximate;
  }
  const gap = totalGap(pairs);
  if (!gap) return null;
  const figures = {
    platform: t(`platform.${state.context.platform}`),
    platformLeads: `${approximate ? '≈' : ''}${formatLeadCount(gap.platformLeads, locale)}`,
    crmLeads: formatCount(gap.crmLeads, locale),
  };
  return el(
    'div',
    { class: 'msg platform-totals' },
    el(
      'span',
      { class: 'platform-total' },
      gap.share === null ? t('summary.platformLeadsNoShare', figures) : t('summary.platformLeads', { ...figures, share: formatPercent(gap.share, locale) }),
    ),
    el('span', { class: 'muted' }, ` ${t('summary.platformLeadsOver', { count: pairs.length, level })}`),
    gap.flag && el('div', { class: 'warn' }, t(gap.flag === 'crm-low' ? 'card.gapLow' : 'card.gapHigh')),
  );
}
