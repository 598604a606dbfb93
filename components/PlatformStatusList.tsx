/** Per platform: the enabled toggle, the last update and the last error; and "Refresh now". */
import { useState } from 'preact/hooks';
import { PLATFORMS } from '../utils/api/constants';
import { errorText } from '../utils/i18n/error-text';
import { t } from '../utils/i18n/t';
import { sendMessage, type StatusReport } from '../utils/messaging';
import { formatAge } from '../utils/overlay/age';

export function PlatformStatusList(props: { status: StatusReport; onChange: (status: StatusReport) => void; onRefreshed: () => void }) {
  const { status } = props;
  const [note, setNote] = useState('');

  const toggle = async (platform: (typeof PLATFORMS)[number], enabled: boolean) => {
    const next = await sendMessage('updateSettings', {
      enabledPlatforms: { ...status.settings.enabledPlatforms, [platform]: enabled },
    });
    props.onChange(next);
  };

  const refresh = async () => {
    props.onChange(await sendMessage('refreshNow'));
    setNote(t('popup.refreshed'));
    props.onRefreshed();
  };

  return (
    <section aria-labelledby="fl-status-title">
      <div class="section-head">
        <h2 id="fl-status-title">{t('popup.statusTitle')}</h2>
        <button type="button" class="secondary" onClick={refresh}>
          {t('popup.refresh')}
        </button>
      </div>
      <ul class="status-list">
        {PLATFORMS.map((platform) => {
          const s = status.platforms[platform];
          const id = `fl-enabled-${platform}`;
          return (
            <li data-platform={platform}>
              <input id={id} type="checkbox" checked={s.enabled} onChange={(e) => void toggle(platform, (e.target as HTMLInputElement).checked)} />
              <label for={id}>{t('popup.enabled', { platform: t(`platform.${platform}`) })}</label>
              <span class="muted small">{s.lastUpdate ? t('popup.lastUpdate', { age: formatAge(s.lastUpdate, Date.now()) }) : t('popup.never')}</span>
              {s.lastError && <p class="field-error small">{errorText(s.lastError)}</p>}
            </li>
          );
        })}
      </ul>
      <p class="muted small" role="status" aria-live="polite">
        {note}
      </p>
    </section>
  );
}
