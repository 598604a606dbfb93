/**
 * The summary's parts a user opens, or that only some pages show, rendered with Preact into slots
 * the always-loaded summary keeps for them (summary.ts). They are part of the on-demand UI
 * (ui-loader.ts): the expanded details (what did not match, the signals found, "Copy
 * diagnostics"), the help under "table layout not recognised", and the range picker.
 */
import { render } from 'preact';
import { t } from '../i18n/t';
import type { Coverage } from '../matching/match';
import type { DateRange } from '../dates/range';
import type { TabRangeChoice } from '../dates/range-choice';
import type { PageContext } from './adapter';
import { diagnosticsText, type DiagnosticsInput } from './diagnostics';
import { healthLine } from './health-line';
import type { HookHealth } from './hooks';
import { isOwnNode } from './shadow';
import { CopyDiagnostics } from './summary-details';
import { RangePicker } from './tab-range-control';
import type { SeenRow } from './seen-row';

export type SummaryExtra =
  | {
      kind: 'details';
      context: PageContext;
      coverage: Coverage;
      seen: ReadonlyMap<string, SeenRow>;
      health: () => HookHealth | null;
      diagnostics: () => DiagnosticsInput;
    }
  | { kind: 'layoutHelp'; health: () => HookHealth | null; diagnostics: () => DiagnosticsInput }
  | { kind: 'rangePicker'; choice: TabRangeChoice | null; range: DateRange; onChoose: (choice: TabRangeChoice) => void };

/** Renders `extra` into `slot` (null empties it). */
export function renderSummaryExtra(slot: Element, extra: SummaryExtra | null): void {
  render(extra && <Extra extra={extra} />, slot);
}

function Extra({ extra }: { extra: SummaryExtra }) {
  if (extra.kind === 'rangePicker') return <RangePicker choice={extra.choice} range={extra.range} onChoose={extra.onChoose} />;
  const diagnostics = () => diagnosticsText(extra.diagnostics(), isOwnNode);
  if (extra.kind === 'layoutHelp') {
    return (
      <>
        <HookHealthDetails health={extra.health()} />
        <CopyDiagnostics diagnostics={diagnostics} />
      </>
    );
  }
  const { context, coverage } = extra;
  const nameOf = (key: string) => extra.seen.get(key)?.name ?? key;
  return (
    <div>
      <div class="muted">{t('summary.range', { from: context.range.from, to: context.range.to })}</div>
      <h3>{t('summary.unmatchedTitle')}</h3>
      <List items={coverage.unmatched.map(nameOf)} />
      {!context.filtered && (
        <>
          <h3>{t('summary.apiOnlyTitle')}</h3>
          <List items={coverage.apiOnly.map((r) => r.name ?? r.id ?? '')} />
        </>
      )}
      {coverage.ambiguous.length > 0 && (
        <>
          <h3>{t('summary.ambiguousTitle')}</h3>
          <List items={coverage.ambiguous.map((a) => a.name)} />
        </>
      )}
      <HookHealthDetails health={extra.health()} />
      <CopyDiagnostics diagnostics={diagnostics} />
    </div>
  );
}

/** Which alternative of each of the adapter's hooks matched: tells "not recognised" apart from "no data". */
function HookHealthDetails({ health }: { health: HookHealth | null }) {
  return (
    <>
      <h3>{t('summary.signalsTitle')}</h3>
      <div class="health">{health ? healthLine(health) : t('summary.noHooks')}</div>
    </>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <div class="muted">{t('summary.none')}</div>;
  const shown = items.slice(0, 50);
  return (
    <ul>
      {shown.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
      {items.length > shown.length && <li class="muted">+{items.length - shown.length}</li>}
    </ul>
  );
}
