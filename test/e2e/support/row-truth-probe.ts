/**
 * The row-truth probe: checks, on every animation frame, inside the page, that each visible row's
 * badge states the numbers of the campaign the host's own model says that row shows, and records
 * how long each row stayed wrong after its identity changed.
 *
 * The caller gives the truth (a function, as page-side source, returning the visible rows from the
 * replica's model, each with the row node that shows it) and the expected numbers per campaign ID
 * (from the stats server, computed in the test). The probe only reads what a user sees: the text
 * of the badge's button inside its closed shadow root, through the test's shadow bridge (our-ui.ts;
 * `window.__funnelLensShadow`, answered synchronously from the content script's world, which
 * reads the DOM and never calls into the extension's code).
 *
 * Two kinds of samples:
 * - painted frames: after every animation-frame callback (the engine's own pass included) and
 *   layout, just before paint, from a ResizeObserver callback the probe triggers every frame by
 *   resizing a hidden 1-pixel element of its own: what the user sees in that frame;
 * - between frames: right after each batch of DOM changes, once every mutation observer (the
 *   extension's too) has run: what the DOM says before the next frame (what a script, a screen
 *   reader or a check made at any moment reads).
 * The invariant of issue #26 reads: no sample of either kind shows a badge stating numbers that are
 * not its row's campaign's (`wrongEpisodeCount` is 0); the neutral state (`…`, or no badge) is fine.
 *
 * The page-side code is a plain string (no transpiled helpers reach the page), so the bench (tsx)
 * and the E2E suite (vitest) install the same code.
 */
import type { Page } from 'playwright-core';
import type { FunnelRow } from '../../../utils/api/schema';
import { BADGE_AGREES_IN_PAGE } from './expected';
import { shadowBridge } from './our-ui';

/** What a campaign's badge must state: [mql, won, revenue] (see expected.ts for the rules). */
export type ExpectedNumbers = [mql: number, won: number, revenue: number];

export function expectedNumbers(rows: readonly FunnelRow[]): Record<string, ExpectedNumbers> {
  return Object.fromEntries(rows.map((r) => [r.id as string, [r.mql, r.won, r.revenue] as ExpectedNumbers]));
}

export interface RowTruthProbeOptions {
  /**
   * Page-side source of a function returning the rows in view as the host's model has them:
   * `Array<{ node: Element | null, id: string, name: string }>`, `node` being the row element
   * that shows that campaign now. Called once per frame. Example (Google replica):
   * `() => __replica.visibleRows().map((r) => ({ node: __replica.rowNodeAt(r.index), id: r.id, name: r.name }))`
   */
  truth: string;
  /** Numbers per campaign ID; a campaign missing here has no CRM data and must show the "–" badge. */
  expected: Record<string, ExpectedNumbers>;
  /** The badge element inside a row node. Default `funnel-lens-badge`. */
  badgeSelector?: string;
}

/** One row node showing one campaign, from the first sample it did so to the sample it stopped. */
export interface RowEpisode {
  id: string;
  name: string;
  /** The campaign the same node showed just before (null: the node came into view). */
  previousId: string | null;
  /** ms from the probe's start to the first sample of this episode. */
  atMs: number;
  /** Painted frames whose badge stated numbers that are not this campaign's (another's, or none). */
  wrongFrames: number;
  /** Wrong painted frames other than the episode's first. */
  lateWrongFrames: number;
  /** Samples between frames (right after a DOM change) with a wrong badge. */
  wrongDomSamples: number;
  /** Of the wrong samples, those stating exactly the previous campaign's numbers. */
  previousCampaignSamples: number;
  /** Painted frames with the neutral state: the loading badge `…`, or no badge yet. */
  neutralFrames: number;
  /** How long the badge was wrong: each wrong sample counts until the next sample. */
  wrongMs: number;
  /** Painted frames and ms from the episode's first sample to the first right one; null: never right. */
  framesUntilRight: number | null;
  msUntilRight: number | null;
  /** Up to three distinct wrong texts seen. */
  wrongTexts: string[];
}

export interface RowTruthReport {
  /** Painted frames sampled. */
  frames: number;
  /** Samples taken between frames, right after the page (and the extension) reacted to a DOM change. */
  domSamples: number;
  durationMs: number;
  /** The longest gap between two painted frames (a long frame makes "one frame" long). */
  longestFrameMs: number;
  /** Frames that took over 50 ms (a busy machine). */
  longFrames: number;
  /** Row episodes seen: every identity change of a row node, and every row coming into view. */
  episodes: number;
  /** Episodes that started with a change of identity on the same node (not a row coming into view). */
  identityChanges: number;
  /** Episodes with at least one wrong sample of either kind. */
  wrongEpisodeCount: number;
  maxWrongFrames: number;
  maxLateWrongFrames: number;
  maxWrongDomSamples: number;
  maxWrongMs: number;
  /** Episodes whose badge was neutral (`…` or absent) in at least one painted frame, and the most such frames. */
  neutralEpisodeCount: number;
  maxNeutralFrames: number;
  /** Number of episodes per count of wrong painted frames (0 included). */
  wrongFramesHistogram: Record<string, number>;
  /** Episodes with at least one wrong sample, worst first (at most 100). */
  wrongEpisodes: RowEpisode[];
  /**
   * Model rows the truth function could not give a node for, at painted frames (must be 0) and
   * between frames (a user scroll moves the model before the page's scroll listener re-renders).
   */
  unmappedFrameSamples: number;
  unmappedDomSamples: number;
  /** Rows in view at the last sample whose badge did not state their own numbers. */
  unsettled: Array<{ id: string; name: string; text: string | null }>;
}

const PROBE_SOURCE = String.raw`(truth, expected, badgeSelector) => {
  if (window.__rowTruthProbe) window.__rowTruthProbe.stop();
  ${BADGE_AGREES_IN_PAGE}
  const t0 = performance.now();
  const byNode = new Map();
  const closed = [];
  const report = { frames: 0, domSamples: 0, longestFrameMs: 0, longFrames: 0, unmappedFrameSamples: 0, unmappedDomSamples: 0 };
  let lastSample = null;
  let lastFrameAt = null;
  let lastRows = [];
  let running = true;

  function badgeTexts(node) {
    const texts = [];
    for (const badge of node.querySelectorAll(badgeSelector)) {
      const reading = window.__funnelLensShadow.read(badge);
      texts.push(reading && reading.button ? reading.button.text : '');
    }
    return texts;
  }
  /** 'right' | 'neutral' | 'wrong', for the texts of the badges in one row node. */
  function judge(texts, id) {
    if (texts.length === 0) return 'neutral';
    if (texts.length > 1) return 'wrong';
    const text = texts[0].trim();
    if (text === '…') return 'neutral';
    return agrees(text, expected[id]) ? 'right' : 'wrong';
  }
  function newEpisode(row, previousId, now) {
    return {
      id: row.id, name: row.name, previousId, atMs: now - t0, startedAt: now, frames: 0,
      wrongFrames: 0, lateWrongFrames: 0, wrongDomSamples: 0, previousCampaignSamples: 0, neutralFrames: 0,
      wrongMs: 0, framesUntilRight: null, msUntilRight: null, wrongTexts: [], lastTexts: [],
    };
  }
  /** kind: 'frame' (about to be painted) or 'dom' (right after the page and the extension reacted to a change). */
  function sample(now, kind) {
    if (!running) return;
    if (lastSample !== null) for (const e of lastSample.wrong) e.wrongMs += now - lastSample.at;
    const painted = kind === 'frame';
    if (painted) {
      report.frames++;
      if (lastFrameAt !== null) {
        const gap = now - lastFrameAt;
        report.longestFrameMs = Math.max(report.longestFrameMs, gap);
        if (gap > 50) report.longFrames++;
      }
      lastFrameAt = now;
    } else {
      report.domSamples++;
    }
    const rows = truth();
    const present = new Set();
    const wrongNow = [];
    for (const row of rows) {
      if (!row.node) {
        if (painted) report.unmappedFrameSamples++;
        else report.unmappedDomSamples++;
        continue;
      }
      present.add(row.node);
      let e = byNode.get(row.node);
      if (!e || e.id !== row.id) {
        if (e) closed.push(e);
        e = newEpisode(row, e ? e.id : null, now);
        byNode.set(row.node, e);
      }
      const texts = badgeTexts(row.node);
      const verdict = judge(texts, row.id);
      e.lastTexts = texts;
      if (painted) e.frames++;
      if (verdict === 'right') {
        if (e.msUntilRight === null) {
          e.framesUntilRight = e.frames;
          e.msUntilRight = now - e.startedAt;
        }
      } else if (verdict === 'neutral') {
        if (painted) e.neutralFrames++;
      } else {
        if (painted) {
          e.wrongFrames++;
          if (e.frames > 1) e.lateWrongFrames++;
        } else {
          e.wrongDomSamples++;
        }
        const text = texts.join(' | ');
        if (e.previousId !== null && texts.length === 1 && agrees(texts[0].trim(), expected[e.previousId])) e.previousCampaignSamples++;
        if (e.wrongTexts.length < 3 && !e.wrongTexts.includes(text)) e.wrongTexts.push(text);
        wrongNow.push(e);
      }
    }
    for (const [node, e] of byNode) {
      if (present.has(node)) continue;
      closed.push(e);
      byNode.delete(node);
    }
    lastSample = { at: now, wrong: wrongNow };
    lastRows = rows;
  }

  // Painted frames: a size change in an animation-frame callback makes the resize observer fire
  // in the same frame, after every animation-frame callback and layout, just before paint.
  const marker = document.createElement('div');
  marker.style.cssText = 'position:fixed;left:-10px;top:0;height:1px;width:1px;visibility:hidden;pointer-events:none';
  document.documentElement.append(marker);
  const resizes = new ResizeObserver(() => sample(performance.now(), 'frame'));
  resizes.observe(marker);
  let wide = false;
  function nextFrame() {
    if (!running) return;
    wide = !wide;
    marker.style.width = wide ? '2px' : '1px';
    requestAnimationFrame(nextFrame);
  }
  requestAnimationFrame(nextFrame);

  // Between frames: after each batch of DOM changes, once every mutation observer (the
  // extension's included, whatever their order) has run: a microtask queued from this callback
  // runs after all of them.
  const mutations = new MutationObserver((records) => {
    if (records.every((r) => r.target === marker)) return;
    queueMicrotask(() => sample(performance.now(), 'dom'));
  });
  mutations.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });

  window.__rowTruthProbe = {
    stop() {
      if (!running) return null;
      running = false;
      resizes.disconnect();
      mutations.disconnect();
      marker.remove();
      const unsettled = [];
      for (const row of lastRows) {
        const e = row.node && byNode.get(row.node);
        const texts = e ? e.lastTexts : [];
        if (judge(texts, row.id) !== 'right') unsettled.push({ id: row.id, name: row.name, text: texts.length ? texts.join(' | ') : null });
      }
      for (const e of byNode.values()) closed.push(e);
      byNode.clear();
      const histogram = {};
      const max = { wrongFrames: 0, lateWrongFrames: 0, wrongDomSamples: 0, wrongMs: 0, neutralFrames: 0 };
      let identityChanges = 0;
      let neutralEpisodeCount = 0;
      const wrong = [];
      for (const e of closed) {
        histogram[e.wrongFrames] = (histogram[e.wrongFrames] || 0) + 1;
        for (const k of Object.keys(max)) max[k] = Math.max(max[k], e[k]);
        if (e.previousId !== null) identityChanges++;
        if (e.neutralFrames > 0) neutralEpisodeCount++;
        if (e.wrongFrames > 0 || e.wrongDomSamples > 0) wrong.push(e);
      }
      wrong.sort((a, b) => b.wrongFrames - a.wrongFrames || b.wrongMs - a.wrongMs);
      const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
      return {
        frames: report.frames,
        domSamples: report.domSamples,
        durationMs: round(performance.now() - t0),
        longestFrameMs: round(report.longestFrameMs),
        longFrames: report.longFrames,
        episodes: closed.length,
        identityChanges,
        wrongEpisodeCount: wrong.length,
        maxWrongFrames: max.wrongFrames,
        maxLateWrongFrames: max.lateWrongFrames,
        maxWrongDomSamples: max.wrongDomSamples,
        maxWrongMs: round(max.wrongMs),
        neutralEpisodeCount,
        maxNeutralFrames: max.neutralFrames,
        wrongFramesHistogram: histogram,
        wrongEpisodes: wrong.slice(0, 100).map((e) => ({
          id: e.id, name: e.name, previousId: e.previousId, atMs: round(e.atMs), wrongFrames: e.wrongFrames,
          lateWrongFrames: e.lateWrongFrames, wrongDomSamples: e.wrongDomSamples, previousCampaignSamples: e.previousCampaignSamples,
          neutralFrames: e.neutralFrames, wrongMs: round(e.wrongMs), framesUntilRight: e.framesUntilRight,
          msUntilRight: round(e.msUntilRight), wrongTexts: e.wrongTexts,
        })),
        unmappedFrameSamples: report.unmappedFrameSamples,
        unmappedDomSamples: report.unmappedDomSamples,
        unsettled,
      };
    },
  };
}`;

/** Starts the probe in the page's main world (replacing a running one); it samples until stopped. */
export async function startRowTruthProbe(page: Page, options: RowTruthProbeOptions): Promise<void> {
  await shadowBridge(page);
  const call = `(${PROBE_SOURCE})((${options.truth}), ${JSON.stringify(options.expected)}, ${JSON.stringify(options.badgeSelector ?? 'funnel-lens-badge')})`;
  await page.evaluate(call);
}

/**
 * Waits until every row the truth names shows a badge stating its own campaign's numbers (the
 * same truth and rule as the probe), e.g. before a run, so the probe sees only what the run does.
 */
export async function waitForRowsAgree(page: Page, options: RowTruthProbeOptions, timeoutMs = 10_000): Promise<void> {
  await shadowBridge(page);
  const check = `(() => {
    ${BADGE_AGREES_IN_PAGE}
    const expected = ${JSON.stringify(options.expected)};
    const rows = (${options.truth})();
    return rows.length > 0 && rows.every((row) => {
      const badges = row.node ? row.node.querySelectorAll(${JSON.stringify(options.badgeSelector ?? 'funnel-lens-badge')}) : [];
      const reading = badges.length === 1 ? window.__funnelLensShadow.read(badges[0]) : null;
      return !!(reading && reading.button) && agrees(reading.button.text, expected[row.id]);
    });
  })()`;
  await page.waitForFunction(check, undefined, { timeout: timeoutMs, polling: 50 });
}

/** Truth functions for the replicas: the model's rows in view, each with the node the replica shows it in. */
export const REPLICA_TRUTH = {
  /** Meta and Google Ads replicas. */
  byRowNodeAt: `() => window.__replica.visibleRows().map((r) => ({ node: window.__replica.rowNodeAt(r.index), id: r.id, name: r.name }))`,
  /** The LinkedIn replica. */
  byRowElement: `() => window.__replica.visibleRows().map((r) => ({ node: window.__replica.rowElement(r.index), id: r.id, name: r.name }))`,
};

export interface BadgeVisibility {
  /** Rows whose own centre a user can see (not under a sticky header or scrolled out of view). */
  checked: number;
  /** Names of those rows whose badge is not what `document.elementFromPoint` finds at its centre. */
  hidden: string[];
}

/**
 * Whether a user can see each badge the truth's rows show: for every row whose own centre is on
 * screen and not covered (elementFromPoint there is inside the row), the point at the badge's
 * centre must be the badge itself, not clipped away or covered by the host's cells.
 */
export async function badgeVisibility(page: Page, options: Pick<RowTruthProbeOptions, 'truth' | 'badgeSelector'>): Promise<BadgeVisibility> {
  const check = `(() => {
    const rows = (${options.truth})();
    const result = { checked: 0, hidden: [] };
    const inView = (x, y) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
    for (const row of rows) {
      if (!row.node) continue;
      const box = row.node.getBoundingClientRect();
      const rx = box.left + Math.min(box.width, innerWidth - box.left) / 2;
      const ry = box.top + box.height / 2;
      if (!inView(rx, ry) || !row.node.contains(document.elementFromPoint(rx, ry))) continue;
      const host = row.node.querySelector(${JSON.stringify(options.badgeSelector ?? 'funnel-lens-badge')});
      result.checked++;
      const r = host ? host.getBoundingClientRect() : null;
      const x = r ? r.left + r.width / 2 : -1;
      const y = r ? r.top + r.height / 2 : -1;
      if (!r || r.width === 0 || !inView(x, y) || document.elementFromPoint(x, y) !== host) result.hidden.push(row.name);
    }
    return result;
  })()`;
  return (await page.evaluate(check)) as BadgeVisibility;
}

/** Stops the probe and returns what it saw. */
export async function stopRowTruthProbe(page: Page): Promise<RowTruthReport> {
  const report = (await page.evaluate('window.__rowTruthProbe ? window.__rowTruthProbe.stop() : null')) as RowTruthReport | null;
  if (!report) throw new Error('the row-truth probe was not running');
  return report;
}

/** One line per wrong episode, for an assertion message or a log. */
export function describeWrongEpisodes(report: RowTruthReport, limit = 10): string {
  return report.wrongEpisodes
    .slice(0, limit)
    .map(
      (e) =>
        `${e.name} (${e.id}, was ${e.previousId ?? 'new in view'}) at ${e.atMs} ms: wrong for ${e.wrongMs} ms, ${e.wrongFrames} painted frames (${e.lateWrongFrames} late), ${e.wrongDomSamples} samples between frames, ${e.previousCampaignSamples} with the previous campaign's numbers; showed ${e.wrongTexts.join(' / ')}`,
    )
    .join('\n');
}
