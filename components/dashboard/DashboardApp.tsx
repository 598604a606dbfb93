/**
 * The options page as a dashboard for the weekly / monthly marketing–sales review: which channels
 * and campaigns bring leads that turn into deals, and what they cost. The range, the tab and the
 * campaign table's filter and sort live in the URL hash, so any view can be bookmarked.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../utils/api/constants';
import { loadChannels, type ChannelData } from '../../utils/channels/load-channels';
import { buildCampaignRows, type CampaignRow, type PlatformLeadsSeen } from '../../utils/dashboard/campaign-table';
import { campaignCsv, CSV_COLUMNS, exportFileName, type CsvColumn } from '../../utils/dashboard/csv';
import { slideSvg } from '../../utils/dashboard/funnel-chart';
import { parseHash, resolveRange, serialiseHash, TABS, type DashboardState, type Tab } from '../../utils/dashboard/hash-state';
import type { DateRange } from '../../utils/dates/range';
import { errorText } from '../../utils/i18n/error-text';
import { t, type MessageKey } from '../../utils/i18n/t';
import { askFunnel, onMessage, sendMessage, type FunnelRequest, type StatusReport } from '../../utils/messaging';
import { formatCount, intlTag, type UiLocale } from '../../utils/i18n/locale';
import { CampaignTable } from './CampaignTable';
import { channelViews, findings, slideChannels } from './channel-view';
import { ChannelFunnels } from './ChannelFunnels';
import { downloadBlob, downloadCsv, svgToPng } from './export';
import { RangeControl } from './RangeControl';
import { ImportSection } from './ImportSection';
import { SettingsSection } from './SettingsSection';
import { TargetsSection } from './TargetsSection';
import { TrendsView } from './TrendsView';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

const TAB_LABELS: Record<Tab, MessageKey> = {
  channels: 'dashboard.tabChannels',
  campaigns: 'dashboard.tabCampaigns',
  trends: 'trends.tab',
  import: 'import.tab',
  settings: 'dashboard.tabSettings',
};

const CSV_HEADER_KEYS: Record<CsvColumn, MessageKey> = {
  channel: 'dashboard.csvChannel',
  campaignId: 'dashboard.csvCampaignId',
  campaign: 'dashboard.csvCampaign',
  leads: 'dashboard.csvLeads',
  mql: 'dashboard.csvMql',
  sql: 'dashboard.csvSql',
  meetings: 'dashboard.csvMeetings',
  won: 'dashboard.csvWon',
  lost: 'dashboard.csvLost',
  mqlToWon: 'dashboard.csvMqlToWon',
  mqlToWonLow: 'dashboard.csvMqlToWonLow',
  mqlToWonHigh: 'dashboard.csvMqlToWonHigh',
  lowSample: 'dashboard.csvLowSample',
  provisional: 'dashboard.csvProvisional',
  revenue: 'dashboard.csvRevenue',
  currency: 'dashboard.csvCurrency',
  spend: 'dashboard.csvSpend',
  roas: 'dashboard.csvRoas',
  platformLeads: 'dashboard.csvPlatformLeads',
  platformVsCrm: 'dashboard.csvPlatformVsCrm',
  platformReadAt: 'dashboard.csvPlatformReadAt',
};

interface LoadState {
  channels: ChannelData[] | null;
  /** The lead counts the ad pages showed for this range (issue 20); empty when none was seen. */
  platformLeads: PlatformLeadsSeen[];
  /** The range the shown channels belong to. */
  range: DateRange | null;
  loading: boolean;
  done: number;
}

function formatDay(iso: string, locale: UiLocale): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(intlTag(locale), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function sameRange(a: DateRange | null, b: DateRange): boolean {
  return a !== null && a.from === b.from && a.to === b.to;
}

export function DashboardApp({ locale }: { locale: UiLocale }) {
  const [state, setState] = useState<DashboardState>(() => parseHash(window.location.hash));
  const today = useMemo(() => new Date(), []);
  const range = useMemo(() => resolveRange(state.range, today), [state.range, today]);
  const [status, setStatus] = useState<StatusReport | null>(null);
  const [statusFailed, setStatusFailed] = useState(false);
  const [load, setLoad] = useState<LoadState>({ channels: null, platformLeads: [], range: null, loading: true, done: 0 });
  const [reloadToken, setReloadToken] = useState(0);
  const [exportNote, setExportNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const generation = useRef(0);
  const rangeRef = useRef(range);
  rangeRef.current = range;
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  // URL hash ⇄ state. Tab and range changes are history entries (Back works); typing is not.
  const update = useCallback((patch: Partial<DashboardState>, push: boolean) => {
    setState((current) => {
      const next = { ...current, ...patch };
      const hash = serialiseHash(next);
      if (window.location.hash !== hash) window.history[push ? 'pushState' : 'replaceState'](null, '', hash);
      return next;
    });
  }, []);

  useEffect(() => {
    const hash = serialiseHash(parseHash(window.location.hash));
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
    const onNavigate = () => setState(parseHash(window.location.hash));
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, []);

  const refreshStatus = useCallback(() => {
    sendMessage('getStatus').then(
      (next) => {
        setStatus(next);
        setStatusFailed(false);
      },
      () => setStatusFailed(true),
    );
  }, []);
  useEffect(refreshStatus, [refreshStatus]);

  // The data: one getFunnel per platform (campaign level, all accounts), as the popup asks.
  useEffect(() => {
    const current = ++generation.current;
    setLoad((previous) => ({ ...previous, loading: true, done: 0 }));
    const ask = (request: FunnelRequest) =>
      askFunnel(request).finally(() => {
        if (generation.current === current) setLoad((previous) => ({ ...previous, done: previous.done + 1 }));
      });
    // The platforms' own counts are an extra column: without them the table is still whole.
    const platformLeads = sendMessage('getPlatformLeads', { level: 'campaign', from: range.from, to: range.to }).catch((): PlatformLeadsSeen[] => []);
    void Promise.all([loadChannels(ask, range, PLATFORMS), platformLeads]).then(([channels, seen]) => {
      if (generation.current === current) setLoad({ channels, platformLeads: seen, range, loading: false, done: PLATFORMS.length });
    });
  }, [range.from, range.to, reloadToken]);

  // Cached answers older than the TTL are refreshed behind the scenes; reload when that lands.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const remove = onMessage('funnelChanged', ({ data }) => {
      if (data.from !== rangeRef.current.from || data.to !== rangeRef.current.to) return;
      clearTimeout(timer);
      timer = setTimeout(() => setReloadToken((n) => n + 1), 250);
    });
    return () => {
      clearTimeout(timer);
      remove();
    };
  }, []);

  useEffect(() => {
    document.title = `${t(TAB_LABELS[state.tab])} · ${t('dashboard.title')}`;
  }, [state.tab]);

  const reload = useCallback(() => {
    setReloadToken((n) => n + 1);
    refreshStatus();
  }, [refreshStatus]);

  const channels = load.channels;
  const views = useMemo(() => (channels ? channelViews(channels) : []), [channels]);
  const campaignRows: CampaignRow[] = useMemo(
    () =>
      buildCampaignRows(
        (channels ?? []).flatMap((c) =>
          c.answer ? [{ platform: c.platform, rows: c.rows, currency: c.answer.currency, minMql: c.answer.display.minMql }] : [],
        ),
        load.platformLeads,
      ),
    [channels, load.platformLeads],
  );
  const firstAnswer = channels?.find((c) => c.answer)?.answer ?? null;
  const stages = firstAnswer?.stages ?? [];
  const minMql = firstAnswer?.display.minMql ?? status?.settings.minMql ?? DEFAULT_SETTINGS.minMql;
  const failures = (channels ?? []).filter((c) => c.error && c.error.kind !== 'disabled');
  const allFailed = channels !== null && channels.length > 0 && channels.every((c) => c.error !== null);
  const stale = channels?.some((c) => c.answer?.stale || c.answer?.refreshError) ?? false;
  const rangeText = t('dashboard.rangeDates', { from: formatDay(range.from, locale), to: formatDay(range.to, locale) });
  const asOfText = firstAnswer ? new Date(firstAnswer.asOf).toLocaleString(intlTag(locale)) : '';
  const sourceLine = !firstAnswer
    ? ''
    : firstAnswer.source === 'demo'
      ? t('dashboard.sourceDemo')
      : firstAnswer.source === 'import'
        ? t('import.sourceLine', { file: firstAnswer.sourceName, at: asOfText })
        : t('dashboard.sourceApi', { name: firstAnswer.sourceName, asOf: asOfText });
  /** The tabs that show funnel data (and so a date range and a source line). */
  const dataTab = state.tab === 'channels' || state.tab === 'campaigns';

  const selectTab = (tab: Tab, focus = false) => {
    update({ tab }, true);
    if (focus) tabRefs.current[tab]?.focus();
  };

  const onTabKey = (event: KeyboardEvent, tab: Tab) => {
    const index = TABS.indexOf(tab);
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    selectTab(target, true);
  };

  const exportCsv = (rows: CampaignRow[]) => {
    const csv = campaignCsv(rows, {
      headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(CSV_HEADER_KEYS[c])])) as Record<CsvColumn, string>,
      platform: Object.fromEntries(PLATFORMS.map((p) => [p, t(`platform.${p}` as MessageKey)])) as Record<Platform, string>,
      yes: t('dashboard.answerYes'),
      no: t('dashboard.answerNo'),
    });
    downloadCsv(csv, exportFileName('campaigns', range, 'csv'));
    setExportNote({ tone: 'ok', text: t('dashboard.csvDone', { n: formatCount(rows.length, locale) }) });
  };

  const exportPng = async () => {
    setExportNote(null);
    try {
      const slide = slideSvg({
        title: t('dashboard.slideTitle'),
        subtitle: `${rangeText} · ${sourceLine}`,
        highlights: findings(views, locale),
        footer: t('dashboard.slideFooter'),
        channels: slideChannels(views, locale),
      });
      const png = await svgToPng(slide.svg, slide.width, slide.height);
      downloadBlob(png, exportFileName('channels', range, 'png'));
      setExportNote({ tone: 'ok', text: t('dashboard.pngDone') });
    } catch {
      setExportNote({ tone: 'error', text: t('dashboard.pngFailed') });
    }
  };

  const progress = (
    <div
      class="load-progress"
      role="progressbar"
      aria-label={t('dashboard.loading')}
      aria-valuemin={0}
      aria-valuemax={PLATFORMS.length}
      aria-valuenow={load.done}
      aria-valuetext={t('dashboard.loadingProgress', { done: load.done, total: PLATFORMS.length })}
    >
      <span style={{ width: `${Math.max(8, (load.done / PLATFORMS.length) * 100)}%` }} />
    </div>
  );

  const panel = () => {
    if (state.tab === 'settings' || state.tab === 'import') {
      if (status && state.tab === 'import') return <ImportSection status={status} locale={locale} onStatus={setStatus} onDataChanged={reload} />;
      if (status) {
        return (
          <>
            <SettingsSection status={status} onStatus={setStatus} onDataChanged={reload} />
            <TargetsSection status={status} locale={locale} onStatus={setStatus} onDataChanged={reload} />
          </>
        );
      }
      if (statusFailed) return <Problem text={t('error.background_unavailable')} onRetry={refreshStatus} />;
      return (
        <p class="loading-block" role="status">
          {t('dashboard.loading')}
        </p>
      );
    }
    if (state.tab === 'trends') {
      return <TrendsView grain={state.grain} locale={locale} reloadToken={reloadToken} onGrain={(grain) => update({ grain }, true)} onNote={setExportNote} />;
    }
    if (channels === null) {
      return (
        <div class="loading-block" role="status">
          <p>{t('dashboard.loadingProgress', { done: load.done, total: PLATFORMS.length })}</p>
          <div class="skeleton-grid" aria-hidden="true">
            <span />
            <span />
            <span />
          </div>
        </div>
      );
    }
    const problem =
      allFailed && failures.length > 0 ? (
        <Problem
          text={t('dashboard.allFailed', { reason: errorText((failures[0] as ChannelData).error as NonNullable<ChannelData['error']>) })}
          onRetry={reload}
          onSettings={() => selectTab('settings')}
        />
      ) : null;
    if (state.tab === 'channels') {
      return (
        <>
          {problem}
          <div class="view-toolbar">
            <p class="muted small">{t('dashboard.channelsIntro')}</p>
            <button type="button" class="secondary" disabled={views.every((v) => v.figures === null)} onClick={() => void exportPng()}>
              {t('dashboard.exportPng')}
            </button>
          </div>
          <ChannelFunnels views={views} locale={locale} onOpenSettings={() => selectTab('settings')} />
        </>
      );
    }
    return (
      <>
        {problem}
        <CampaignTable
          rows={campaignRows}
          stages={stages}
          locale={locale}
          channel={state.channel}
          query={state.query}
          sort={state.sort}
          minMql={minMql}
          onFilter={(filter) => update(filter, false)}
          onSort={(sort) => update({ sort }, false)}
          onExport={exportCsv}
        />
      </>
    );
  };

  return (
    <div class="dashboard">
      <header class="dash-header">
        <div class="brand">
          <h1>{t('dashboard.title')}</h1>
          <p class="muted">{t('dashboard.subtitle')}</p>
        </div>
        {dataTab && <RangeControl choice={state.range} resolved={range} datesText={rangeText} onChange={(choice) => update({ range: choice }, true)} />}
      </header>

      {firstAnswer?.source === 'demo' && dataTab && (
        <p class="demo-notice" role="note">
          {t('dashboard.demoNotice')}{' '}
          <button type="button" class="link" onClick={() => selectTab('settings')}>
            {t('dashboard.connectNow')}
          </button>
          {' · '}
          <button type="button" class="link" onClick={() => selectTab('import')}>
            {t('import.title')}
          </button>
        </p>
      )}

      <div class="tabs" role="tablist" aria-label={t('dashboard.title')}>
        {TABS.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`fl-tab-${tab}`}
            aria-controls={`fl-panel-${tab}`}
            aria-selected={state.tab === tab}
            tabIndex={state.tab === tab ? 0 : -1}
            ref={(el) => {
              tabRefs.current[tab] = el;
            }}
            onClick={() => selectTab(tab)}
            onKeyDown={(e) => onTabKey(e, tab)}
          >
            {t(TAB_LABELS[tab])}
            {tab === 'campaigns' && channels && <span class="count">{formatCount(campaignRows.length, locale)}</span>}
          </button>
        ))}
      </div>

      <div class="panel-status">{load.loading && dataTab && progress}</div>

      <section
        id={`fl-panel-${state.tab}`}
        role="tabpanel"
        aria-labelledby={`fl-tab-${state.tab}`}
        tabIndex={0}
        class="tab-panel"
        aria-busy={load.loading && dataTab ? 'true' : 'false'}
        data-tab={state.tab}
        data-range={`${range.from}_${range.to}`}
        data-loaded={sameRange(load.range, range) && !load.loading ? 'true' : 'false'}
      >
        {dataTab && (
          <h2 class="visually-hidden">
            {t(TAB_LABELS[state.tab])} · {rangeText}
          </h2>
        )}
        {panel()}
      </section>

      <p class={`outcome export-note ${exportNote?.tone ?? ''}`} role="status" aria-live="polite">
        {exportNote?.text ?? ''}
      </p>

      {dataTab && (
        <footer class="dash-footer muted small">
          <span>{rangeText}</span>
          {sourceLine && <span> · {sourceLine}</span>}
          {stale && <span> · {t('dashboard.staleNote')}</span>}
        </footer>
      )}
    </div>
  );
}

function Problem(props: { text: string; onRetry: () => void; onSettings?: () => void }) {
  return (
    <div class="problem" role="alert">
      <p>{props.text}</p>
      <div class="actions">
        <button type="button" onClick={props.onRetry}>
          {t('dashboard.retry')}
        </button>
        {props.onSettings && (
          <button type="button" class="secondary" onClick={props.onSettings}>
            {t('dashboard.openSettings')}
          </button>
        )}
      </div>
    </div>
  );
}
