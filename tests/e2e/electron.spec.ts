/**
 * The real Electron app, launched by Playwright. Electron 45 downloads its binary on first start, which
 * machines without internet (like this project's CI) cannot do: there this test is SKIPPED, and says so.
 * Everything it checks is also checked without the binary: tests/integration/electron-main.test.ts
 * (main process with Electron faked) and tests/e2e/shell.spec.ts (the renderer in Chromium).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { methodNames } from '../../src/api/contract.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** The Electron executable if it is already on disk; never triggers the download. */
function electronBinary(): string | undefined {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : undefined;
}

const binary = electronBinary();
const SKIP_REASON =
  'SKIPPED, NOT RUN: no Electron binary in node_modules/electron/dist (Electron downloads it on first start, which needs internet). ' +
  'Run `npx install-electron` on a machine with internet, then `npm run test:e2e`.';
if (!binary) console.log(`[electron.spec] ${SKIP_REASON}`);

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  test('launches to the start screen with a locked-down window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timbang-electron-'));
    const app = await electron.launch({ executablePath: binary, args: [root], env: { ...process.env, TIMBANG_DATA_DIR: dataDir } });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
      // Read from the main process: the preferences the window was really created with.
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
        return contents.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      // And their effect in the page: no Node, only the contract's methods.
      expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { timbang: object }).timbang).sort())).toEqual([...methodNames].sort());
      await window.getByRole('radio', { name: /^Sekretariat/ }).check();
      await window.getByRole('button', { name: 'Buka acara demo' }).click();
      await expect(window.locator('tr[data-nominee]')).toHaveCount(40);
    } finally {
      await app.close();
    }
  });
});
