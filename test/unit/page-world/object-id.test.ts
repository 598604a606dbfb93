/**
 * The page-world script's reading of React's properties (utils/page-world/object-id.ts). The
 * expandos are set the way React sets them: `__reactProps$<suffix>` and `__reactFiber$<suffix>`.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { objectIdFrom, readReactObjectId } from '../../../utils/page-world/object-id';

function rowElement(): { row: Element; toggle: Element } {
  const { document } = parseHTML('<div class="_219p"><div class="_1gda"><div><input role="switch" type="checkbox"></div></div></div>');
  const row = document.querySelector('._1gda') as unknown as Element;
  return { row, toggle: row.querySelector('[role="switch"]') as unknown as Element };
}

const SUFFIX = 'k3x9q';
function setFiber(node: Element, fiber: unknown): void {
  (node as unknown as Record<string, unknown>)[`__reactFiber$${SUFFIX}`] = fiber;
}
function setProps(node: Element, props: unknown): void {
  (node as unknown as Record<string, unknown>)[`__reactProps$${SUFFIX}`] = props;
}

describe('readReactObjectId', () => {
  it('gives no answer when the row has no React properties, or none with an ID', () => {
    const { row } = rowElement();
    expect(readReactObjectId(row)).toBeNull();
    setProps(row, { className: '_1gda' });
    setFiber(row, { tag: 5, stateNode: row, memoizedProps: { className: '_1gda' }, return: null });
    expect(readReactObjectId(row)).toBeNull();
  });

  it("reads objectID from the row component above the row's host fiber", () => {
    const { row } = rowElement();
    const table = { tag: 5, stateNode: {}, memoizedProps: { objectID: '999999999' }, return: null };
    setFiber(row, { tag: 5, stateNode: row, memoizedProps: {}, return: { tag: 0, memoizedProps: { objectID: '120210942987570608' }, return: table } });
    expect(readReactObjectId(row)).toBe('120210942987570608');
  });

  it("stops at the next host node: the table's props describe no row", () => {
    const { row } = rowElement();
    setFiber(row, { tag: 5, stateNode: row, memoizedProps: {}, return: { tag: 5, memoizedProps: { objectID: '999999999' }, return: null } });
    expect(readReactObjectId(row)).toBeNull();
  });

  it("falls back to the switch's typedObjectID, as a string, a number or { id }", () => {
    for (const typed of ['120000000001', 120000000001, { id: '120000000001' }]) {
      const { row, toggle } = rowElement();
      setProps(toggle, { role: 'switch', typedObjectID: typed });
      expect(readReactObjectId(row)).toBe('120000000001');
    }
  });

  it('ignores values that are not 5 to 20 digits', () => {
    for (const bad of ['12a45678', '1234', '123456789012345678901', ' 1234567', '<img src=x>', -123456, 1.5e3, null, { id: 'x' }]) {
      const { row } = rowElement();
      setProps(row, { objectID: bad });
      expect(readReactObjectId(row), String(bad)).toBeNull();
    }
  });

  it('gives no answer when the row and its switch disagree', () => {
    const { row, toggle } = rowElement();
    setProps(row, { objectID: '120000000001' });
    setProps(toggle, { objectID: '120000000002' });
    // The row's own ID is found first; the switch is only asked when the row has none.
    expect(readReactObjectId(row)).toBe('120000000001');
    const other = rowElement();
    setProps(other.toggle, { objectID: '120000000001', typedObjectID: '120000000002' });
    expect(readReactObjectId(other.row)).toBeNull();
  });
});

describe('objectIdFrom', () => {
  it('accepts digit strings and safe integers only', () => {
    expect(objectIdFrom('1234567890')).toBe('1234567890');
    expect(objectIdFrom(1234567890)).toBe('1234567890');
    expect(objectIdFrom(Number.MAX_SAFE_INTEGER + 2)).toBeNull();
    expect(objectIdFrom(undefined)).toBeNull();
  });
});
