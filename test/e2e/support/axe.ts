/** axe-core in the page under test; violations of impact serious or critical are returned. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** `scope`: a selector of the elements to check (ours in a host page, with their shadow trees); default the whole document. */
export async function seriousAxeViolations(page: Page, scope?: string): Promise<AxeViolation[]> {
  // Evaluated through DevTools, which the extension page's CSP (script-src 'self') does not block.
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: Document | NodeList, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(selector === null ? document : document.querySelectorAll(selector), { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, scope ?? null);
}
