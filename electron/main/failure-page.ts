/**
 * What a window shows when its page cannot be shown: the page failed to load, or the process drawing it
 * died. Without this a window that never painted stays hidden (or blank) and nobody knows why.
 * A static page in a data: URL, no script; kept free of any `electron` import so tests read it under Node.
 */
import type { Bilingual } from '../../src/core/model.ts';

/** did-fail-load's code for a navigation that was cancelled (by us, or by a newer one): not a failure. */
export const NAVIGATION_ABORTED = -3;

export function pageFailedMessage(what: Bilingual, description: string): Bilingual {
  return {
    id: `${what.id} tidak dapat dimuat (${description}). Tutup jendela ini lalu coba lagi; bila terulang, catat pesan ini untuk teknisi.`,
    en: `${what.en} could not be loaded (${description}). Close this window and try again; if it happens again, note this message for a technician.`,
  };
}

export function rendererGoneMessage(what: Bilingual, reason: string): Bilingual {
  return {
    id: `Proses yang menampilkan ${what.id.toLowerCase()} berhenti (${reason}). Tutup jendela ini lalu coba lagi; data yang sudah tersimpan tetap ada.`,
    en: `The process showing ${what.en.toLowerCase()} stopped (${reason}). Close this window and try again; what was saved is kept.`,
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function failurePageUrl(message: Bilingual): string {
  const html =
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Timbang</title></head>' +
    '<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2em; max-width: 40em">' +
    `<p role="alert"><strong>${escape(message.id)}</strong></p><p lang="en">${escape(message.en)}</p></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
