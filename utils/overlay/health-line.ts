/**
 * The hook health as one line a user reads ("table: data-surface ✓ · rows: structure ✓ · IDs:
 * React ✓ · spend: not found ✗ …"), for the page summary and the popup.
 */
import { t } from '../i18n/t';
import { HOOK_NAMES, type HookHealth } from './hooks';

/** Hook alternatives that read better translated; the others are the page's own technical names. */
const HOOK_ALTERNATIVE_KEYS: Record<string, Parameters<typeof t>[0]> = {
  role: 'hookAlt.role',
  structure: 'hookAlt.structure',
  react: 'hookAlt.react',
  'header text': 'hookAlt.headerText',
  url: 'hookAlt.url',
  label: 'hookAlt.label',
  inputs: 'hookAlt.inputs',
  link: 'hookAlt.link',
  'ID column': 'hookAlt.idColumn',
  fallback: 'hookAlt.fallback',
};

/** "rows: data-surface ✓ · IDs: React ✓ · spend: ✗ · …", one part per declared hook. */
export function healthLine(health: HookHealth): string {
  return HOOK_NAMES.filter((hook) => hook in health)
    .map((hook) => {
      const matched = health[hook] ?? null;
      const label = t(`hook.${hook}`);
      if (matched === null) return `${label}: ${t('hook.missing')} ✗`;
      return `${label}: ${HOOK_ALTERNATIVE_KEYS[matched] ? t(HOOK_ALTERNATIVE_KEYS[matched]) : matched} ✓`;
    })
    .join(' · ');
}
