/**
 * The badge's own bookkeeping (issue #26): after it showed the neutral "not sure" state while its
 * row was waiting to be re-read, the next show() must render again, even for the same campaign
 * and data version that it skipped before as unchanged. And what the host page can see of it
 * (issue #18): a closed shadow root, and nothing about the campaign on the host element itself.
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBadge } from '../../../utils/overlay/badge';
import type { BadgeView } from '../../../utils/overlay/badge-view';

const numbers: BadgeView = { text: 'MQL→Won 10% · €75K', tone: 'similar', ariaLabel: 'Spring Sale: 10%', hasDetails: true };
const loading: BadgeView = { text: '…', tone: 'loading', ariaLabel: 'Loading', hasDetails: false };

const globals = globalThis as unknown as { document?: Document };
let previousDocument: Document | undefined;
/** The roots the badges attached, as the badge itself holds them: a closed root is not reachable from its host. */
const roots = new WeakMap<Element, ShadowRoot>();
let restoreAttachShadow = () => undefined as void;
beforeAll(() => {
  previousDocument = globals.document;
  const { document, Element } = parseHTML('<html><body></body></html>') as unknown as { document: Document; Element: typeof globalThis.Element };
  globals.document = document;
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  };
  restoreAttachShadow = () => {
    Element.prototype.attachShadow = attachShadow;
  };
});
afterAll(() => {
  restoreAttachShadow();
  globals.document = previousDocument;
});

function shown(badge: ReturnType<typeof createBadge>) {
  const button = roots.get(badge.host)?.querySelector('button');
  return { text: button?.textContent, tone: button?.getAttribute('data-tone'), popup: button?.getAttribute('aria-haspopup') };
}

describe('badge', () => {
  it('renders a campaign once per data version, and again after showing the unsure state', () => {
    const badge = createBadge({ signal: new AbortController().signal, onOpen: () => undefined, onClose: () => undefined });
    let built = 0;
    const view = () => {
      built++;
      return numbers;
    };
    badge.show('id:1', 3, view);
    expect(shown(badge)).toEqual({ text: numbers.text, tone: 'similar', popup: 'dialog' });
    badge.show('id:1', 3, view);
    expect(built).toBe(1);

    badge.showUnsure(loading);
    expect(shown(badge)).toEqual({ text: '…', tone: 'loading', popup: 'false' });
    expect(badge.key).toBe('id:1');

    // The row turned out to show the same campaign: its numbers come back.
    badge.show('id:1', 3, view);
    expect(built).toBe(2);
    expect(shown(badge)).toEqual({ text: numbers.text, tone: 'similar', popup: 'dialog' });
  });

  it('keeps its numbers and its campaign out of what the host page can read', () => {
    const badge = createBadge({ signal: new AbortController().signal, onOpen: () => undefined, onClose: () => undefined });
    document.body.append(badge.host);
    badge.show('id:1', 1, () => numbers);
    expect(shown(badge).text).toBe(numbers.text);
    expect(badge.host.tagName.toLowerCase()).toBe('funnel-lens-badge');
    // What any script of the page gets: no root, no text, no attribute but the UI language.
    expect(badge.host.shadowRoot).toBeNull();
    expect(badge.host.textContent).toBe('');
    expect(badge.host.getAttributeNames()).toEqual(['lang']);
    badge.destroy();
  });
});
