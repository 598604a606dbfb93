/**
 * "Copy diagnostics": what a user can paste into a bug report when Funnel Lens does not recognise
 * a page. It holds the shape of the table and what the adapter found, and nothing of the data:
 * - a skeleton of the table: tag names, ARIA roles, the names of data-* attributes (digits masked),
 *   class names (runs of three or more digits masked), the names of inline style properties, and the path shape
 *   of links (every segment with a digit becomes `#`; no query, no fragment);
 * - no text content, no attribute values (but roles), no numbers, no campaign names, no IDs;
 * - the extension's version, the hook health, and the page context (platform, level, the date
 *   range and where it was read, whether an account ID was read: not the ID itself).
 */
import type { PageContext } from './adapter';
import { HOOK_NAMES, type HookHealth } from './hooks';

export interface DiagnosticsInput {
  version: string;
  context: PageContext | null;
  /** The page's path (location.pathname); only its shape is kept. */
  path: string;
  health: HookHealth | null;
  fallback: boolean;
  rowsRead: number;
  /** The table the engine watches, or null when none was found. */
  table: Element | null;
}

/** Elements described at most, and how deep below the table. */
const MAX_LINES = 400;
const MAX_DEPTH = 14;
/** Siblings in a row with the same skeleton are described once, with their count. */
const ROLE = /^[a-z]{1,20}$/;
const CLASS_TOKEN = /^-?[A-Za-z_][\w-]{0,47}$/;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_.:-]{0,47}$/;

const maskDigits = (text: string) => text.replace(/\d+/g, '#');
/** In class names only runs of three or more digits (an ID, a count): `_1gda` and `x1n2onr6` stay readable. */
const maskDigitRuns = (text: string) => text.replace(/\d{3,}/g, '#');

/** A URL's path with every segment holding a digit (an ID, a date) as `#`, others kept if short. */
export function pathShape(url: string): string {
  let path: string;
  try {
    path = new URL(url, 'https://x.invalid').pathname;
  } catch {
    return '?';
  }
  return path
    .split('/')
    .map((segment) => (segment === '' ? '' : /\d/.test(segment) ? '#' : /^[A-Za-z_-]{1,32}$/.test(segment) ? segment : '*'))
    .join('/');
}

/** One element as a line: `div role=row .cls data-[surface] style(transform) href=/a/#`. */
function describeElement(element: Element): string {
  const parts = [element.tagName.toLowerCase().replace(/[^a-z0-9-]/g, '')];
  const role = element.getAttribute('role');
  if (role && ROLE.test(role)) parts.push(`role=${role}`);
  const classes = [...element.classList].filter((c) => CLASS_TOKEN.test(c)).map(maskDigitRuns);
  if (classes.length > 0) parts.push(classes.map((c) => `.${c}`).join(''));
  const dataKeys = element
    .getAttributeNames()
    .filter((name) => name.startsWith('data-') && ATTRIBUTE_NAME.test(name))
    .map(maskDigits);
  if (dataKeys.length > 0) parts.push(`[${dataKeys.join(' ')}]`);
  const others = element
    .getAttributeNames()
    .filter((name) => !name.startsWith('data-') && !['class', 'style', 'role', 'href', 'id'].includes(name) && ATTRIBUTE_NAME.test(name))
    .map(maskDigits);
  if (others.length > 0) parts.push(`attrs(${others.join(' ')})`);
  const style = (element as HTMLElement).style;
  if (style && style.length > 0) {
    const properties: string[] = [];
    for (let i = 0; i < style.length; i++) properties.push(style[i] as string);
    parts.push(`style(${properties.join(' ')})`);
  }
  const href = element.getAttribute('href');
  if (href !== null) parts.push(`href=${pathShape(href)}`);
  if ([...element.childNodes].some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim())) parts.push('#text');
  return parts.join(' ');
}

/**
 * The table's redacted skeleton, one element per line, indented by depth. Runs of siblings with
 * the same skeleton (rows) are described once with their count (`×12`).
 */
export function tableSkeleton(table: Element, isOwn: (node: Node) => boolean): string {
  const lines: string[] = [];
  const walk = (element: Element, depth: number): string[] => {
    const own = [`${'  '.repeat(depth)}${describeElement(element)}`];
    if (depth >= MAX_DEPTH) return own;
    let previous: string | null = null;
    let repeat = 0;
    const flush = (block: string[] | null) => {
      if (previous !== null) {
        const [first = '', ...rest] = previous.split('\n');
        own.push(repeat > 1 ? `${first} ×${repeat}` : first, ...rest);
      }
      previous = block ? block.join('\n') : null;
      repeat = block ? 1 : 0;
    };
    for (const child of element.children) {
      if (isOwn(child)) continue;
      const block = walk(child, depth + 1);
      if (previous !== null && block.join('\n') === previous) repeat++;
      else flush(block);
    }
    flush(null);
    return own;
  };
  for (const line of walk(table, 0)) {
    if (lines.length >= MAX_LINES) {
      lines.push('…');
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The whole report, as plain text. */
export function diagnosticsText(input: DiagnosticsInput, isOwn: (node: Node) => boolean): string {
  const { context, health } = input;
  const lines = ['Funnel Lens diagnostics', `version: ${input.version}`, `page path: ${pathShape(input.path)}`];
  if (context) {
    lines.push(
      `platform: ${context.platform}`,
      `level: ${context.level}`,
      `date range: ${context.range.from} – ${context.range.to} (${context.rangeAssumed ? 'assumed' : (context.rangeSource ?? 'read')})`,
      `account ID read: ${context.accountId !== null ? 'yes' : 'no'}`,
      `filtered list: ${context.filtered ? 'yes' : 'no'}`,
    );
  } else {
    lines.push('page context: not a list page');
  }
  lines.push(
    `hook health: ${
      health
        ? HOOK_NAMES.filter((h) => h in health)
            .map((h) => `${h}=${health[h] ?? 'missing'}`)
            .join(', ')
        : 'not declared'
    }`,
  );
  lines.push(`badges from the fallback finder: ${input.fallback ? 'yes' : 'no'}`, `rows read: ${input.rowsRead}`);
  lines.push('table skeleton:', input.table ? tableSkeleton(input.table, isOwn) : '(no table found)');
  return lines.join('\n');
}
