/**
 * Issue #26: the Google Ads list re-sorts in place (the same row nodes get new link text and a new
 * `campaignId`, in one task) while the user scrolls and rows are lazily loaded. Once a row shows
 * another campaign, its badge must never state the previous campaign's numbers after the next
 * frame; until the extension is sure, it shows the neutral loading state.
 *
 * A short run of the stress (the bench's `resort` measure runs 200 re-sorts): seeded re-sorts in
 * the same task as a scroll, in the next task, in the next animation frame, inside the scroll event,
 * in the task a lazy chunk arrives in (before and after it renders) and at random delays. The
 * in-page row-truth probe compares every visible row, on every frame, with the replica's model and
 * with the numbers the stats server holds for that campaign (computed here, not by the extension).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld } from '../fixtures/world';
import { RESORT_MOMENTS, openResortPage, runResortStress } from './support/google-resort-stress';
import { describeWrongEpisodes } from './support/row-truth-probe';
import { useConnectedSession } from './support/session';

const ACCOUNT = '2600000026';
const RANGE = { from: '2026-10-01', to: '2026-10-31' };
/** 360 campaigns the CRM knows, and 40 it does not (their badge is "–"). */
const known = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: ACCOUNT, count: 360, seed: 2601 });
const unknown = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: ACCOUNT, count: 40, seed: 2602, namePrefix: 'No CRM ' });
const RESORTS = 36;

const session = useConnectedSession({ world: known });

describe('Google Ads overlay under in-place re-sorts', () => {
  beforeAll(() => {
    expect(new Set([...known, ...unknown].map((c) => c.id)).size).toBe(400);
  });

  it(`never shows a badge with another campaign's numbers, in a frame or between frames (${RESORTS} seeded re-sorts while scrolling and lazy-loading)`, async () => {
    const { browser, server } = session;
    // "No CRM data" rows all through the list.
    const { page, expected } = await openResortPage(browser, server, { accountId: ACCOUNT, range: RANGE, known, unknown });
    // Starts once every visible badge agrees, so everything the probe sees comes from the re-sorts.
    const { report, moments } = await runResortStress(page, expected, { resorts: RESORTS, seed: 26 });

    // The run did what it claims: re-sorts at every kind of moment, rows really changed campaign
    // under the probe, and the probe mapped every row of the model to a node.
    for (const moment of RESORT_MOMENTS) expect(moments[moment], `re-sorts at "${moment}"`).toBeGreaterThan(0);
    expect(report.identityChanges).toBeGreaterThan(RESORTS * 5);
    expect(report.frames).toBeGreaterThan(60);
    expect(report.domSamples).toBeGreaterThan(RESORTS);
    expect(report.unmappedFrameSamples).toBe(0);
    // The invariant: never a badge stating another campaign's numbers, neither in a painted frame
    // nor in the DOM between frames; until the extension has re-read a row, its badge is neutral.
    expect(report.wrongEpisodeCount, describeWrongEpisodes(report)).toBe(0);
    // And after the last re-sort, every row states its own numbers.
    expect(report.unsettled).toEqual([]);
    await page.close();
  });
});
