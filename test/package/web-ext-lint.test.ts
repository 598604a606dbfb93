/**
 * `web-ext lint` (Mozilla's add-on linter, as addons.mozilla.org runs it) on the built Firefox
 * extension: no errors, and only the warnings the README explains, each where it says.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(root, process.env.FL_OUT_DIR ?? '.output', 'firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function lint(): LintReport {
  const result = spawnSync(path.join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', extensionDir, '--output', 'json', '--no-config-discovery'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  const json = result.stdout.slice(result.stdout.indexOf('{'));
  return JSON.parse(json) as LintReport;
}

/** The warning codes the README's "Firefox add-on lint" section explains (not those it lists as fixed). */
function explainedCodes(): Set<string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /### Firefox add-on lint\n([\s\S]*?)(Fixed instead of explained|\n#{2,3} |$)/.exec(readme)?.[1] ?? '';
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

describe('web-ext lint of the Firefox build', () => {
  const report = lint();

  it('finds no errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('finds only warnings the README explains', () => {
    const explained = explainedCodes();
    expect(explained.size).toBeGreaterThan(0);
    expect(report.warnings.filter((w) => !explained.has(w.code)).map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`)).toEqual([]);
  });

  it("warns about innerHTML only inside Preact's dangerouslySetInnerHTML branch, which our code never uses", () => {
    for (const warning of report.warnings.filter((w) => w.code === 'UNSAFE_VAR_ASSIGNMENT')) {
      const lines = readFileSync(path.join(extensionDir, warning.file!), 'utf8').split('\n');
      const line = lines[warning.line! - 1] ?? '';
      const around = line.slice(Math.max(0, warning.column! - 300), warning.column! + 300);
      expect(around, `${warning.file}:${warning.line}:${warning.column}`).toContain('dangerouslySetInnerHTML');
    }
  });
});
