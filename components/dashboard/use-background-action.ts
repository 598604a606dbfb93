/**
 * A settings form's call to the background: busy while it runs, then "saved"-style note and a
 * data reload, or the "background unavailable" message. One home for the forms of the settings tab.
 */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n/t';

export type Note = { tone: 'ok' | 'error'; text: string };

export function useBackgroundAction(onDataChanged: () => void) {
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, doneText: string) => {
    setBusy(true);
    try {
      await action();
      setNote({ tone: 'ok', text: doneText });
      onDataChanged();
    } catch {
      setNote({ tone: 'error', text: t('error.background_unavailable') });
    } finally {
      setBusy(false);
    }
  };
  return { note, setNote, busy, run };
}
