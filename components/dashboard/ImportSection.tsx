/**
 * "Import a CRM export": pick a CSV, check the column mapping (a preset fills it in; the user's
 * changes are remembered per header signature), watch the progress or cancel, and read what was
 * imported and which rows were skipped, and why. Also the data-source choice (demo | import |
 * API), always saying which is in use, and "Delete imported data".
 *
 * The file is read in this page and in its worker only; nothing of it is sent anywhere. The
 * worker writes the lead records to the extension's IndexedDB, then the background is told.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n/t';
import type { SkippedRow } from '../../utils/import/map-rows';
import { DEFAULT_PLATFORM_TABLE } from '../../utils/import/platform-table';
import {
  detectPreset,
  headerSignature,
  MAPPING_FIELDS,
  missingFields,
  PRESETS,
  resolvePreset,
  type ColumnMapping,
  type PresetId,
} from '../../utils/import/presets';
import { IMPORT_LIMITS, isSpreadsheetName, previewCsv, sniffBytes, type ImportFailure, type ImportResult } from '../../utils/import/run-import';
import { DEFAULT_STAGE_TABLE, STAGE_MEANINGS } from '../../utils/import/stage-table';
import { parseTableText, tableToText } from '../../utils/import/table-text';
import { PLATFORMS } from '../../utils/api/constants';
import { detectDateOrder } from '../../utils/import/values';
import type { ImportTimings } from '../../utils/import/store-import';
import type { ImportWorkerReply, ImportWorkerRequest } from '../../utils/import/worker-protocol';
// Vite bundles the worker into its own file of the extension (script-src 'self').
import ImportWorker from '../../utils/import/import.worker.ts?worker';
import { sendMessage, type StatusReport } from '../../utils/messaging';
import { formatCount, intlTag, type UiLocale } from '../../utils/i18n/locale';
import { DATA_SOURCES, type DataSourceChoice } from '../../utils/settings/settings';

/** Enough of the file for its header and a sample of dates. */
const PREVIEW_BYTES = 256 * 1024;

interface Preview {
  file: File;
  headers: string[];
  rows: string[][];
  signature: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'mapping' }
  | { kind: 'importing'; fraction: number; rows: number }
  | { kind: 'done'; result: ImportResult; timings: ImportTimings }
  | { kind: 'failed'; failure: ImportFailure };

const SOURCE_LABELS: Record<DataSourceChoice, MessageKey> = {
  demo: 'import.sourceDemoOption',
  import: 'import.sourceImportOption',
  api: 'import.sourceApiOption',
};

function formatTime(at: number, locale: UiLocale): string {
  return new Date(at).toLocaleString(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short' });
}

function failureText(failure: ImportFailure, locale: UiLocale): string {
  switch (failure.kind) {
    case 'xlsx':
      return t('import.xlsx');
    case 'cancelled':
      return t('import.cancelled');
    case 'empty':
      return t('import.empty');
    case 'unreadable':
      return t('import.unreadable', { message: failure.message });
    case 'tooLarge':
      return failure.limit === 'bytes'
        ? t('import.tooLargeBytes', { mb: formatCount(IMPORT_LIMITS.bytes / 2 ** 20, locale) })
        : t('import.tooLargeRows', { rows: formatCount(IMPORT_LIMITS.rows, locale) });
  }
}

/** The file's first bytes as text, or why it cannot be imported. */
async function readPreview(file: File): Promise<Preview | ImportFailure> {
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const sniff = sniffBytes(head);
  if (sniff.spreadsheet || isSpreadsheetName(file.name)) return { kind: 'xlsx' };
  let text = new TextDecoder(sniff.encoding).decode(head);
  // A cut-off last line would look like a short row.
  if (file.size > PREVIEW_BYTES) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const preview = previewCsv(text);
  if (preview.headers.length === 0) return { kind: 'empty' };
  return { file, headers: preview.headers, rows: preview.rows, signature: headerSignature(preview.headers) };
}

export function ImportSection(props: { status: StatusReport; locale: UiLocale; onStatus: (status: StatusReport) => void; onDataChanged: () => void }) {
  const { status, locale } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [presetId, setPresetId] = useState<PresetId | 'custom'>('custom');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [currency, setCurrency] = useState('EUR');
  const [platformText, setPlatformText] = useState('');
  const [stageText, setStageText] = useState('');
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const chooseFile = async (file: File | undefined) => {
    setNote(null);
    setPreview(null);
    if (!file) return setPhase({ kind: 'idle' });
    setPhase({ kind: 'reading' });
    const read = await readPreview(file).catch((error: unknown): ImportFailure => ({ kind: 'unreadable', message: String(error) }));
    if ('kind' in read) return setPhase({ kind: 'failed', failure: read });
    const saved = await sendMessage('getImportMapping', read.signature).catch(() => null);
    const preset = saved ? (PRESETS.find((p) => p.id === saved.presetId) ?? null) : detectPreset(read.headers);
    setPresetId(preset?.id ?? 'custom');
    setMapping(saved?.mapping ?? (preset ? resolvePreset(preset, read.headers) : {}));
    setPlatformText(tableToText(saved?.platforms ?? {}));
    setStageText(tableToText(saved?.stages ?? {}));
    setPreview(read);
    setPhase({ kind: 'mapping' });
  };

  const choosePreset = (id: PresetId | 'custom') => {
    setPresetId(id);
    const preset = PRESETS.find((p) => p.id === id);
    if (preset && preview) setMapping(resolvePreset(preset, preview.headers));
  };

  const missing = missingFields(mapping);
  const extraPlatforms = parseTableText(platformText, PLATFORMS);
  const extraStages = parseTableText(stageText, STAGE_MEANINGS);
  const tablesValid = extraPlatforms.badLines.length === 0 && extraStages.badLines.length === 0;
  const currencyValid = /^[A-Z]{3}$/.test(currency.trim().toUpperCase());

  const start = async (event: Event) => {
    event.preventDefault();
    if (!preview || missing.length > 0 || !currencyValid || !tablesValid) return;
    const columnOf = (field: keyof ColumnMapping) => preview.headers.indexOf(mapping[field] ?? '');
    const dateColumns = (['createdAt', 'closedAt', 'mqlDate', 'sqlDate', 'meetingDate', 'wonDate'] as const).map(columnOf).filter((i) => i >= 0);
    const dateOrder = detectDateOrder(preview.rows.flatMap((row) => dateColumns.map((i) => row[i] ?? '')));
    await sendMessage('saveImportMapping', {
      signature: preview.signature,
      presetId: presetId === 'custom' ? null : presetId,
      mapping,
      platforms: extraPlatforms.table,
      stages: extraStages.table,
      savedAt: Date.now(),
    }).catch(() => undefined);

    worker.current?.terminate();
    const w = new ImportWorker();
    worker.current = w;
    setPhase({ kind: 'importing', fraction: 0, rows: 0 });
    w.addEventListener('message', (message: MessageEvent<ImportWorkerReply>) => {
      const reply = message.data;
      if (reply.type === 'progress') return setPhase({ kind: 'importing', fraction: reply.fraction, rows: reply.rows });
      w.terminate();
      if (worker.current === w) worker.current = null;
      if (reply.type === 'failed') return setPhase({ kind: 'failed', failure: reply.failure });
      setPhase({ kind: 'done', result: reply.result, timings: reply.timings });
      void sendMessage('importChanged').then(
        (next) => {
          props.onStatus(next);
          props.onDataChanged();
        },
        () => setNote({ tone: 'error', text: t('error.background_unavailable') }),
      );
    });
    w.addEventListener('error', (error) => setPhase({ kind: 'failed', failure: { kind: 'unreadable', message: error.message } }));
    w.postMessage({
      type: 'start',
      file: preview.file,
      fileName: preview.file.name,
      mapping,
      platforms: { ...DEFAULT_PLATFORM_TABLE, ...extraPlatforms.table },
      stages: { ...DEFAULT_STAGE_TABLE, ...extraStages.table },
      dateOrder,
      currency: currency.trim().toUpperCase(),
    } satisfies ImportWorkerRequest);
  };

  const cancel = () => worker.current?.postMessage({ type: 'cancel' } satisfies ImportWorkerRequest);

  const chooseSource = async (dataSource: DataSourceChoice) => {
    setNote(null);
    try {
      props.onStatus(await sendMessage('updateSettings', { dataSource }));
      props.onDataChanged();
    } catch {
      setNote({ tone: 'error', text: t('error.background_unavailable') });
    }
  };

  const deleteAll = async () => {
    if (!window.confirm(t('import.deleteConfirm'))) return;
    try {
      props.onStatus(await sendMessage('deleteImport'));
      props.onDataChanged();
      setPhase({ kind: 'idle' });
      setNote({ tone: 'ok', text: t('import.deleted') });
    } catch {
      setNote({ tone: 'error', text: t('error.background_unavailable') });
    }
  };

  const info = status.importInfo;
  const inUse =
    status.settings.dataSource === 'import' && info
      ? t('import.inUseImport', { file: info.fileName, at: formatTime(info.importedAt, locale), leads: formatCount(info.leads, locale) })
      : status.settings.dataSource === 'api' && status.configured
        ? t('import.inUseApi')
        : t('import.inUseDemo');
  const busy = phase.kind === 'importing' || phase.kind === 'reading';

  return (
    <div class="settings-grid import-section">
      <section class="settings-card" aria-labelledby="fl-import-title">
        <h2 id="fl-import-title">{t('import.title')}</h2>
        <p class="muted small">{t('import.intro')}</p>
        <label for="fl-import-file">{t('import.fileLabel')}</label>
        <input
          id="fl-import-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          disabled={busy}
          onChange={(e) => void chooseFile((e.target as HTMLInputElement).files?.[0])}
        />

        {phase.kind === 'reading' && <p role="status">{t('import.reading')}</p>}

        {preview && (phase.kind === 'mapping' || phase.kind === 'failed' || phase.kind === 'done') && (
          <form onSubmit={(e) => void start(e)} noValidate class="import-mapping">
            <label for="fl-import-preset">{t('import.presetLabel')}</label>
            <select id="fl-import-preset" value={presetId} onChange={(e) => choosePreset((e.target as HTMLSelectElement).value as PresetId | 'custom')}>
              {PRESETS.map((p) => (
                <option value={p.id}>{p.label}</option>
              ))}
              <option value="custom">{t('import.presetCustom')}</option>
            </select>

            <details open={presetId === 'custom' || missing.length > 0}>
              <summary>{t('import.mappingTitle')}</summary>
              <p class="muted small help">{t('import.mappingHelp')}</p>
              <div class="mapping-grid">
                {MAPPING_FIELDS.map((field) => (
                  <div class="mapping-row">
                    <label for={`fl-map-${field}`}>{t(`import.field.${field}` as MessageKey)}</label>
                    <select
                      id={`fl-map-${field}`}
                      value={mapping[field] ?? ''}
                      onChange={(e) => {
                        const value = (e.target as HTMLSelectElement).value;
                        setMapping((m) => {
                          const next = { ...m };
                          if (value) next[field] = value;
                          else delete next[field];
                          return next;
                        });
                      }}
                    >
                      <option value="">{t('import.notMapped')}</option>
                      {preview.headers.map((h) => (
                        <option value={h}>{h}</option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </details>
            {missing.length > 0 && (
              <p class="field-error" role="alert">
                {t('import.missing', { fields: missing.map((f) => t(`import.need.${f}` as MessageKey)).join(', ') })}
              </p>
            )}

            <details open={!tablesValid}>
              <summary>{t('import.tablesTitle')}</summary>
              <label for="fl-import-platforms">{t('import.platformTable', { meanings: PLATFORMS.join(', ') })}</label>
              <textarea
                id="fl-import-platforms"
                rows={3}
                value={platformText}
                placeholder="bing = google_ads"
                aria-invalid={extraPlatforms.badLines.length > 0 ? 'true' : 'false'}
                onInput={(e) => setPlatformText((e.target as HTMLTextAreaElement).value)}
              />
              {extraPlatforms.badLines.length > 0 && (
                <p class="field-error" role="alert">
                  {t('import.tableBadLines', { lines: extraPlatforms.badLines.join(', ') })}
                </p>
              )}
              <label for="fl-import-stages">{t('import.stageTable', { meanings: STAGE_MEANINGS.join(', ') })}</label>
              <textarea
                id="fl-import-stages"
                rows={3}
                value={stageText}
                placeholder="Demo booked = meeting"
                aria-invalid={extraStages.badLines.length > 0 ? 'true' : 'false'}
                onInput={(e) => setStageText((e.target as HTMLTextAreaElement).value)}
              />
              {extraStages.badLines.length > 0 && (
                <p class="field-error" role="alert">
                  {t('import.tableBadLines', { lines: extraStages.badLines.join(', ') })}
                </p>
              )}
            </details>

            <label for="fl-import-currency">{t('import.currencyLabel')}</label>
            <input
              id="fl-import-currency"
              class="short"
              value={currency}
              maxLength={3}
              aria-invalid={currencyValid ? 'false' : 'true'}
              onInput={(e) => setCurrency((e.target as HTMLInputElement).value)}
            />
            {!currencyValid && (
              <p class="field-error" role="alert">
                {t('import.currencyInvalid')}
              </p>
            )}

            <div class="actions">
              <button type="submit" disabled={missing.length > 0 || !currencyValid || !tablesValid}>
                {t('import.start')}
              </button>
            </div>
          </form>
        )}

        {phase.kind === 'importing' && (
          <div class="import-progress">
            <div
              class="load-progress"
              role="progressbar"
              aria-label={t('import.title')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(phase.fraction * 100)}
              aria-valuetext={t('import.progress', { rows: formatCount(phase.rows, locale) })}
            >
              <span style={{ width: `${Math.max(2, phase.fraction * 100)}%` }} />
            </div>
            <p role="status">{t('import.progress', { rows: formatCount(phase.rows, locale) })}</p>
            <button type="button" class="secondary" onClick={cancel}>
              {t('import.cancel')}
            </button>
          </div>
        )}

        {phase.kind === 'failed' && (
          <p class="problem" role="alert">
            {failureText(phase.failure, locale)}
          </p>
        )}
        {phase.kind === 'done' && <ImportOutcome result={phase.result} timings={phase.timings} locale={locale} />}
      </section>

      <section class="settings-card" aria-labelledby="fl-source-title">
        <h2 id="fl-source-title">{t('import.sourceTitle')}</h2>
        <p class="source-in-use" role="status">
          {inUse}
        </p>
        <fieldset>
          <legend class="muted small">{t('import.sourceHelp')}</legend>
          {DATA_SOURCES.map((value) => {
            const unavailable = (value === 'import' && !info) || (value === 'api' && !status.configured);
            return (
              <div class="radio">
                <input
                  type="radio"
                  id={`fl-source-${value}`}
                  name="fl-source"
                  value={value}
                  checked={status.settings.dataSource === value}
                  disabled={unavailable}
                  onChange={() => void chooseSource(value)}
                />
                <label for={`fl-source-${value}`}>{t(SOURCE_LABELS[value])}</label>
                {unavailable && <p class="muted small help">{t(value === 'import' ? 'import.sourceNoImport' : 'import.sourceNoApi')}</p>}
              </div>
            );
          })}
        </fieldset>
        <p class="muted small">{t('import.privacy')}</p>
        <div class="actions">
          <button type="button" class="secondary" disabled={!info || busy} onClick={() => void deleteAll()}>
            {t('import.delete')}
          </button>
        </div>
        <p class={`outcome ${note?.tone ?? ''}`} role="status" aria-live="polite">
          {note?.text ?? ''}
        </p>
      </section>
    </div>
  );
}

function ImportOutcome({ result, timings, locale }: { result: ImportResult; timings: ImportTimings; locale: UiLocale }) {
  const leads = formatCount(result.leads, locale);
  return (
    // The timings are for `npm run bench` (test/bench/measures/import.ts), not shown.
    <div class="import-outcome" data-total-ms={Math.round(timings.total)} data-store-ms={Math.round(timings.store)}>
      <p class="outcome ok" role="status">
        {result.skippedCount > 0 ? t('import.done', { leads, skipped: formatCount(result.skippedCount, locale) }) : t('import.doneNoSkips', { leads })}
      </p>
      {result.skippedCount > 0 && (
        <details>
          <summary>{t('import.showSkipped')}</summary>
          <table class="skipped-rows">
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('import.colLine')}
                </th>
                <th scope="col">{t('import.colReason')}</th>
                <th scope="col">{t('import.colColumn')}</th>
                <th scope="col">{t('import.colValue')}</th>
              </tr>
            </thead>
            <tbody>
              {result.skipped.map((row: SkippedRow) => (
                <tr data-line={row.line}>
                  <td class="num">{row.line}</td>
                  <td>{t(`import.reason.${row.reason}` as MessageKey)}</td>
                  <td>{row.column}</td>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.skippedCount > result.skipped.length && (
            <p class="muted small">{t('import.skippedMore', { n: formatCount(result.skippedCount - result.skipped.length, locale) })}</p>
          )}
        </details>
      )}
    </div>
  );
}
