/**
 * The trends tab: per channel, MQL→Won, cost per won deal and won revenue over the last 12
 * weeks, months or quarters, each as a chart (interval band, target line, still-maturing periods
 * shaded) with its table. One getFunnel per period and channel; progress while they load; a
 * failed period is a gap with its reason, and the rest still draws. One click exports the review.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PLATFORMS } from '../../utils/api/constants';
import { mqlToWonLabel } from '../../utils/i18n/stages';
import { t, type MessageKey } from '../../utils/i18n/t';
import { askFunnel, type FunnelAnswer } from '../../utils/messaging';
import { formatCount, type UiLocale } from '../../utils/i18n/locale';
import { GRAINS, lastPeriods, type Grain } from '../../utils/trends/periods';
import { loadTrendAnswers } from '../../utils/trends/load-trends';
import { channelTrend, type ChannelTrend } from '../../utils/trends/trend-data';
import { downloadBlob, downloadCsv, svgToPng } from './export';
import { periodLabel, reviewSvg, trendCharts, trendCsv, trendGaps, trendRows } from './trend-view';

const GRAIN_LABELS: Record<Grain, MessageKey> = { week: 'trends.grainWeek', month: 'trends.grainMonth', quarter: 'trends.grainQuarter' };

interface Loaded {
  grain: Grain;
  answers: Record<string, FunnelAnswer[]>;
}

export function TrendsView(props: {
  grain: Grain;
  locale: UiLocale;
  reloadToken: number;
  onGrain: (grain: Grain) => void;
  onNote: (note: { tone: 'ok' | 'error'; text: string }) => void;
}) {
  const { grain, locale } = props;
  const today = useMemo(() => new Date(), []);
  const periods = useMemo(() => lastPeriods(grain, today), [grain, today]);
  const [progress, setProgress] = useState({ done: 0, total: PLATFORMS.length * periods.length });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [openTables, setOpenTables] = useState<Record<string, boolean>>({});
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setLoaded(null);
    setProgress({ done: 0, total: PLATFORMS.length * periods.length });
    void loadTrendAnswers(askFunnel, periods, PLATFORMS, (done, total) => {
      if (generation.current === current) setProgress({ done, total });
    }).then((answers) => {
      if (generation.current === current) setLoaded({ grain, answers });
    });
  }, [periods, props.reloadToken]);

  const trends: ChannelTrend[] = useMemo(() => {
    if (!loaded) return [];
    return (
      PLATFORMS
        // A channel switched off in the settings is left out, not drawn as twelve gaps.
        .filter((p) => !(loaded.answers[p] ?? []).every((a) => !a.ok && a.error.kind === 'disabled'))
        .map((p) => channelTrend(p, periods, loaded.answers[p] ?? [], today))
    );
  }, [loaded, periods, today]);
  const stages = useMemo(() => {
    for (const list of Object.values(loaded?.answers ?? {})) for (const a of list) if (a.ok) return a.stages;
    return [];
  }, [loaded]);
  const charts = useMemo(() => trends.map((trend) => trendCharts(trend, stages, locale)), [trends, stages, locale]);
  const gaps = useMemo(() => trendGaps(trends, locale), [trends, locale]);
  const rateLabel = mqlToWonLabel(stages);
  const first = periods[0];
  const last = periods[periods.length - 1];
  const rangeText = first && last ? t('dashboard.rangeDates', { from: periodLabel(first, locale, 'long'), to: periodLabel(last, locale, 'long') }) : '';

  const exportReview = async () => {
    const fileBase = `funnel-lens-trends-${grain}-${first?.from ?? ''}_${last?.to ?? ''}`;
    downloadCsv(trendCsv(trends, locale), `${fileBase}.csv`);
    try {
      const slide = reviewSvg({ trends, charts, subtitle: rangeText, gaps });
      downloadBlob(await svgToPng(slide.svg, slide.width, slide.height), `${fileBase}.png`);
      props.onNote({ tone: 'ok', text: t('trends.exportDone') });
    } catch {
      props.onNote({ tone: 'error', text: t('dashboard.pngFailed') });
    }
  };

  return (
    <div class="trends-view" data-grain={grain} data-trends-loaded={loaded?.grain === grain ? 'true' : 'false'}>
      <div class="view-toolbar">
        <p class="muted small">{t('trends.intro')}</p>
        <label class="inline">
          <span class="visually-hidden">{t('trends.grain')}</span>
          <select value={grain} onChange={(e) => props.onGrain((e.target as HTMLSelectElement).value as Grain)}>
            {GRAINS.map((g) => (
              <option value={g}>{t(GRAIN_LABELS[g])}</option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary" disabled={!loaded || trends.length === 0} onClick={() => void exportReview()}>
          {t('trends.exportReview')}
        </button>
      </div>
      <p class="muted small">{rangeText}</p>

      {!loaded ? (
        <div class="loading-block" role="status">
          <p>{t('trends.loading', { done: formatCount(progress.done, locale), total: formatCount(progress.total, locale) })}</p>
          <div
            class="load-progress"
            role="progressbar"
            aria-label={t('trends.loadingLabel')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <span style={{ width: `${Math.max(4, (progress.done / Math.max(1, progress.total)) * 100)}%` }} />
          </div>
        </div>
      ) : (
        <>
          {gaps.length > 0 && (
            <div class="trend-gaps" role="alert">
              <h3 class="small">{t('trends.gapsTitle')}</h3>
              <ul>
                {gaps.map((g) => (
                  <li data-platform={g.platform} data-from={g.from}>
                    {g.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {trends.map((trend, i) => {
            const channel = t(`platform.${trend.platform}`);
            const tableId = `fl-trend-table-${trend.platform}`;
            const open = openTables[trend.platform] === true;
            return (
              <section class="trend-channel" data-platform={trend.platform} aria-labelledby={`fl-trend-${trend.platform}`}>
                <h3 id={`fl-trend-${trend.platform}`}>{channel}</h3>
                <div class="trend-charts">
                  {(charts[i] ?? []).map((chart) => (
                    <img
                      class="trend-chart"
                      data-metric={chart.metric}
                      alt={chart.alt}
                      width={340}
                      height={190}
                      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`}
                    />
                  ))}
                </div>
                <p class="muted small">{t('trends.provisionalNote', { days: formatCount(trend.maturingDays, locale) })}</p>
                <div class="table-toggle">
                  <button
                    type="button"
                    class="link"
                    aria-expanded={open}
                    aria-controls={tableId}
                    onClick={() => setOpenTables((o) => ({ ...o, [trend.platform]: !open }))}
                  >
                    {open ? t('dashboard.hideTable') : t('dashboard.showTable')}
                  </button>
                </div>
                <div id={tableId} class={open ? 'funnel-table-wrap' : 'funnel-table-wrap visually-hidden'}>
                  <table class="funnel-table trend-table" data-platform={trend.platform}>
                    <caption>{t('trends.caption', { channel })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('trends.colPeriod')}</th>
                        <th scope="col" class="num">
                          {t('trends.colRate', { rateLabel })}
                        </th>
                        <th scope="col" class="num">
                          {t('trends.colCost')}
                        </th>
                        <th scope="col" class="num">
                          {t('trends.colRevenue')}
                        </th>
                        <th scope="col">{t('trends.colNotes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {trendRows(trend, rateLabel, locale).map((row) => (
                        <tr data-from={row.from} data-failed={row.failed ? 'true' : 'false'} data-provisional={row.provisional ? 'true' : 'false'}>
                          <th scope="row">{row.period}</th>
                          <td class="num" data-cell="rate">
                            {row.rate}
                          </td>
                          <td class="num" data-cell="cost">
                            {row.cost}
                          </td>
                          <td class="num" data-cell="revenue">
                            {row.revenue}
                          </td>
                          <td data-cell="notes">{row.notes.join(' · ')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
