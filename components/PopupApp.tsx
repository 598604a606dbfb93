/**
 * The popup: set up the API in under a minute, see the status, and the one-glance answer
 * "which channel brings leads that close". Nothing here waits for the network before the first
 * paint: the status and the channels fill in as they arrive.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n/t';
import { sendMessage, type StatusReport } from '../utils/messaging';
import type { UiLocale } from '../utils/overlay/locale';
import { ChannelComparison } from './ChannelComparison';
import { ConnectionForm } from './ConnectionForm';
import { PlatformStatusList } from './PlatformStatusList';

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
      {status === null ? (
        <div class="progress" role="progressbar" aria-busy="true" aria-label="…"><span /></div>
      ) : (
        <>
          {!status.configured && <p class="demo-notice" role="note">{t('popup.demoNotice')}</p>}
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
