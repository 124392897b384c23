/**
 * Printing the deliberation report in the app: Chromium's own printToPDF and print dialog, from a
 * hidden window that loads the self-contained report (no script, no preload, nothing to navigate to).
 * The page header and footer are the same templates the CLI uses (pageFrame).
 *
 * The report window has a session of its own (in memory, every permission denied): the app's strict
 * Content-Security-Policy belongs to the app's pages, and the report's inline styles must print.
 * If the report cannot be loaded, or the process drawing it dies, the window is shown with the reason in
 * both languages (and the call fails with it): a print that silently produced nothing would be worse.
 */
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/api/errors.ts';
import { desktopMessages } from '../../src/core/messages/desktop.ts';
import type { Bilingual } from '../../src/core/model.ts';
import type { ReportPrinting } from '../../src/services/handlers/services.ts';
import { PAGE_MARGIN, pageFrame } from '../../src/services/report/page-frame.ts';
import { failurePageUrl, NAVIGATION_ABORTED, pageFailedMessage, rendererGoneMessage } from './failure-page.ts';

/** The in-memory session report windows print in (no "persist:" prefix: nothing is written to disk). */
export const REPORT_PARTITION = 'timbang-laporan';
const REPORT = desktopMessages.report();

let reportSession: Session | undefined;
function ownSession(): Session {
  if (!reportSession) {
    reportSession = session.fromPartition(REPORT_PARTITION);
    reportSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    reportSession.setPermissionCheckHandler(() => false);
  }
  return reportSession;
}

/** A report can exceed the 2 MB a data: URL may hold, so it is loaded from a temporary file. */
async function withReportWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'timbang-laporan-'));
  const file = join(dir, 'laporan.html');
  writeFileSync(file, html);
  const window = new BrowserWindow({
    show: false,
    title: 'Timbang — laporan',
    webPreferences: {
      session: ownSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Either event ends the print, whatever step was running (printToPDF never answers once the renderer
  // is gone), and its reason is the one shown.
  let failure: Bilingual | undefined;
  let fail: (reason: Bilingual) => void = () => {};
  const failed = new Promise<never>((_resolve, reject) => (fail = (reason) => reject(new AppError('internal', (failure ??= reason)))));
  failed.catch(() => undefined); // observed by the races below; never an unhandled rejection
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame && code !== NAVIGATION_ABORTED && !url.startsWith('data:')) fail(pageFailedMessage(REPORT, description));
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') fail(rendererGoneMessage(REPORT, details.reason));
  });
  let shown = false;
  try {
    await Promise.race([window.loadFile(file), failed]);
    return await Promise.race([use(window), failed]);
  } catch (error) {
    const message =
      failure ??
      (error instanceof AppError
        ? error.bilingual
        : desktopMessages.printFailed({ reason: error instanceof Error ? error.message : String(error) }));
    if (!window.isDestroyed()) {
      shown = true;
      void window.loadURL(failurePageUrl(message)).catch(() => undefined);
      window.show();
    }
    throw new AppError('internal', message);
  } finally {
    if (!shown) window.destroy(); // a shown error stays until the user closes it
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "16mm" in the inches printToPDF takes. */
const toInches = (value: string) => Number.parseFloat(value) / 25.4;

export const electronPrinting: ReportPrinting = {
  toPdf: (html) =>
    withReportWindow(html, async (window) => {
      const frame = pageFrame(html);
      return window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: frame.headerTemplate,
        footerTemplate: frame.footerTemplate,
        margins: {
          top: toInches(PAGE_MARGIN.top),
          bottom: toInches(PAGE_MARGIN.bottom),
          left: toInches(PAGE_MARGIN.left),
          right: toInches(PAGE_MARGIN.right),
        },
      });
    }),
  toPrinter: (html) =>
    withReportWindow(
      html,
      (window) =>
        new Promise<void>((resolve, reject) => {
          window.webContents.print({ printBackground: true, pageSize: 'A4' }, (success, reason) =>
            success || reason === 'cancelled' ? resolve() : reject(new AppError('internal', desktopMessages.printFailed({ reason }))),
          );
        }),
    ),
};
