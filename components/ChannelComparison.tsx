/** The popup's quick channel comparison: one row per channel, MQL→Won with its interval. */
import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS } from '../utils/api/constants';
import { loadChannels, type ChannelData } from '../utils/channels/load-channels';
import { channelFigures } from '../utils/dashboard/channel-figures';
import { lastNDaysExcludingToday } from '../utils/dates/range';
import { errorText } from '../utils/i18n/error-text';
import { t } from '../utils/i18n/t';
import { askFunnel } from '../utils/messaging';
import { formatCount, formatMoney, formatMoneyCompact, formatMultiple, NO_FIGURE, type UiLocale } from '../utils/i18n/locale';
import { mqlToWonLabel } from '../utils/i18n/stages';
import { RateRange } from './RateRange';
import { channelTargetChecks } from '../utils/channels/channel-targets';
import { TargetList } from './TargetList';

const RANGES = [30, 90, 180] as const;

export function ChannelComparison({ locale, refreshToken }: { locale: UiLocale; refreshToken: number }) {
  const [days, setDays] = useState<(typeof RANGES)[number]>(90);
  const [channels, setChannels] = useState<ChannelData[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    setChannels(null);
    const range = lastNDaysExcludingToday(new Date(), days);
    void loadChannels(askFunnel, range, PLATFORMS).then((result) => {
      if (!cancelled) setChannels(result);
    });
    return () => {
      cancelled = true;
    };
  }, [days, refreshToken]);

  const first = channels?.find((c) => c.answer)?.answer;
  const rateLabel = mqlToWonLabel(first?.stages ?? []);

  return (
    <section aria-labelledby="fl-channels-title">
      <div class="section-head">
        <h2 id="fl-channels-title">{t('popup.channelsTitle')}</h2>
        <label class="inline">
          <span class="visually-hidden">{t('popup.range')}</span>
          <select value={days} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value) as (typeof RANGES)[number])}>
            {RANGES.map((n) => (
              <option value={n}>{t('popup.lastDays', { n })}</option>
            ))}
          </select>
        </label>
      </div>
      {channels === null ? (
        <div role="status" class="loading">
          {t('popup.loadingChannels')}
          <div class="progress" role="progressbar" aria-busy="true" aria-label={t('popup.loadingChannels')}>
            <span />
          </div>
        </div>
      ) : (
        <table class="channels">
          <thead>
            <tr>
              <th scope="col">{t('popup.colChannel')}</th>
              <th scope="col" class="num">
                {t('popup.colLeads')}
              </th>
              <th scope="col" class="num">
                {t('popup.colMqls')}
              </th>
              <th scope="col" class="num">
                {t('popup.colWon')}
              </th>
              <th scope="col">{t('popup.colRate', { rateLabel })}</th>
              <th scope="col" class="num">
                {t('popup.colRevenue')}
              </th>
              <th scope="col" class="num">
                {t('popup.colRoas')}
              </th>
            </tr>
          </thead>
          <tbody>
            {channels.map((channel) => {
              const name = t(`platform.${channel.platform}`);
              if (!channel.totals || !channel.answer) {
                return (
                  <tr data-platform={channel.platform}>
                    <th scope="row">{name}</th>
                    <td colSpan={6} class="muted">
                      {channel.error ? errorText(channel.error) : NO_FIGURE}
                    </td>
                  </tr>
                );
              }
              const totals = channel.totals;
              const currency = channel.answer.currency;
              const best = channel.comparison?.verdict === 'better';
              const figures = channelFigures({ totals, rows: channel.rows, currency, minMql: channel.answer.display.minMql, comparison: channel.comparison });
              const mqlToWon = figures.rates.mqlToWon;
              const roas = figures.money.spend?.roas ?? null;
              const costPerWon = figures.money.spend?.costPerWon ?? null;
              const targetChecks = channelTargetChecks(channel);
              return (
                <>
                  <tr data-platform={channel.platform} class={best ? 'best' : ''}>
                    <th scope="row">
                      {name}
                      {best && <span class="best-tag">{t('popup.best')}</span>}
                    </th>
                    <td class="num">{formatCount(totals.leads, locale)}</td>
                    <td class="num">{formatCount(totals.mql, locale)}</td>
                    <td class="num">{formatCount(totals.won, locale)}</td>
                    <td>
                      <RateRange rate={mqlToWon} locale={locale} />
                    </td>
                    <td class="num" title={formatMoney(totals.revenue, currency, locale)}>
                      {formatMoneyCompact(totals.revenue, currency, locale)}
                    </td>
                    <td class="num" title={costPerWon === null ? '' : `${t('popup.colCostPerWon')}: ${formatMoney(costPerWon, currency, locale)}`}>
                      {roas === null ? NO_FIGURE : formatMultiple(roas, locale)}
                      {costPerWon !== null && (
                        <div class="sub">
                          {formatMoneyCompact(costPerWon, currency, locale)}/{t('popup.colWon').toLowerCase()}
                        </div>
                      )}
                    </td>
                  </tr>
                  {targetChecks.length > 0 && (
                    <tr class="target-row" data-platform={channel.platform}>
                      <td colSpan={7}>
                        <TargetList checks={targetChecks} rateLabel={rateLabel} currency={currency} locale={locale} label={t('target.title')} />
                      </td>
                    </tr>
                  )}
                </>
              );
            })}
          </tbody>
        </table>
      )}
      <p>
        <a href="/options.html" target="_blank" rel="noopener">
          {t('popup.openDashboard')}
        </a>
      </p>
    </section>
  );
}
