/**
 * The popup's view of the current tab: how Funnel Lens reads that ad manager's page (hook
 * health), asked of the tab's content script. Nothing is shown on any other page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { platformOfPage } from '../utils/adapters/page-platform';
import { t } from '../utils/i18n/t';
import { sendMessage, type PageHealthReport } from '../utils/messaging';
import { healthLine } from '../utils/overlay/health-line';

export function TabHealth() {
  const [report, setReport] = useState<PageHealthReport | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        // The tab's URL is visible only on the ad managers (host permissions): ask only there,
        // where a content script can answer.
        if (tab?.id === undefined || !tab.url || platformOfPage(tab.url) === null) return;
        setReport(await sendMessage('pageHealth', undefined, tab.id));
      } catch {
        // No overlay in this tab (not an ad manager's list page): nothing to say.
      }
    })();
  }, []);
  if (!report) return null;
  return (
    <section aria-labelledby="fl-tab-title" class="tab-health">
      <h2 id="fl-tab-title">{t('popup.tabHealthTitle')}</h2>
      <p>
        {report.layoutUnknown
          ? t('summary.layoutUnknown')
          : report.fallback
            ? t('popup.tabFallback', { rows: report.rows })
            : t('popup.tabRows', { rows: report.rows })}
      </p>
      {report.health && <p class="muted health">{healthLine(report.health)}</p>}
    </section>
  );
}
