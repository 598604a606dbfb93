/**
 * API URL + key, Save and Test connection. One implementation, used by the popup and by the
 * dashboard's settings. The key goes to the background and is never read back: the form only
 * learns whether one is saved.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { validateBaseUrl, type BaseUrlCheck } from '../utils/api/client';
import { originPattern, needsOptionalPermission, requestOriginPermission, type PermissionOutcome } from '../utils/permissions/origin-permission';
import { t, type MessageKey } from '../utils/i18n/t';
import { sendMessage, type StatusReport } from '../utils/messaging';
import { errorText } from '../utils/i18n/error-text';

const URL_PROBLEMS: Record<Extract<BaseUrlCheck, { ok: false }>['reason'], MessageKey> = {
  invalid: 'popup.urlInvalid',
  insecure: 'popup.urlInsecure',
  credentials: 'popup.urlCredentials',
  fragment: 'popup.urlFragment',
  query: 'popup.urlQuery',
};

type Outcome = { tone: 'ok' | 'error' | 'info'; text: string } | null;

export function ConnectionForm(props: { status: StatusReport; onSaved: (status: StatusReport) => void }) {
  const { status } = props;
  const [url, setUrl] = useState(status.apiBaseUrl ?? '');
  const [key, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  /** Checks the form before anything is sent; returns the normalised URL or null. */
  const validate = (): string | null => {
    const check = validateBaseUrl(url);
    setUrlError(check.ok ? null : t(URL_PROBLEMS[check.reason]));
    // A blank key keeps the saved one, which the background sends to its own origin only.
    const savedOrigin = status.hasKey && status.apiBaseUrl ? new URL(status.apiBaseUrl).origin : null;
    const keyOk = key.trim() !== '' || (savedOrigin !== null && (!check.ok || check.url.origin === savedOrigin));
    setKeyError(keyOk ? null : savedOrigin ? t('popup.keyForNewOrigin', { origin: savedOrigin }) : t('popup.keyMissing'));
    return check.ok && keyOk ? check.url.href.replace(/\/+$/, '') : null;
  };

  /** Must run inside the click: browsers only show the permission prompt for a user gesture. */
  const ensurePermission = async (baseUrl: string): Promise<boolean> => {
    const outcome = await requestOriginPermission(baseUrl);
    if (outcome !== 'granted') setOutcome({ tone: 'error', text: permissionProblemText(outcome, baseUrl) });
    return outcome === 'granted';
  };

  const onTest = async () => {
    setOutcome(null);
    const baseUrl = validate();
    if (!baseUrl) return;
    if (!(await ensurePermission(baseUrl))) return;
    setBusy('test');
    try {
      const result = await sendMessage('testConnection', { baseUrl, apiKey: key });
      setOutcome(
        result.ok
          ? {
              tone: 'ok',
              text: t('popup.connected', {
                name: result.meta.name,
                currency: result.meta.currency,
                stages: result.meta.stages.map((s) => s.label).join(', '),
              }),
            }
          : { tone: 'error', text: errorText(result.error) },
      );
    } finally {
      setBusy(null);
    }
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    setOutcome(null);
    const baseUrl = validate();
    if (!baseUrl) return;
    if (!(await ensurePermission(baseUrl))) return;
    setBusy('save');
    try {
      const previous = status.apiBaseUrl;
      const next = await sendMessage('saveConnection', { baseUrl, apiKey: key });
      await giveBackPermission(previous, baseUrl);
      setKey('');
      setOutcome({ tone: 'ok', text: t('popup.saved') });
      props.onSaved(next);
    } finally {
      setBusy(null);
    }
  };

  const onDisconnect = async () => {
    setBusy('save');
    try {
      const previous = status.apiBaseUrl;
      const next = await sendMessage('saveConnection', { baseUrl: null, apiKey: '' });
      await giveBackPermission(previous, null);
      setUrl('');
      setKey('');
      setOutcome({ tone: 'info', text: t('popup.disconnected') });
      props.onSaved(next);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form class="connection" onSubmit={onSave} noValidate>
      <label for="fl-api-url">{t('popup.apiUrl')}</label>
      <input
        id="fl-api-url"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellcheck={false}
        placeholder={t('popup.apiUrlHint')}
        value={url}
        aria-invalid={urlError ? 'true' : 'false'}
        aria-describedby={urlError ? 'fl-api-url-error' : undefined}
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
      />
      {urlError && (
        <p id="fl-api-url-error" class="field-error" role="alert">
          {urlError}
        </p>
      )}

      <label for="fl-api-key">{t('popup.apiKey')}</label>
      <div class="key-row">
        <input
          id="fl-api-key"
          type={showKey ? 'text' : 'password'}
          autoComplete="off"
          spellcheck={false}
          placeholder={status.hasKey ? t('popup.apiKeySaved') : ''}
          value={key}
          aria-invalid={keyError ? 'true' : 'false'}
          aria-describedby={keyError ? 'fl-api-key-error' : undefined}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
        />
        <button type="button" class="secondary" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
          {showKey ? t('popup.hideKey') : t('popup.showKey')}
        </button>
      </div>
      {keyError && (
        <p id="fl-api-key-error" class="field-error" role="alert">
          {keyError}
        </p>
      )}

      <div class="actions">
        <button type="submit" disabled={busy !== null}>
          {busy === 'save' ? t('popup.saving') : t('popup.save')}
        </button>
        <button type="button" class="secondary" disabled={busy !== null} onClick={onTest}>
          {busy === 'test' ? t('popup.testing') : t('popup.test')}
        </button>
      </div>
      {status.configured && (
        <button type="button" class="link" disabled={busy !== null} onClick={onDisconnect}>
          {t('popup.disconnect')}
        </button>
      )}
      <p class={`outcome ${outcome?.tone ?? ''}`} role="status" aria-live="polite">
        {outcome?.text ?? ''}
      </p>
    </form>
  );
}

/** A permission we asked for an old origin is given back once the URL moves elsewhere. */
async function giveBackPermission(previous: string | null, next: string | null): Promise<void> {
  if (!previous || !needsOptionalPermission(previous)) return;
  const oldPattern = originPattern(previous);
  if (!oldPattern || (next && originPattern(next) === oldPattern)) return;
  await browser.permissions.remove({ origins: [oldPattern] }).catch(() => false);
}

/** What the popup says when the API origin's permission was not granted, or could not be asked for. */
export function permissionProblemText(outcome: Exclude<PermissionOutcome, 'granted'>, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  return outcome === 'denied' ? t('popup.permissionDenied', { origin }) : t('popup.permissionFailed', { origin });
}
