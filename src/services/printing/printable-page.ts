/**
 * The one shell of every page Timbang prints (the report, the paper form, the runbook, the recovery code):
 * a self-contained HTML document with a CSP that allows no script and no outside resource, the report's
 * print CSS (plus the page's own), and the meta tags page-frame.ts turns into Chromium's page header and
 * footer ("Halaman n dari m" on every page). Chromium prints it: Playwright's page.pdf in the CLI,
 * printToPDF in the app.
 */
import { reportMessages } from '../../core/messages/report.ts';
import type { Lang } from './date-words.ts';
import { esc } from './html.ts';
import { REPORT_STYLE } from './report-style.ts';

export interface PrintablePage {
  lang: Lang;
  /** The document's title (the PDF's title too). */
  title: string;
  /** Above every page, and below every page, as plain text (escaped here). */
  header: string;
  footer: string;
  /** Printed just above the footer (the report's secretariat key), when there is one. */
  footerKey?: string;
  /** CSS the page adds to the report's print CSS. */
  style?: string;
  /** Whether the page shows data: images (the report's charts); nothing else may load one. */
  dataImages?: boolean;
  /** The page's HTML, already escaped where it holds text. */
  body: string;
}

export function printablePage(page: PrintablePage): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'${page.dataImages ? '; img-src data:' : ''}`;
  const footerKey = page.footerKey === undefined ? '' : `\n<meta name="timbang-footer-key" content="${esc(page.footerKey)}">`;
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="timbang-header" content="${esc(page.header)}">
<meta name="timbang-footer" content="${esc(page.footer)}">${footerKey}
<meta name="timbang-page" content="${esc(reportMessages.page({ n: '{n}', of: '{of}' })[page.lang])}">
<title>${esc(page.title)}</title>
<style>${REPORT_STYLE}${page.style ?? ''}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
