/**
 * The badge's own bookkeeping (issue #26): after it showed the neutral "not sure" state while its
 * row was waiting to be re-read, the next show() must render again, even for the same campaign
 * and data version that it skipped before as unchanged.
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBadge } from '../../../utils/overlay/badge';
import type { BadgeView } from '../../../utils/overlay/badge-view';

const numbers: BadgeView = { text: 'MQL→Won 10% · €75K', tone: 'similar', ariaLabel: 'Spring Sale: 10%', hasDetails: true };
const loading: BadgeView = { text: '…', tone: 'loading', ariaLabel: 'Loading', hasDetails: false };

const globals = globalThis as unknown as { document?: Document };
let previousDocument: Document | undefined;
beforeAll(() => {
  previousDocument = globals.document;
  globals.document = parseHTML('<html><body></body></html>').document as unknown as Document;
});
afterAll(() => {
  globals.document = previousDocument;
});

function shown(badge: ReturnType<typeof createBadge>) {
  const button = badge.host.shadowRoot?.querySelector('button');
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
});
