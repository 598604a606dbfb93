/**
 * Styles of our shadow roots. `all: initial` on the host keeps the host page's CSS out.
 * Badges have no transitions: a recycled row's badge must not fade through the previous
 * campaign's colour, and an animating badge costs a style pass on every frame of a scroll.
 */

export const TONE_COLOURS = {
  better: { fg: '#0b5e2a', bg: '#e3f5e8', border: '#7cc595' },
  worse: { fg: '#8a1c12', bg: '#fdecea', border: '#eb9a92' },
  similar: { fg: '#1d3f73', bg: '#e9f0fb', border: '#a3bde6' },
  insufficient: { fg: '#4a4f57', bg: '#f1f2f4', border: '#c9cdd3' },
  none: { fg: '#80868f', bg: 'transparent', border: '#d5d8dc' },
  loading: { fg: '#80868f', bg: '#f6f7f8', border: '#e1e3e6' },
} as const;

const FONT = "font: 12px/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;";

export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 0 0 6px; max-width: 100%; flex: none; }
button {
  ${FONT}
  display: inline-block; vertical-align: middle; max-width: 220px;
  padding: 1px 6px; border-radius: 9px; border: 1px solid; cursor: pointer;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 600;
}
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
${Object.entries(TONE_COLOURS)
  .map(([tone, c]) => `button[data-tone="${tone}"] { color: ${c.fg}; background: ${c.bg}; border-color: ${c.border}; }`)
  .join('\n')}
button[data-tone="none"] { font-weight: 400; padding: 0 5px; }
button[data-tone="loading"] { font-weight: 400; }
`;

export const PANEL_CSS = `
:host { all: initial; }
.panel {
  ${FONT}
  color: #1c1e21; background: #fff; border: 1px solid #ccd0d5; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px; box-sizing: border-box;
}
h2 { font-size: 13px; margin: 0 0 8px; font-weight: 700; }
button { font: inherit; cursor: pointer; }
button:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.muted { color: #5f6368; }
.warn { color: #8a1c12; }
.row { display: flex; justify-content: space-between; gap: 12px; }
dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 8px 0 0; }
dt { color: #5f6368; } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
`;
