/** "Copy diagnostics", in the summary's details (part of the on-demand UI, ui-loader.ts). */
import { useState } from 'preact/hooks';
import { t } from '../i18n/t';

/**
 * Copies the redacted diagnostics (diagnostics.ts) for a bug report. Where the page does not let
 * us write the clipboard, the text is shown selected instead, for the user to copy.
 */
export function CopyDiagnostics({ diagnostics }: { diagnostics: () => string }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string }>({ kind: 'idle' });
  const copy = () => {
    const text = diagnostics();
    const manual = () => setState({ kind: 'manual', text });
    try {
      navigator.clipboard.writeText(text).then(() => setState({ kind: 'copied' }), manual);
    } catch {
      manual();
    }
  };
  return (
    <div class="msg">
      <button type="button" class="retry diagnostics" onClick={copy}>
        {t('summary.copyDiagnostics')}
      </button>
      {state.kind === 'copied' && (
        <span class="muted" role="status">
          {' '}
          {t('summary.diagnosticsCopied')}
        </span>
      )}
      {state.kind === 'manual' && (
        <>
          <div class="muted" role="status">
            {t('summary.diagnosticsManual')}
          </div>
          <textarea class="diagnostics-text" readOnly rows={6} aria-label={t('summary.copyDiagnostics')} value={state.text} ref={(el) => el?.select()} />
        </>
      )}
    </div>
  );
}
