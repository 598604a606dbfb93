/**
 * The on-demand UI's parts (ui-loader.ts), as `entrypoints/overlay-ui.ts` registers them. Only
 * that script imports this file: the content scripts know its type, never its code, so Preact and
 * everything below stay out of the script every page load pays for (issue 16).
 */
import { createCard } from './card';
import { createFallbackLayer } from './fallback-layer';
import { renderSummaryExtra } from './summary-extras';

export const overlayUi = { createCard, renderSummaryExtra, createFallbackLayer };

export type OverlayUi = typeof overlayUi;
