/**
 * The dashboard's settings: the shared connection form (the popup's own ConnectionForm), the
 * enabled platforms (the popup's PlatformStatusList), and what only the dashboard holds: the
 * minimum MQLs for a rate, the better/worse rule, the cache TTL and clearing the cache.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n/t';
import { sendMessage, type StatusReport } from '../../utils/messaging';
import { COMPARE_RULES, SETTING_LIMITS, type CompareRule } from '../../utils/settings/settings';
import { ConnectionForm } from '../ConnectionForm';
import { PlatformStatusList } from '../PlatformStatusList';
import { useBackgroundAction } from './use-background-action';

function parseWhole(text: string, [min, max]: readonly [number, number]): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export function SettingsSection(props: { status: StatusReport; onStatus: (status: StatusReport) => void; onDataChanged: () => void }) {
  const { status } = props;
  const [minMql, setMinMql] = useState(String(status.settings.minMql));
  const [ttl, setTtl] = useState(String(status.settings.cacheTtlMinutes));
  const [rule, setRule] = useState<CompareRule>(status.settings.compareRule);
  const [errors, setErrors] = useState<{ minMql?: string; ttl?: string }>({});
  const { note, setNote, busy, run } = useBackgroundAction(props.onDataChanged);

  useEffect(() => {
    setMinMql(String(status.settings.minMql));
    setTtl(String(status.settings.cacheTtlMinutes));
    setRule(status.settings.compareRule);
  }, [status.settings.minMql, status.settings.cacheTtlMinutes, status.settings.compareRule]);

  const save = async (event: Event) => {
    event.preventDefault();
    setNote(null);
    const minValue = parseWhole(minMql, SETTING_LIMITS.minMql);
    const ttlValue = parseWhole(ttl, SETTING_LIMITS.cacheTtlMinutes);
    const nextErrors = {
      ...(minValue === null ? { minMql: t('dashboard.minMqlInvalid', { min: SETTING_LIMITS.minMql[0], max: SETTING_LIMITS.minMql[1] }) } : {}),
      ...(ttlValue === null ? { ttl: t('dashboard.ttlInvalid', { min: SETTING_LIMITS.cacheTtlMinutes[0], max: SETTING_LIMITS.cacheTtlMinutes[1] }) } : {}),
    };
    setErrors(nextErrors);
    if (minValue === null || ttlValue === null) return;
    await run(
      async () => props.onStatus(await sendMessage('updateSettings', { minMql: minValue, cacheTtlMinutes: ttlValue, compareRule: rule })),
      t('dashboard.settingsSaved'),
    );
  };

  const clearCache = async () => {
    setNote(null);
    await run(() => sendMessage('clearCache'), t('dashboard.cacheCleared'));
  };

  return (
    <div class="settings-grid">
      <section class="settings-card" aria-labelledby="fl-connection-title">
        <h2 id="fl-connection-title">{t('popup.connectionTitle')}</h2>
        {!status.configured && (
          <p class="demo-notice" role="note">
            {t('popup.demoNotice')}
          </p>
        )}
        <ConnectionForm
          status={status}
          onSaved={(next) => {
            props.onStatus(next);
            props.onDataChanged();
          }}
        />
      </section>

      <section class="settings-card" aria-labelledby="fl-display-title">
        <h2 id="fl-display-title">{t('dashboard.displayTitle')}</h2>
        <form onSubmit={save} noValidate>
          <label for="fl-min-mql">{t('dashboard.minMql')}</label>
          <input
            id="fl-min-mql"
            type="number"
            inputMode="numeric"
            min={SETTING_LIMITS.minMql[0]}
            max={SETTING_LIMITS.minMql[1]}
            step={1}
            value={minMql}
            class="short"
            aria-invalid={errors.minMql ? 'true' : 'false'}
            aria-describedby={errors.minMql ? 'fl-min-mql-error fl-min-mql-help' : 'fl-min-mql-help'}
            onInput={(e) => setMinMql((e.target as HTMLInputElement).value)}
          />
          <p id="fl-min-mql-help" class="muted small help">
            {t('dashboard.minMqlHelp')}
          </p>
          {errors.minMql && (
            <p id="fl-min-mql-error" class="field-error" role="alert">
              {errors.minMql}
            </p>
          )}

          <fieldset>
            <legend>{t('dashboard.ruleTitle')}</legend>
            {COMPARE_RULES.map((value) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`fl-rule-${value}`}
                  name="fl-rule"
                  value={value}
                  checked={rule === value}
                  onChange={() => setRule(value)}
                  aria-describedby={`fl-rule-${value}-help`}
                />
                <label for={`fl-rule-${value}`}>{t(value === 'interval' ? 'dashboard.ruleInterval' : 'dashboard.ruleNonOverlap')}</label>
                <p id={`fl-rule-${value}-help`} class="muted small help">
                  {t(value === 'interval' ? 'dashboard.ruleIntervalHelp' : 'dashboard.ruleNonOverlapHelp')}
                </p>
              </div>
            ))}
          </fieldset>

          <label for="fl-ttl">{t('dashboard.cacheTtl')}</label>
          <input
            id="fl-ttl"
            type="number"
            inputMode="numeric"
            min={SETTING_LIMITS.cacheTtlMinutes[0]}
            max={SETTING_LIMITS.cacheTtlMinutes[1]}
            step={1}
            value={ttl}
            class="short"
            aria-invalid={errors.ttl ? 'true' : 'false'}
            aria-describedby={errors.ttl ? 'fl-ttl-error fl-ttl-help' : 'fl-ttl-help'}
            onInput={(e) => setTtl((e.target as HTMLInputElement).value)}
          />
          <p id="fl-ttl-help" class="muted small help">
            {t('dashboard.cacheTtlHelp')}
          </p>
          {errors.ttl && (
            <p id="fl-ttl-error" class="field-error" role="alert">
              {errors.ttl}
            </p>
          )}

          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('dashboard.saveSettings')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={clearCache}>
              {t('dashboard.clearCache')}
            </button>
          </div>
          <p class={`outcome ${note?.tone ?? ''}`} role="status" aria-live="polite">
            {note?.text ?? ''}
          </p>
        </form>
      </section>

      <div class="settings-card platforms-card">
        <PlatformStatusList
          status={status}
          onChange={(next) => {
            props.onStatus(next);
            props.onDataChanged();
          }}
          onRefreshed={props.onDataChanged}
        />
      </div>
    </div>
  );
}
