/**
 * HTML report → PDF with Debian's Chromium through Playwright (the same engine as Electron's printToPDF),
 * with the page header and footer of page-frame.ts.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../api/errors.ts';
import { PAGE_MARGIN, pageFrame } from './page-frame.ts';
import { reportMessages } from '../../core/messages/report.ts';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function renderPdfWithChromium(html: string): Promise<Buffer> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new AppError('not-found', reportMessages.chromiumNotFound({ executablePath }));
  }
  // A devDependency, loaded only when a PDF is asked for.
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, ...pageFrame(html), margin: PAGE_MARGIN });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
