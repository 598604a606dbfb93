/**
 * Every campaign of every channel in one sortable table, filterable by channel and text.
 * Default order: MQL→Won by the lower bound of its 95% interval, low-sample rows last and marked.
 */
import { useMemo } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../utils/api/constants';
import type { MetaResponse } from '../../utils/api/schema';
import { filterCampaigns, nextSort, sortCampaigns, type CampaignRow, type CampaignSort, type CampaignSortKey } from '../../utils/dashboard/campaign-table';
import { t, type MessageKey } from '../../utils/i18n/t';
import { formatCount, formatMoney, formatMoneyCompact, formatMultiple, formatPercent, NO_FIGURE, type UiLocale } from '../../utils/i18n/locale';
import { RateRange } from '../RateRange';
import { mqlToWonLabel, stageLabel } from '../../utils/i18n/stages';
import { formatAge } from '../../utils/overlay/age';
import { formatLeadCount } from '../../utils/overlay/platform-leads';

export interface CampaignTableProps {
  rows: CampaignRow[];
  stages: MetaResponse['stages'];
  locale: UiLocale;
  channel: Platform | null;
  query: string;
  sort: CampaignSort;
  minMql: number;
  onFilter: (filter: { channel: Platform | null; query: string }) => void;
  onSort: (sort: CampaignSort) => void;
  onExport: (rows: CampaignRow[]) => void;
}

interface Column {
  key: CampaignSortKey;
  label: string;
  numeric: boolean;
}

export function CampaignTable(props: CampaignTableProps) {
  const { rows, locale, sort, stages } = props;
  const shown = useMemo(
    () => sortCampaigns(filterCampaigns(rows, { channel: props.channel, query: props.query }), sort),
    [rows, props.channel, props.query, sort],
  );
  const hasRoas = rows.some((r) => r.roas !== null);
  const hasPlatformLeads = rows.some((r) => r.platformLeads !== null);
  const rateLabel = mqlToWonLabel(stages);
  const columns: Column[] = [
    { key: 'channel', label: t('dashboard.colChannel'), numeric: false },
    { key: 'name', label: t('dashboard.colCampaign'), numeric: false },
    { key: 'leads', label: t('dashboard.csvLeads'), numeric: true },
    { key: 'mql', label: t('dashboard.csvMql'), numeric: true },
    { key: 'sql', label: t('dashboard.csvSql'), numeric: true },
    { key: 'meetings', label: t('dashboard.csvMeetings'), numeric: true },
    { key: 'won', label: t('dashboard.csvWon'), numeric: true },
    { key: 'mqlToWon', label: rateLabel, numeric: false },
    { key: 'revenue', label: t('dashboard.revenue'), numeric: true },
    ...(hasRoas ? [{ key: 'roas' as const, label: t('dashboard.roas'), numeric: true }] : []),
    ...(hasPlatformLeads ? [{ key: 'platformVsCrm' as const, label: t('dashboard.platformVsCrm'), numeric: true }] : []),
  ];
  const filtered = props.channel !== null || props.query.trim() !== '';

  return (
    <div class="campaigns">
      <div class="toolbar" role="search">
        <div class="field">
          <label for="fl-filter-channel">{t('dashboard.filterChannel')}</label>
          <select
            id="fl-filter-channel"
            value={props.channel ?? ''}
            onChange={(e) => props.onFilter({ channel: ((e.target as HTMLSelectElement).value || null) as Platform | null, query: props.query })}
          >
            <option value="">{t('dashboard.allChannels')}</option>
            {PLATFORMS.map((p) => (
              <option value={p}>{t(`platform.${p}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <div class="field grow">
          <label for="fl-filter-text">{t('dashboard.filterText')}</label>
          <input
            id="fl-filter-text"
            type="search"
            value={props.query}
            placeholder={t('dashboard.filterTextHint')}
            autoComplete="off"
            onInput={(e) => props.onFilter({ channel: props.channel, query: (e.target as HTMLInputElement).value })}
          />
        </div>
        <button type="button" class="secondary export" disabled={shown.length === 0} onClick={() => props.onExport(shown)}>
          {t('dashboard.exportCsv', { n: formatCount(shown.length, locale) })}
        </button>
      </div>
      <p class="muted small result-count" role="status" aria-live="polite">
        {t('dashboard.showingCampaigns', { shown: formatCount(shown.length, locale), total: formatCount(rows.length, locale) })}
        {' · '}
        {t('dashboard.lowSampleNote', { min: props.minMql, mqlLabel: stageLabel(stages, 'mql') })}
      </p>
      {hasPlatformLeads && <p class="muted small platform-note">{t('dashboard.platformVsCrmNote')}</p>}
      {rows.length === 0 ? (
        <p class="empty-state">{t('dashboard.noCampaigns')}</p>
      ) : shown.length === 0 ? (
        <div class="empty-state">
          <p>{t('dashboard.noMatches')}</p>
          {filtered && (
            <button type="button" class="secondary" onClick={() => props.onFilter({ channel: null, query: '' })}>
              {t('dashboard.clearFilters')}
            </button>
          )}
        </div>
      ) : (
        <div class="table-scroll">
          <table class="campaign-table">
            <caption class="visually-hidden">{t('dashboard.campaignsCaption')}</caption>
            <thead>
              <tr>
                {columns.map((c) => {
                  const active = sort.key === c.key;
                  return (
                    <th
                      scope="col"
                      class={c.numeric ? 'num' : ''}
                      data-col={c.key}
                      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      <button type="button" class="sort" onClick={() => props.onSort(nextSort(sort, c.key))}>
                        {c.label}
                        <span class="sort-mark" aria-hidden="true">
                          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                        {c.key === 'mqlToWon' && active && <span class="visually-hidden"> {t('dashboard.sortedByLowerBound')}</span>}
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.key} data-key={r.key} data-platform={r.platform} class={r.lowSample ? 'low-sample' : ''}>
                  <td class="channel-cell">{t(`platform.${r.platform}` as MessageKey)}</td>
                  <th scope="row" class="name-cell">
                    <span class="campaign-name">{r.row.name ?? r.row.id}</span>
                  </th>
                  <td class="num" data-col="leads">
                    {formatCount(r.row.leads, locale)}
                  </td>
                  <td class="num" data-col="mql">
                    {formatCount(r.row.mql, locale)}
                  </td>
                  <td class="num" data-col="sql">
                    {formatCount(r.row.sql, locale)}
                  </td>
                  <td class="num" data-col="meetings">
                    {formatCount(r.row.meetings, locale)}
                  </td>
                  <td class="num" data-col="won">
                    {formatCount(r.row.won, locale)}
                  </td>
                  <td data-col="mqlToWon" data-low={r.mqlToWon.value === null ? '' : r.mqlToWon.low.toFixed(6)}>
                    {r.lowSample ? (
                      <span class="rate-few">
                        {formatCount(r.row.won, locale)}/{formatCount(r.row.mql, locale)}
                        <span class="tag low">{t('dashboard.lowSample')}</span>
                      </span>
                    ) : (
                      <span class="rate-cell">
                        <RateRange rate={r.mqlToWon} locale={locale} />
                        <span class="rate-meta">
                          <span class="muted small interval">
                            {formatPercent(r.mqlToWon.low, locale)}–{formatPercent(r.mqlToWon.high, locale)}
                          </span>
                          {r.provisional && <span class="provisional-note">{t('dashboard.provisional')}</span>}
                        </span>
                      </span>
                    )}
                    {r.lowSample && r.provisional && <span class="provisional-note">{t('dashboard.provisional')}</span>}
                  </td>
                  <td class="num" data-col="revenue" title={formatMoney(r.row.revenue, r.currency, locale)}>
                    {formatMoneyCompact(r.row.revenue, r.currency, locale)}
                  </td>
                  {hasRoas && (
                    <td class="num" data-col="roas">
                      {r.roas === null ? NO_FIGURE : formatMultiple(r.roas, locale)}
                    </td>
                  )}
                  {hasPlatformLeads && <PlatformVsCrmCell row={r} locale={locale} />}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** "120 · CRM 79%" and a flag under 80% or over 120% (issue 20); the read time in its title. */
function PlatformVsCrmCell({ row, locale }: { row: CampaignRow; locale: UiLocale }) {
  const seen = row.platformLeads;
  if (!seen)
    return (
      <td class="num" data-col="platformVsCrm">
        {NO_FIGURE}
      </td>
    );
  const { gap } = seen;
  return (
    <td class="num" data-col="platformVsCrm" title={t('dashboard.platformReadAt', { age: formatAge(seen.readAt, Date.now()) })}>
      {t('dashboard.platformVsCrmCell', {
        platformLeads: formatLeadCount(gap.platformLeads, locale),
        share: gap.share === null ? NO_FIGURE : formatPercent(gap.share, locale),
      })}
      {gap.flag && <span class="tag low gap-flag">{t(gap.flag === 'crm-low' ? 'dashboard.gapLowTag' : 'dashboard.gapHighTag')}</span>}
    </td>
  );
}
