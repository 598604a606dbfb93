/**
 * The whole suite, as `npm test` runs it: Chromium check, typecheck, lint, unit tests,
 * production builds for Chrome and Firefox, then the E2E tests in real headless Chromium.
 * Ends with one line "N passed, N failed" over every step and every test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './support/ensure-chromium';

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
step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
vitest('unit tests', 'unit');
step('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('build (Chrome)', 'npx', ['wxt', 'build']);
vitest('end-to-end tests (Chromium)', 'e2e');

console.log('');
if (failures.length) console.log(`Failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
