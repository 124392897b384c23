/**
 * What a window shows when its page cannot be shown: the page failed to load, or the process drawing it
 * died. Without this a window that never painted stays hidden (or blank) and nobody knows why.
 * A static page in a data: URL, no script; kept free of any `electron` import so tests read it under Node.
 */
import { desktopMessages } from '../../src/core/messages/desktop.ts';
import type { Bilingual } from '../../src/core/model.ts';

/** did-fail-load's code for a navigation that was cancelled (by us, or by a newer one): not a failure. */
export const NAVIGATION_ABORTED = -3;

export const pageFailedMessage = (what: Bilingual, description: string): Bilingual => desktopMessages.pageFailed({ what, description });

export const rendererGoneMessage = (what: Bilingual, reason: string): Bilingual => desktopMessages.rendererGone({ what, reason });

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function failurePageUrl(message: Bilingual): string {
  const html =
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Timbang</title></head>' +
    '<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2em; max-width: 40em">' +
    `<p role="alert"><strong>${escape(message.id)}</strong></p><p lang="en">${escape(message.en)}</p></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
