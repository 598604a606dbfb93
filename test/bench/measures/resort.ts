/**
 * In-place re-sorts while scrolling (issue #26), on the Google Ads replica: 200 seeded re-sorts
 * (the same row nodes get new link text and `campaignId`, in one task) at every kind of moment
 * relative to scroll steps and lazy-load appends (see google-resort-stress.ts), with the in-page
 * row-truth probe checking every visible row in every painted frame and after every DOM change.
 * Two figures: the most painted frames in which a row's badge stated numbers that were not its
 * own campaign's, and the longest time such numbers stood in the DOM between frames (what a
 * script, a screen reader, or the issue's own check 250 ms after a scroll, reads).
 */
import { openResortPage, runResortStress } from '../../e2e/support/google-resort-stress';
import { describeWrongEpisodes } from '../../e2e/support/row-truth-probe';
import { makeWorld } from '../../fixtures/world';
import type { BenchSession } from './session';
import { ACCOUNT_GOOGLE_RESORT, log, type Figure } from './shared';

const RESORTS = Number(process.env.BENCH_RESORTS ?? 200);
const RANGE = { from: '2026-10-01', to: '2026-10-31' };

export async function measureResort(session: BenchSession): Promise<Figure[]> {
  const { browser, server, googleCampaigns } = session;
  // One campaign in ten on the page is unknown to the CRM: its badge must say "–".
  const unknown = makeWorld({ platform: 'google_ads', level: 'campaign', accountId: ACCOUNT_GOOGLE_RESORT, count: 100, seed: 504, namePrefix: 'No CRM ' });
  const { page, expected } = await openResortPage(browser, server, { accountId: ACCOUNT_GOOGLE_RESORT, range: RANGE, known: googleCampaigns, unknown });
  const { report, moments, scrolls } = await runResortStress(page, expected, { resorts: RESORTS, seed: 2026 });
  await page.close();
  log(
    `resort: ${RESORTS} re-sorts, ${report.identityChanges} row identity changes, ${report.frames} frames, max wrong frames ${report.maxWrongFrames}, wrong episodes ${report.wrongEpisodeCount}`,
  );
  if (report.wrongEpisodeCount > 0) log(describeWrongEpisodes(report));
  const details = {
    moments,
    scrolls,
    frames: report.frames,
    samplesBetweenFrames: report.domSamples,
    rowIdentityChanges: report.identityChanges,
    episodes: report.episodes,
    wrongEpisodes: report.wrongEpisodeCount,
    maxLateWrongFrames: report.maxLateWrongFrames,
    maxWrongSamplesBetweenFrames: report.maxWrongDomSamples,
    maxWrongMs: report.maxWrongMs,
    wrongFramesHistogram: report.wrongFramesHistogram,
    neutralEpisodes: report.neutralEpisodeCount,
    maxNeutralFrames: report.maxNeutralFrames,
    longestFrameMs: report.longestFrameMs,
    longFrames: report.longFrames,
    unsettled: report.unsettled,
    worst: report.wrongEpisodes.slice(0, 10),
  };
  const settled = report.unsettled.length === 0 && report.unmappedFrameSamples === 0;
  return [
    {
      key: 'resortWrongFrames',
      measure: `In-place re-sort while scrolling (${RESORTS}×): most painted frames a badge stated another campaign's numbers`,
      budget: '0 (never after the next frame)',
      unit: 'count',
      median: report.maxWrongFrames,
      p95: null,
      spread: [0, report.maxWrongFrames],
      runs: RESORTS,
      checked: 'max',
      pass: report.maxWrongFrames === 0 && settled,
      details,
    },
    {
      key: 'resortWrongBetweenFrames',
      measure: `In-place re-sort while scrolling (${RESORTS}×): longest a badge stated another campaign's numbers in the DOM (rows wrong: see runs)`,
      budget: '0 ms (neutral until re-read)',
      unit: 'ms',
      median: report.maxWrongMs,
      p95: null,
      spread: [0, report.maxWrongMs],
      runs: report.wrongEpisodeCount,
      checked: 'max',
      pass: report.wrongEpisodeCount === 0 && settled,
      note: `${report.wrongEpisodeCount} of ${report.episodes} row episodes showed numbers not their own at some sample`,
    },
  ];
}
