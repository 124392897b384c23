/**
 * Printing the deliberation report in the app: Chromium's own printToPDF and print dialog, from a
 * hidden window that loads the self-contained report (no script, no preload, nothing to navigate to).
 * The page header and footer are the same templates the CLI uses (pageFrame).
 */
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportPrinting } from '../../src/services/handlers.ts';
import { PAGE_MARGIN, pageFrame } from '../../src/services/report/page-frame.ts';

/** A report can exceed the 2 MB a data: URL may hold, so it is loaded from a temporary file. */
async function withReportWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'timbang-laporan-'));
  const file = join(dir, 'laporan.html');
  writeFileSync(file, html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, disableBlinkFeatures: 'Auxclick' },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await window.loadFile(file);
    return await use(window);
  } finally {
    window.destroy();
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
          top: toInches(PAGE_MARGIN.top), bottom: toInches(PAGE_MARGIN.bottom),
          left: toInches(PAGE_MARGIN.left), right: toInches(PAGE_MARGIN.right),
        },
      });
    }),
  toPrinter: (html) =>
    withReportWindow(html, (window) =>
      new Promise<void>((resolve, reject) => {
        window.webContents.print({ printBackground: true, pageSize: 'A4' }, (success, reason) => (success || reason === 'cancelled' ? resolve() : reject(new Error(reason))));
      }),
    ),
};
