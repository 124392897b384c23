/**
 * The deliberation screen in Chromium, as the secretariat sees it: `timbang serve` on a workspace that holds
 * every national sheet, the built renderer (`npm run build` first), Debian's Chromium through Playwright.
 * Timed from the click on the Rekapitulasi tab to the first ranking rows and to the last row painted; then a rule switch (the
 * merge computed again, the inbox already reconciled) to the new results hash shown; then a nominee opened
 * to its protocol shown. Figures only; skipped, saying why, where the build or Chromium is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..', '..');

export interface ScreenFigures {
  /** From the tab's click to the first ranking rows painted (the top of every category). */
  firstRowsMs: number;
  firstPaintMs: number;
  ruleSwitchMs: number;
  protocolMs: number;
  rows: number;
  deliberationBytes: number;
}

export async function screenBench(workspace: string, eventId: string, expectedRows: number): Promise<ScreenFigures | string> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) return 'no built renderer (run npm run build first)';
  if (!existsSync(chromium)) return `no Chromium at ${chromium}`;
  const port = 5590 + Math.floor(Math.random() * 8);
  const server = spawn(process.execPath, ['src/cli/timbang.js', 'serve', '--db', workspace, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const address = await new Promise<string>((ready, fail) => {
      let said = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const printed = /Timbang: (\S+)/.exec(said);
        if (printed) ready(printed[1]);
      });
      server.on('exit', (code) => fail(new Error(`timbang serve stopped (${code}): ${said}`)));
    });
    const { chromium: browserType } = await import('@playwright/test');
    const browser = await browserType.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      let deliberationBytes = 0;
      page.on('response', (response) => {
        if (response.url().includes('/api/deliberation'))
          void response.body().then(
            (b) => (deliberationBytes = b.length),
            () => undefined,
          );
      });
      await page.goto(address);
      await page.getByRole('radio', { name: /^Sekretariat/ }).check();
      await page.locator(`[data-event="${eventId}"] button`).click();
      const tab = page.getByRole('tab', { name: 'Rekapitulasi' });
      await tab.waitFor();
      const rows = page.locator('tr[data-ranked]');
      let start = performance.now();
      await tab.click();
      await rows.first().waitFor({ timeout: 300_000 });
      const firstRowsMs = performance.now() - start;
      await rows.nth(expectedRows - 1).waitFor({ timeout: 300_000 });
      const firstPaintMs = performance.now() - start;
      const count = await rows.count();

      const hash = page.getByTestId('results-hash');
      const before = await hash.textContent();
      start = performance.now();
      await page.getByLabel(/^Aturan/).selectOption('median');
      // Polled from here: the page's CSP allows no evaluated string, and the wait is seconds, not milliseconds.
      while ((await hash.textContent()) === before) {
        if (performance.now() - start > 300_000) throw new Error('the results hash did not change after the rule switch');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const ruleSwitchMs = performance.now() - start;

      const first = rows.first();
      const nomineeId = await first.getAttribute('data-ranked');
      start = performance.now();
      await first.getByRole('button').click();
      await page.getByTestId(`protocol-${nomineeId}`).waitFor({ timeout: 60_000 });
      const protocolMs = performance.now() - start;
      return { firstRowsMs, firstPaintMs, ruleSwitchMs, protocolMs, rows: count, deliberationBytes };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}
