/**
 * axe-core on a page under test; violations of impact serious or critical are returned.
 *
 * With a scope (our badges, card and summary in a host page), axe runs in our content script's
 * isolated world (our-ui.ts), because our shadow roots are closed: the page's world cannot see
 * into them, and neither can axe there. In that world a test-only getter, for the duration of the
 * run, answers axe's `element.shadowRoot` with `chrome.dom.openOrClosedShadowRoot(element)`, so axe
 * walks, styles and hit-tests our shadow trees as it would open ones. The product never reads
 * `shadowRoot`, so the getter changes nothing it does. The check fails if axe saw nothing inside
 * our roots, so a run that silently stops at the hosts cannot pass.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { ourUi } from './our-ui';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeOutcome {
  violations: AxeViolation[];
  /** Nodes inside shadow roots that some rule checked and passed. */
  passedInShadow: number;
}

/** Runs axe on `selector`'s elements (or the document) in the world it is evaluated in; self-contained. */
async function runAxe(selector: string | null): Promise<AxeOutcome> {
  type Result = { id: string; impact: string | null; help: string; nodes: Array<{ target: Array<string | string[]> }> };
  const axe = (globalThis as unknown as { axe: { run(context: Document | NodeList, options: object): Promise<{ violations: Result[]; passes: Result[] }> } })
    .axe;
  const result = await axe.run(selector === null ? document : document.querySelectorAll(selector), { resultTypes: ['violations'] });
  return {
    violations: result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.flat().join(' ')) })),
    // A node inside a shadow root has a target path through its host: an array as the first step.
    passedInShadow: result.passes.filter((p) => p.nodes.some((n) => Array.isArray(n.target[0]))).length,
  };
}

/** Calls `run(selector)` while `element.shadowRoot` answers for closed roots too (content script's world only). */
async function withClosedRootsOpenToAxe(run: (selector: string) => Promise<AxeOutcome>, selector: string): Promise<AxeOutcome> {
  const element = Element.prototype as unknown as object;
  const original = Object.getOwnPropertyDescriptor(element, 'shadowRoot') as PropertyDescriptor;
  const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
  Object.defineProperty(element, 'shadowRoot', {
    configurable: true,
    get(this: Element) {
      return dom.openOrClosedShadowRoot(this);
    },
  });
  try {
    return await run(selector);
  } finally {
    Object.defineProperty(element, 'shadowRoot', original);
  }
}

/** `scope`: a selector of our shadow hosts in an ad manager (checked with their shadow trees); default the whole document. */
export async function seriousAxeViolations(page: Page, scope?: string): Promise<AxeViolation[]> {
  if (scope === undefined) {
    // Evaluated through DevTools, which the extension page's CSP (script-src 'self') does not block.
    await page.evaluate(axeSource);
    return (await page.evaluate(runAxe, null)).violations;
  }
  const ui = ourUi(page);
  await ui.evaluate(`${axeSource}\n;0`);
  const outcome = await ui.evaluate<AxeOutcome>(`(${withClosedRootsOpenToAxe.toString()})(${runAxe.toString()}, ${JSON.stringify(scope)})`);
  if (outcome.passedInShadow === 0) throw new Error(`axe checked nothing inside the shadow roots of ${scope}`);
  return outcome.violations;
}
