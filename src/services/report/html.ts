/** Small helpers for writing the report's HTML: escaping and numbers in the reader's language. */
import type { Lang } from './date-words.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that comes from an event, a sheet or a person goes through here, in content and attributes alike. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const formats = new Map<string, Intl.NumberFormat>();

/** A score with a fixed number of decimals: "87,45" in Indonesian, "87.45" in English; "—" for none. */
export function num(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined) return '—';
  const key = `${lang}${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
    formats.set(key, format);
  }
  return format.format(value);
}
