/**
 * Dates as a Berita Acara writes them: the day name and month name in Indonesian, the day of the month
 * and the year in words with every word capitalised ("Jumat tanggal Empat bulan Juli tahun Dua Ribu
 * Dua Puluh Lima"), and dates in figures for the rest of the report ("4 Juli 2025", "4 July 2025").
 * Dates are ISO calendar dates (YYYY-MM-DD) read without a time zone, so the weekday never shifts.
 */
import angkaTerbilang from '@develoka/angka-terbilang-js';
import { AppError } from '../../api/errors.ts';
import { reportMessages } from '../../core/messages/report.ts';

export type Lang = 'id' | 'en';

const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    // The event's dates are checked as calendar dates when it is read (core/model.ts IsoDate).
    throw new AppError('internal', reportMessages.notACalendarDate({ iso }));
  }
  return { year, month, day };
}

/** A whole number in Indonesian words, each word capitalised: 2025 → "Dua Ribu Dua Puluh Lima". */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new AppError('internal', reportMessages.notAWholeNumber({ n }));
  return angkaTerbilang(String(n))
    .split(' ')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** "Jumat tanggal Empat bulan Juli tahun Dua Ribu Dua Puluh Lima" for 2025-07-04. */
export function dateInWords(iso: string): string {
  const { year, month, day } = parseDate(iso);
  const weekday = DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} tanggal ${numberInWords(day)} bulan ${MONTHS.id[month - 1]} tahun ${numberInWords(year)}`;
}

/** The weekday of an ISO date in English ("Friday"), for the translation of the Berita Acara's opening. */
export function weekdayEn(iso: string): string {
  const { year, month, day } = parseDate(iso);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
}

/** "4 Juli 2025" / "4 July 2025". */
export function formatDate(iso: string, lang: Lang): string {
  const { year, month, day } = parseDate(iso);
  return `${day} ${MONTHS[lang][month - 1]} ${year}`;
}

/** "24–26 Juni 2025", "30 Juni – 2 Juli 2025", "1 Januari – 31 Desember 2024". */
export function formatRange(start: string, end: string, lang: Lang): string {
  const a = parseDate(start);
  const b = parseDate(end);
  if (start.slice(0, 10) === end.slice(0, 10)) return formatDate(start, lang);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${MONTHS[lang][b.month - 1]} ${b.year}`;
  if (a.year === b.year) return `${a.day} ${MONTHS[lang][a.month - 1]} – ${formatDate(end, lang)}`;
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** The local time with its offset ("2025-07-04T09:15:00+08:00"), so the report prints the date of where it was made. */
export function localIsoTime(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}
