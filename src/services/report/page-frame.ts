/**
 * The page frame of a printed report, shared by the CLI (Playwright's page.pdf) and the app (Electron's
 * printToPDF): the margins, and Chromium's header and footer templates built from the report's meta tags
 * (timbang-header; timbang-footer with the results hash; timbang-footer-key with the secretariat's fingerprint,
 * printed just above it; timbang-page with "{n}" and "{of}").
 * No Node or Electron imports, so either side can load it.
 */

/** Page margins: the header and footer are drawn inside the top and bottom ones. */
export const PAGE_MARGIN = { top: '16mm', bottom: '15mm', left: '14mm', right: '14mm' };

export interface PageFrame {
  headerTemplate: string;
  footerTemplate: string;
}

/** A meta tag's content as written by report-html.ts (already HTML-escaped, so it goes into a template as is). */
function meta(html: string, name: string): string {
  return new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1] ?? '';
}

/** Where a report may be printed in parts (render-pdf.ts): between parts that each begin on a new page. */
export const PAGE_PART = '<!-- timbang-part -->';

/** "Halaman 3 dari 446": the page line of the footer as plain text, for a PDF printed in parts. */
export function pageLabel(html: string, n: number, of: number): string {
  const text = meta(html, 'timbang-page').replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
  );
  return text.replace('{n}', String(n)).replace('{of}', String(of));
}

/**
 * Chromium's header and footer templates for a report: the event and (for demo marks) the warning above;
 * below, the secretariat's fingerprint over the results hash, and "Halaman n dari m", on every page.
 * Templates get no page styles, so every size is set here. With numbers 'hidden' the page line keeps its
 * place but is not printed (render-pdf.ts prints a report in parts and numbers the joined pages itself).
 */
export function pageFrame(html: string, numbers: 'shown' | 'hidden' = 'shown'): PageFrame {
  const style = `font-family: 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif; font-size: 7pt; color: #444; width: 100%; margin: 0 ${PAGE_MARGIN.right} 0 ${PAGE_MARGIN.left}; display: flex; justify-content: space-between; gap: 4mm;`;
  const [before, between, after] = meta(html, 'timbang-page').split(/\{n\}|\{of\}/);
  const page = `${before ?? ''}<span class="pageNumber"></span>${between ?? ''}<span class="totalPages"></span>${after ?? ''}`;
  const key = meta(html, 'timbang-footer-key');
  return {
    headerTemplate: `<div style="${style}"><span>${meta(html, 'timbang-header')}</span></div>`,
    footerTemplate: `<div style="${style} align-items: flex-end;"><span style="font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 6.5pt;">${key ? `${key}<br>` : ''}${meta(html, 'timbang-footer')}</span><span style="white-space: nowrap;${numbers === 'hidden' ? ' visibility: hidden;' : ''}">${page}</span></div>`,
  };
}
