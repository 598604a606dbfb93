/**
 * The popup: set up the API in under a minute, see the status, and the one-glance answer
 * "which channel brings leads that close". Nothing here waits for the network before the first
 * paint: the status and the channels fill in as they arrive.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n/t';
import { sendMessage, type StatusReport } from '../utils/messaging';
import { ChannelComparison } from './ChannelComparison';
import { ConnectionForm } from './ConnectionForm';
import { formatCount, intlTag, type UiLocale } from '../utils/i18n/locale';
import { PlatformStatusList } from './PlatformStatusList';
import { TabHealth } from './TabHealth';

export function PopupApp({ locale }: { locale: UiLocale }) {
  const [status, setStatus] = useState<StatusReport | null>(null);
  const [refreshToken, setRefreshToken] = useState(0);

  useEffect(() => {
    void sendMessage('getStatus').then(setStatus);
  }, []);

  const onSaved = (next: StatusReport) => {
    setStatus(next);
    setRefreshToken((n) => n + 1);
  };

  return (
    <div class="popup">
      <header>
        <h1>{t('popup.title')}</h1>
      </header>
      <TabHealth />
      {status === null ? (
        <div class="progress" role="progressbar" aria-busy="true" aria-label="…">
          <span />
        </div>
      ) : (
        <>
          <SourceInUse status={status} locale={locale} />
          <section aria-labelledby="fl-connection-title">
            <h2 id="fl-connection-title">{t('popup.connectionTitle')}</h2>
            <ConnectionForm status={status} onSaved={onSaved} />
          </section>
          <PlatformStatusList status={status} onChange={setStatus} onRefreshed={() => setRefreshToken((n) => n + 1)} />
        </>
      )}
      <ChannelComparison locale={locale} refreshToken={refreshToken} />
    </div>
  );
}

/** Which source the numbers come from, and the way to an import. */
function SourceInUse({ status, locale }: { status: StatusReport; locale: UiLocale }) {
  const info = status.importInfo;
  const importLink = (
    <a href="/options.html#tab=import" target="_blank" rel="noopener">
      {t('import.popupLink')}
    </a>
  );
  if (status.settings.dataSource === 'import' && info) {
    const at = new Date(info.importedAt).toLocaleString(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short' });
    return (
      <p class="source-in-use" role="note">
        {t('import.inUseImport', { file: info.fileName, at, leads: formatCount(info.leads, locale) })} · {importLink}
      </p>
    );
  }
  if (status.settings.dataSource === 'api' && status.configured) return <p class="source-in-use muted">{importLink}</p>;
  return (
    <p class="demo-notice" role="note">
      {t('popup.demoNotice')} {importLink}
    </p>
  );
}
