/**
 * The targets agreed with sales, in the dashboard's settings: one line per channel, and any
 * number of campaign lines (a campaign's own target replaces its channel's, metric by metric).
 * Blank fields mean "no target". Saved with the settings through updateSettings.
 */
import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../utils/api/constants';
import { isEmptyTargetSet, parseTargetField, parseTargetSet, targetFieldText } from '../../utils/dashboard/target-form';
import { TARGET_METRICS, type CampaignTarget, type TargetMetric, type Targets } from '../../utils/funnel/targets';
import { t, type MessageKey } from '../../utils/i18n/t';
import { sendMessage, type StatusReport } from '../../utils/messaging';
import type { UiLocale } from '../../utils/i18n/locale';
import { TARGET_LIMITS } from '../../utils/settings/settings';
import { useBackgroundAction } from './use-background-action';

type Fields = Record<TargetMetric, string>;
interface CampaignLine {
  platform: Platform;
  campaign: string;
  fields: Fields;
}

const METRIC_LABELS: Record<TargetMetric, MessageKey> = {
  mqlToWon: 'targets.fieldMqlToWon',
  costPerWon: 'targets.fieldCostPerWon',
  roas: 'targets.fieldRoas',
};

function fieldsOf(set: Partial<Record<TargetMetric, number>> | undefined, locale: UiLocale): Fields {
  return Object.fromEntries(TARGET_METRICS.map((m) => [m, targetFieldText(m, set?.[m], locale)])) as Fields;
}

function linesOf(targets: Targets, locale: UiLocale) {
  return {
    channels: Object.fromEntries(PLATFORMS.map((p) => [p, fieldsOf(targets.channels[p], locale)])) as Record<Platform, Fields>,
    campaigns: targets.campaigns.map((c): CampaignLine => ({ platform: c.platform, campaign: c.campaign, fields: fieldsOf(c, locale) })),
  };
}

function FieldInput(props: { id: string; metric: TargetMetric; value: string; label: string; onInput: (value: string) => void }) {
  const invalid = !parseTargetField(props.metric, props.value).ok;
  return (
    <>
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        class="target-input"
        value={props.value}
        aria-label={props.label}
        aria-invalid={invalid ? 'true' : 'false'}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {invalid && (
        <span class="field-error small" role="alert">
          {t('targets.invalid')}
        </span>
      )}
    </>
  );
}

export function TargetsSection(props: { status: StatusReport; locale: UiLocale; onStatus: (status: StatusReport) => void; onDataChanged: () => void }) {
  const { status, locale } = props;
  const [lines, setLines] = useState(() => linesOf(status.settings.targets, locale));
  const { note, setNote, busy, run } = useBackgroundAction(props.onDataChanged);
  useEffect(() => setLines(linesOf(status.settings.targets, locale)), [status.settings.targets, locale]);

  const setChannel = (platform: Platform, metric: TargetMetric, value: string) =>
    setLines((l) => ({ ...l, channels: { ...l.channels, [platform]: { ...l.channels[platform], [metric]: value } } }));
  const setCampaign = (index: number, patch: Partial<CampaignLine>) =>
    setLines((l) => ({ ...l, campaigns: l.campaigns.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));

  const save = async (event: Event) => {
    event.preventDefault();
    setNote(null);
    const channels: Targets['channels'] = {};
    for (const platform of PLATFORMS) {
      const set = parseTargetSet(lines.channels[platform]);
      if (!set) return setNote({ tone: 'error', text: t('targets.fixFields') });
      if (!isEmptyTargetSet(set)) channels[platform] = set;
    }
    const campaigns: CampaignTarget[] = [];
    for (const line of lines.campaigns) {
      const set = parseTargetSet(line.fields);
      if (!set) return setNote({ tone: 'error', text: t('targets.fixFields') });
      if (isEmptyTargetSet(set)) continue;
      if (!line.campaign.trim()) return setNote({ tone: 'error', text: t('targets.campaignMissing') });
      campaigns.push({ platform: line.platform, campaign: line.campaign.trim(), ...set });
    }
    await run(async () => props.onStatus(await sendMessage('updateSettings', { targets: { channels, campaigns } })), t('targets.saved'));
  };

  return (
    <section class="settings-card targets-card" aria-labelledby="fl-targets-title">
      <h2 id="fl-targets-title">{t('target.title')}</h2>
      <p class="muted small help">{t('targets.help')}</p>
      <form onSubmit={save} noValidate>
        <table class="targets-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.colChannel')}</th>
              {TARGET_METRICS.map((m) => (
                <th scope="col">{t(METRIC_LABELS[m])}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PLATFORMS.map((platform) => (
              <tr data-platform={platform}>
                <th scope="row">{t(`platform.${platform}`)}</th>
                {TARGET_METRICS.map((m) => (
                  <td>
                    <FieldInput
                      id={`fl-target-${platform}-${m}`}
                      metric={m}
                      value={lines.channels[platform][m]}
                      label={`${t(`platform.${platform}`)}: ${t(METRIC_LABELS[m])}`}
                      onInput={(v) => setChannel(platform, m, v)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>

        <h3 class="small">{t('targets.campaignsTitle')}</h3>
        {lines.campaigns.length === 0 && <p class="muted small">{t('targets.noCampaigns')}</p>}
        {lines.campaigns.map((line, i) => (
          <fieldset class="campaign-target" data-index={i}>
            <legend class="visually-hidden">{t('targets.campaignLegend', { n: i + 1 })}</legend>
            <div class="field">
              <label for={`fl-target-c${i}-platform`}>{t('dashboard.colChannel')}</label>
              <select
                id={`fl-target-c${i}-platform`}
                value={line.platform}
                onChange={(e) => setCampaign(i, { platform: (e.target as HTMLSelectElement).value as Platform })}
              >
                {PLATFORMS.map((p) => (
                  <option value={p}>{t(`platform.${p}`)}</option>
                ))}
              </select>
            </div>
            <div class="field campaign-field">
              <label for={`fl-target-c${i}-campaign`}>{t('targets.campaignField')}</label>
              <input
                id={`fl-target-c${i}-campaign`}
                type="text"
                maxLength={TARGET_LIMITS.campaignText}
                value={line.campaign}
                onInput={(e) => setCampaign(i, { campaign: (e.target as HTMLInputElement).value })}
              />
            </div>
            {TARGET_METRICS.map((m) => (
              <div class="field">
                <label for={`fl-target-c${i}-${m}`}>{t(METRIC_LABELS[m])}</label>
                <FieldInput
                  id={`fl-target-c${i}-${m}`}
                  metric={m}
                  value={line.fields[m]}
                  label={t(METRIC_LABELS[m])}
                  onInput={(v) => setCampaign(i, { fields: { ...line.fields, [m]: v } })}
                />
              </div>
            ))}
            <button type="button" class="link" onClick={() => setLines((l) => ({ ...l, campaigns: l.campaigns.filter((_, j) => j !== i) }))}>
              {t('targets.removeCampaign')}
            </button>
          </fieldset>
        ))}
        {lines.campaigns.length < TARGET_LIMITS.campaigns && (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              setLines((l) => ({
                ...l,
                campaigns: [...l.campaigns, { platform: PLATFORMS[0], campaign: '', fields: fieldsOf(undefined, locale) }],
              }))
            }
          >
            {t('targets.addCampaign')}
          </button>
        )}
        <div class="actions">
          <button type="submit" disabled={busy}>
            {t('targets.save')}
          </button>
        </div>
        <p class={`outcome ${note?.tone ?? ''}`} role="status" aria-live="polite">
          {note?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
