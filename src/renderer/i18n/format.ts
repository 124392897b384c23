/**
 * Texts and numbers in the interface language, without i18next: texts the event carries in both languages
 * (`pick`), dates, instants, marks and scores. Pure, so the renderer's hooks and their tests use them too.
 */
import type { Bilingual } from '../../core/model.ts';
import { formatLocalClock, formatLocalDateTime } from '../../core/local-time.ts';
import { formatMark, formatScore } from '../../core/score-format.ts';

export function pick(text: Bilingual, language: string): string {
  return language === 'en' ? text.en : text.id;
}

/** "2024-01-01" → "1 Januari 2024" / "1 January 2024". */
export function formatDate(isoDate: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'id-ID';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/**
 * An instant, in the interface language, to the second. With the event's time zone (every screen about an
 * event): "4 Desember 2026 pukul 21.11.05 WITA"; without one (the workspace's backups), this computer's.
 */
export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  if (timeZone) return formatLocalDateTime(iso, timeZone, language === 'en' ? 'en' : 'id', true);
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'medium' });
}

/** A time of day in the event's zone: "21.11.05 WITA" / "21:11:05 WITA". */
export function clockText(iso: string, language: string, timeZone: string): string {
  return formatLocalClock(iso, timeZone, language === 'en' ? 'en' : 'id', true);
}

/** A juror's mark or a weight as people read it ("3,5" / "3.5", "4"), as on the sheet and in print. */
export function markText(value: number | null | undefined, language: string): string {
  return formatMark(value, language === 'en' ? 'en' : 'id');
}

/** A score in the interface language ("87,45" / "87.45"), rounded as in print and in Excel (core/score-format.ts). */
export function scoreText(value: number | null | undefined, language: string, digits = 2): string {
  return formatScore(value, language === 'en' ? 'en' : 'id', digits);
}
