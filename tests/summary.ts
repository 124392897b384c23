/**
 * The last lines of `npm test`: one count over every suite that ran (vitest and Playwright), and the
 * electronegativity step's findings, read from their JSON reports, so a skipped test is counted as skipped and never passes for a run one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test-results');

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
interface ElectronegativityReport {
  findings: unknown[];
  unexplained: number;
}

const vitest = JSON.parse(readFileSync(join(dir, 'vitest.json'), 'utf8')) as VitestReport;
const playwright = JSON.parse(readFileSync(join(dir, 'playwright.json'), 'utf8')) as PlaywrightReport;
const electronegativity = JSON.parse(readFileSync(join(dir, 'electronegativity.json'), 'utf8')) as ElectronegativityReport;

const passed = vitest.numPassedTests + playwright.stats.expected;
const failed = vitest.numFailedTests + playwright.stats.unexpected + playwright.stats.flaky;
const skipped = vitest.numPendingTests + vitest.numTodoTests + playwright.stats.skipped;
console.log(
  `\nunit+integration: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed; end-to-end: ${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed, ${playwright.stats.skipped} skipped`,
);
console.log(`electronegativity: ${electronegativity.findings.length} findings, ${electronegativity.unexplained} HIGH/MEDIUM unexplained`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || electronegativity.unexplained > 0 ? 1 : 0;
