/**
 * Interface language: Bahasa Indonesia first, English second (i18next). The choice is remembered on
 * this computer. Texts that come from the event (category names, rubrics) carry both languages in the
 * event itself and are picked with `pick`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Bilingual } from '../../core/model.ts';
import { formatLocalClock, formatLocalDateTime } from '../../core/local-time.ts';
import { formatMark, formatScore } from '../../core/score-format.ts';
import en from './en.json';
import id from './id.json';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];
const STORAGE_KEY = 'timbang.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

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

document.documentElement.lang = savedLanguage();
export default i18next;

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
