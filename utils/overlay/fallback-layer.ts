/**
 * The fallback finder's own layer (issue 17): for a name with no safe spot in its row (its parent
 * lays out cells, so a badge inserted there would become a cell of its own, or be pushed out of
 * sight), the badge goes into a spot of ours instead, a fixed-position box aligned to the right of
 * the name's visible box, in one layer element of ours above the page.
 *
 * A spot belongs to a row band (the row node), not to a campaign: the engine keeps its badge per
 * row node and re-reads which campaign the row shows on every change, exactly as for badges in
 * rows, so a recycled row's spot shows the new campaign in the same pass. Spots are re-aligned
 * after layout in the frame anything moved (a scroll anywhere, a resize, a pass of the engine):
 * a ResizeObserver callback runs after the page's own scroll handlers and animation frames, and
 * before paint, so a spot never trails its name by a frame.
 */
import { createBareShadowHost } from './shadow';

export interface FallbackLayer {
  /** The element a badge for `name` goes right after: the spot of row band `row`, now aligned to `name`. */
  spotFor(row: Element, name: Element): Element;
  /** Drops the spots of every row band not in `rows` (no longer read), and re-aligns the rest. */
  keepOnly(rows: ReadonlySet<Element>): void;
  destroy(): void;
}

/** Kept free at the cell's right edge. (The gap after the name is the badge's own margin, as in a row.) */
const CELL_MARGIN_PX = 3;

const LAYER_CSS = `
:host { all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; z-index: 2147483600; pointer-events: none; }
.spot { position: fixed; left: 0; top: 0; display: flex; align-items: center; pointer-events: auto; white-space: nowrap; }
.spot[hidden] { display: none; }
.anchor { display: none; }
.tick { position: absolute; left: 0; top: 0; height: 1px; visibility: hidden; }
`;

interface Spot {
  box: HTMLElement;
  anchor: HTMLElement;
  name: Element;
  /** The row band: its clipping boxes are the name's cell. */
  row: Element;
}

export function createFallbackLayer(signal: AbortSignal): FallbackLayer {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let tick: HTMLElement | null = null;
  let tickWide = false;
  let alignPending = false;
  const spots = new Map<Element, Spot>();
  /** Each name's clipping ancestors (overflow other than visible), read once per name element. */
  const clippersByName = new WeakMap<Element, Element[]>();
  const textRange = document.createRange();
  const resizeObserver = new ResizeObserver(() => {
    alignPending = false;
    align();
  });

  function ensureRoot(): ShadowRoot {
    if (host && root && host.isConnected) return root;
    const created = createBareShadowHost('funnel-lens-layer', LAYER_CSS);
    host = created.host;
    root = created.root;
    tick = document.createElement('div');
    tick.className = 'tick';
    root.append(tick);
    resizeObserver.observe(tick);
    document.documentElement.append(host);
    for (const spot of spots.values()) root.append(spot.box);
    return root;
  }

  /** Aligns every spot after this frame's layout (see the file comment): the tick changes size. */
  function requestAlign(): void {
    if (alignPending || !tick || spots.size === 0) return;
    alignPending = true;
    tickWide = !tickWide;
    tick.style.width = tickWide ? '2px' : '1px';
  }

  function clippersOf(name: Element): Element[] {
    let clippers = clippersByName.get(name);
    if (!clippers) {
      clippers = [];
      for (let node = name.parentElement; node && node !== document.documentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clippers.push(node);
      }
      clippersByName.set(name, clippers);
    }
    return clippers;
  }

  /** Right of the name's visible end, vertically centred on it; hidden where the name cannot be seen. */
  function alignSpot(spot: Spot): void {
    // The text's own extent: a name element that is a cell or a block is wider than its name.
    let box: DOMRect | null = null;
    if (spot.name.isConnected) {
      textRange.selectNodeContents(spot.name);
      box = textRange.getBoundingClientRect();
    }
    let right = window.innerWidth;
    let top = 0;
    let bottom = window.innerHeight;
    /** The right edge of the outermost clipping box inside the row: the name's cell. */
    let cellRight = Infinity;
    // Innermost first: the last one inside the row is the cell.
    for (const clipper of spot.name.isConnected ? clippersOf(spot.name) : []) {
      const clip = clipper.getBoundingClientRect();
      right = Math.min(right, clip.right);
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
      if (spot.row.contains(clipper)) cellRight = clip.right;
    }
    const middle = box ? box.top + box.height / 2 : 0;
    let shown = box !== null && box.width > 0 && box.left < right && middle >= top && middle <= bottom;
    if (shown && box) {
      // Under the page's own sticky header or a dialog, the name cannot be seen: nor can its badge.
      const hit = document.elementFromPoint(box.left + (Math.min(box.right, right) - box.left) / 2, middle);
      shown = hit !== null && (spot.name.contains(hit) || hit.contains(spot.name));
    }
    if (spot.box.hidden !== !shown) spot.box.hidden = !shown;
    if (!shown || !box) return;
    // After the name's visible end, but inside its cell: over the end of a long name rather than
    // over the next column's figures (the name is in the badge's accessible name and tooltip).
    let left = Math.min(box.right, right);
    const width = spot.box.offsetWidth;
    if (left + width > cellRight - CELL_MARGIN_PX) left = Math.max(box.left, cellRight - CELL_MARGIN_PX - width);
    spot.box.style.transform = `translate(${Math.round(left)}px, ${Math.round(middle)}px) translateY(-50%)`;
  }

  function align(): void {
    for (const spot of spots.values()) alignSpot(spot);
  }

  const onMove = () => requestAlign();
  document.addEventListener('scroll', onMove, { capture: true, passive: true, signal });
  window.addEventListener('resize', onMove, { passive: true, signal });
  signal.addEventListener('abort', () => layer.destroy());

  const layer: FallbackLayer = {
    spotFor(row, name) {
      const shadow = ensureRoot();
      let spot = spots.get(row);
      if (!spot) {
        const box = document.createElement('div');
        box.className = 'spot';
        // Hidden until aligned: never a frame at the layer's corner.
        box.hidden = true;
        const anchor = document.createElement('span');
        anchor.className = 'anchor';
        box.append(anchor);
        shadow.append(box);
        spot = { box, anchor, name, row };
        spots.set(row, spot);
      }
      spot.name = name;
      requestAlign();
      return spot.anchor;
    },
    keepOnly(rows) {
      for (const [row, spot] of spots) {
        if (rows.has(row)) continue;
        spot.box.remove();
        spots.delete(row);
      }
      requestAlign();
    },
    destroy() {
      resizeObserver.disconnect();
      spots.clear();
      host?.remove();
      host = null;
      root = null;
      tick = null;
    },
  };
  return layer;
}
