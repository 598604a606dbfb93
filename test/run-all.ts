/**
 * The whole suite, as `npm test` runs it: Chromium and Firefox check, typecheck, lint (ESLint with
 * the import-cycle and layer rules, and prettier's check), unit tests,
 * the store zips for Chrome and Firefox (production builds included), what is inside them and
 * `web-ext lint` of the Firefox build, then the E2E tests in real headless Chromium and Firefox.
 * Ends with one line "N passed, N failed" over every step and every test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './support/ensure-chromium';
import { ensureFirefox } from './support/ensure-firefox';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function step(label: string, command: string, args: string[]): void {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
}

function vitest(label: string, project: string): void {
  const outputFile = path.join(resultsDir, `${project}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`]);
  if (!existsSync(outputFile)) {
    failed += 1;
    failures.push(`${label} (no results)`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0 || (!ok && report.numFailedTests === 0)) {
    failed += 1;
    failures.push(`${label} (${report.numTotalTests === 0 ? 'ran no test' : 'runner failed'})`);
  } else if (report.numFailedTests > 0) {
    failures.push(`${label} (${report.numFailedTests} failed)`);
  }
}

ensureChromium();
ensureFirefox();
step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);
vitest('unit tests', 'unit');
// `wxt zip` builds first: .output/firefox-mv2 and .output/chrome-mv3 are what the E2E tests load.
step('build and zip (Firefox)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
step('build and zip (Chrome)', 'npx', ['wxt', 'zip']);
vitest('store zips and web-ext lint', 'package');
vitest('end-to-end tests (Chromium)', 'e2e');
vitest('end-to-end tests (Firefox)', 'firefox');

console.log('');
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
