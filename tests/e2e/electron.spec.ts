/**
 * The real Electron app, launched by Playwright. Electron 45's npm package has no binary; `npm start`
 * (or `npx install-electron`) fetches it, which needs internet. Where it is absent (like this project's
 * build machines) these tests are SKIPPED, and say so. What they check is also checked without the
 * binary, as far as it can be: tests/integration/electron-main.test.ts (main process with Electron
 * faked), tests/integration/preload-sandbox.test.ts (the built preload in a bare sandbox),
 * tests/integration/npm-start.test.ts (the start chain with a stand-in Electron) and tests/e2e/shell.spec.ts
 * (the renderer in Chromium).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { methodNames } from '../../src/api/contract.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoDocument } from '../support/demo.ts';

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
  'SKIPPED, NOT RUN: no Electron binary in node_modules/electron/dist (it is fetched by `npm start` or `npx install-electron`, which need internet). ' +
  'Run `npm start` once on a machine with internet, then `npm run test:e2e`.';
if (!binary) console.log(`[electron.spec] ${SKIP_REASON}`);

/**
 * The app as `npm start` runs it (unpackaged: TIMBANG_DATA_DIR is honoured), with a fresh workspace and a
 * user-data folder of its own, so that its single-instance lock is not the one of a Timbang already open.
 */
function launchArgs() {
  const dataDir = mkdtempSync(join(tmpdir(), 'timbang-electron-'));
  const userData = mkdtempSync(join(tmpdir(), 'timbang-electron-profile-'));
  return { args: [root, `--user-data-dir=${userData}`], env: { ...process.env, TIMBANG_DATA_DIR: dataDir } as Record<string, string> };
}

async function withApp(use: (app: ElectronApplication, launch: ReturnType<typeof launchArgs>) => Promise<void>): Promise<void> {
  const launch = launchArgs();
  const app = await electron.launch({ executablePath: binary, ...launch });
  try {
    await use(app, launch);
  } finally {
    await app.close();
  }
}

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  test('launches to the start screen with a locked-down window', async () => {
    await withApp(async (app) => {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
      // Read from the main process: the preferences the window was really created with.
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
          getLastWebPreferences(): Record<string, unknown> | null;
        };
        return contents.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      // And their effect in the page: no Node, only the contract's methods.
      expect(
        await window.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof (globalThis as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined']);
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { timbang: object }).timbang).sort())).toEqual(
        [...methodNames].sort(),
      );
      await window.getByRole('radio', { name: /^Sekretariat/ }).check();
      await window.getByRole('button', { name: 'Buka acara demo' }).click();
      await expect(window.locator('tr[data-nominee]')).toHaveCount(40);
    });
  });

  test("prints the report with its styles: the report's fonts and A4 pages, not the browser's defaults", async () => {
    test.setTimeout(120_000);
    const event = demoDocument();
    const demo = await demoFiles(event);
    const file = (fileName: string, bytes: Buffer | string) => ({ fileName, base64: Buffer.from(bytes).toString('base64') });
    const enrolments = event.jurors.map((j) => file(`${j.id}.timbang-enrol`, demo.enrolments.get(j.id)!));
    const sheets = event.jurors.map((j) => file(`${j.id}.xlsx`, demo.sheets.get(j.id)!));
    await withApp(async (app) => {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
      // Through window.timbang, as the secretariat's screens call it: the demo event, the nine jurors, their sheets, the PDF.
      const pdf = await window.evaluate(
        async ({ enrolments, sheets }) => {
          type Envelope = { ok: boolean; value?: any; error?: { message: { en: string } } };
          const api = (globalThis as unknown as { timbang: Record<string, (input: unknown) => Promise<Envelope>> }).timbang;
          const call = async (method: string, input: unknown) => {
            const answer = await api[method](input);
            if (!answer.ok) throw new Error(`${method}: ${answer.error!.message.en}`);
            return answer.value;
          };
          const { id: eventId } = await call('loadDemoEvent', { role: 'sekretariat' });
          for (const enrolment of enrolments) await call('importEnrolment', enrolment);
          for (const sheet of sheets) await call('importSheet', { eventId, file: sheet });
          return (await call('reportPdf', { eventId, rule: 'mean', lang: 'id' })).base64 as string;
        },
        { enrolments, sheets },
      );
      const path = join(mkdtempSync(join(tmpdir(), 'timbang-laporan-')), 'laporan.pdf');
      writeFileSync(path, Buffer.from(pdf, 'base64'));

      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
      expect(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })).toMatch(/Pada hari ini \w+ tanggal/);
      // The report's stylesheet sets a sans-serif body, monospace hashes and bold headings; a page whose
      // inline styles were blocked (as when the app's CSP reached it) falls back to the default serif.
      const fonts = (pages: string[]) =>
        execFileSync('pdffonts', [...pages, path], { encoding: 'utf8' })
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((line) => line.split(/\s+/)[0]);
      const cover = fonts(['-f', '1', '-l', '1']);
      expect(
        cover.some((name) => /Sans|Arial|Helvetica/i.test(name) && !/Serif/i.test(name)),
        cover.join(', '),
      ).toBe(true);
      expect(
        cover.some((name) => /Mono|Courier/i.test(name)),
        cover.join(', '),
      ).toBe(true);
      expect(
        cover.some((name) => /Bold/i.test(name)),
        cover.join(', '),
      ).toBe(true);
      expect(
        cover.filter((name) => /Serif|Times/i.test(name)),
        cover.join(', '),
      ).toEqual([]);
      // The Berita Acara alone is set in a serif face.
      expect(fonts([]).some((name) => /Serif|Times/i.test(name))).toBe(true);
    });
  });

  test('a second launch quits and brings the first window back', async () => {
    await withApp(async (app, launch) => {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].minimize());
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isMinimized())).toBe(true);

      const second = spawn(binary!, launch.args, { env: launch.env, stdio: 'ignore' });
      const exitCode = await new Promise<number | null>((done) => second.on('exit', (code) => done(code)));
      expect(exitCode).toBe(0); // it handed over to the first and quit

      await expect
        .poll(() =>
          app.evaluate(({ BrowserWindow }) =>
            BrowserWindow.getAllWindows().map((w) => ({ minimized: w.isMinimized(), visible: w.isVisible() })),
          ),
        )
        .toEqual([{ minimized: false, visible: true }]);
    });
  });
});
