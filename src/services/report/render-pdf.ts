/**
 * HTML report → PDF with Debian's Chromium through Playwright (the same engine as Electron's printToPDF),
 * with the page header and footer of page-frame.ts.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { AppError } from '../../api/errors.ts';
import type { Browser, Page } from '@playwright/test';
import { reportMessages } from '../../core/messages/report.ts';
import { PAGE_MARGIN, PAGE_PART, pageFrame, pageLabel } from './page-frame.ts';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** From this size of HTML (some 450 nominees and 15 jurors) a report is printed in parts, its watermark as a picture. */
const LARGE_REPORT = 2 * 1024 * 1024;

/** The draft watermark as report-html.ts writes it (issue 16). */
const WATERMARK = /<div class="draft-watermark" aria-hidden="true">([^<]*)<\/div>/;

/**
 * The draft watermark is printed as a picture, so its letters never mix with the text of the tables. As text
 * under a CSS blur, Chromium rasterises it again for every page (at 446 pages, more CPU than all the layout);
 * drawn once here (at the PDF's 300 dpi, with the same style and blur) it is embedded once and repeated.
 */
async function watermarkAsPicture(browser: Browser, html: string): Promise<string> {
  const mark = WATERMARK.exec(html);
  const style = /<style>[\s\S]*?<\/style>/.exec(html)?.[0];
  if (!mark || !style) return html;
  const page = await browser.newPage({ deviceScaleFactor: 300 / 96 });
  try {
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8">${style}</head><body><div class="draft-watermark" style="position: static; transform: none; display: inline-block; padding: 1px;">${mark[1]}</div></body></html>`,
    );
    const element = page.locator('.draft-watermark');
    const box = await element.boundingBox();
    if (!box) return html;
    const png = await element.screenshot({ omitBackground: true });
    const picture = `<img alt="" src="data:image/png;base64,${png.toString('base64')}" style="width: ${box.width}px; height: ${box.height}px; vertical-align: top;">`;
    return html.replace(WATERMARK, `<div class="draft-watermark" aria-hidden="true" style="filter: none;">${picture}</div>`);
  } finally {
    await page.close();
  }
}

/** Where Chromium's footer template puts the baseline of its page line: 16.4 pt above the page's bottom edge (measured). */
const PAGE_LINE_BASELINE = 16.4;
const PT_PER_MM = 72 / 25.4;

/**
 * A report with parts (PAGE_PART, each beginning on a page of its own: the cover, each category, the overall
 * ranking with the appendix, the Berita Acara) is printed part by part, two or more at a time, and the parts
 * joined; "Halaman n dari m" is then written on the joined pages where the footer template would have put it
 * (the template keeps its place but leaves it blank). Printed whole, the 446 national pages took one core, and
 * Chromium painted each page in a time that grows with the whole document.
 *
 * The pages break as in one print: Chromium shrinks a document wider than the page (the juror matrices of a
 * large panel) as a whole, so every part is made as wide as the widest (an invisible strut) and shrinks alike.
 * Undefined when the page line cannot be written with the PDF's standard font (the report is printed whole).
 */
async function printInParts(browser: Browser, html: string): Promise<Buffer | undefined> {
  const bodyStart = html.indexOf('<body>') + '<body>'.length;
  const bodyEnd = html.lastIndexOf('</body>');
  const [first, ...rest] = html.slice(bodyStart, bodyEnd).split(PAGE_PART);
  const mark = /<div class="draft-watermark"[^>]*>.*?<\/div>/s.exec(first)?.[0] ?? '';
  const parts = [first, ...rest.map((part) => `${mark}${part}`)].map((body) => `${html.slice(0, bodyStart)}${body}${html.slice(bodyEnd)}`);
  const frame = pageFrame(html, 'hidden');
  // The width Chromium lays a page out at, in CSS px (A4 is 8.27 in wide for Playwright).
  const width = Math.floor(8.27 * 96 - (Number.parseFloat(PAGE_MARGIN.left) + Number.parseFloat(PAGE_MARGIN.right)) * (96 / 25.4));
  const printed: { pdf: Uint8Array; strut: number }[] = [];
  let widest = width;
  const strutNow = () => (widest > width ? widest : 0);
  const print = async (page: Page, i: number) => {
    await page.setContent(parts[i], { waitUntil: 'load' });
    // scrollWidth is rounded to a pixel; the tables (what is too wide in a report) give the exact width.
    const own = await page.evaluate(() => {
      const tables = [...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right);
      const exact = Math.max(0, ...tables);
      return Math.abs(exact - document.documentElement.scrollWidth) < 1 ? exact : document.documentElement.scrollWidth;
    });
    widest = Math.max(widest, own);
    const strut = strutNow();
    if (strut) {
      await page.evaluate((w) => {
        const div = document.createElement('div');
        div.style.cssText = `position: absolute; top: 0; left: 0; width: ${w}px; height: 1px; visibility: hidden;`;
        document.body.append(div);
      }, strut);
    }
    printed[i] = {
      strut,
      pdf: await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, ...frame, margin: PAGE_MARGIN }),
    };
  };
  const tabs = Math.max(2, Math.min(4, availableParallelism()));
  const printAll = async (queue: number[]) => {
    const tab = async () => {
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      try {
        await page.emulateMedia({ media: 'print' });
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) await print(page, i);
      } finally {
        await page.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(tabs, queue.length) }, tab));
  };
  // The longest parts first, so that the widest is known before the short ones print; any part printed before
  // a wider one was seen is printed again.
  await printAll(parts.map((_, i) => i).sort((a, b) => parts[b].length - parts[a].length));
  await printAll(printed.flatMap((p, i) => (p.strut === strutNow() ? [] : [i])));

  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const joined = await PDFDocument.create({ updateMetadata: false });
  for (const { pdf } of printed) {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (joined.getPageCount() === 0) {
      joined.setTitle(doc.getTitle() ?? '');
      joined.setCreator(doc.getCreator() ?? '');
      joined.setProducer(doc.getProducer() ?? '');
      joined.setCreationDate(doc.getCreationDate() ?? new Date());
      joined.setModificationDate(doc.getModificationDate() ?? new Date());
    }
    for (const page of await joined.copyPages(doc, doc.getPageIndices())) joined.addPage(page);
  }
  const font = await joined.embedFont(StandardFonts.Helvetica);
  const total = joined.getPageCount();
  const size = 7;
  try {
    joined.getPages().forEach((page, i) => {
      const text = pageLabel(html, i + 1, total);
      const x = page.getWidth() - Number.parseFloat(PAGE_MARGIN.right) * PT_PER_MM - font.widthOfTextAtSize(text, size);
      page.drawText(text, { x, y: PAGE_LINE_BASELINE, size, font, color: rgb(0x44 / 255, 0x44 / 255, 0x44 / 255) });
    });
  } catch {
    return undefined; // a page line outside the standard font's characters
  }
  return Buffer.from(await joined.save({ useObjectStreams: false }));
}

/** `parts`: print a report in parts (printInParts); by default a large one is, a small one is printed whole. */
export async function renderPdfWithChromium(html: string, options: { parts?: boolean } = {}): Promise<Buffer> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new AppError('not-found', reportMessages.chromiumNotFound({ executablePath }));
  }
  // A devDependency, loaded only when a PDF is asked for.
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    // A small report prints faster whole, with the watermark as it is (both pay per page, and a page costs little).
    const large = options.parts ?? html.length >= LARGE_REPORT;
    const ready = large ? await watermarkAsPicture(browser, html) : html;
    if (large && ready.includes(PAGE_PART)) {
      const joined = await printInParts(browser, ready).catch(() => undefined);
      if (joined) return joined;
    }
    const page = await browser.newPage();
    await page.setContent(ready, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, ...pageFrame(html), margin: PAGE_MARGIN });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
