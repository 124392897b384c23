/**
 * Times as the people of an event read them: in the event's time zone (an IANA name; Kupang's WITA,
 * Asia/Makassar, unless the event says otherwise), with the abbreviation Indonesians use (WIB, WITA, WIT).
 * The zone's offset always comes from Intl (the platform's time-zone data), never from a hand-made table,
 * and the words (month names, "pukul") are ours, so the same instant reads the same on every machine:
 * a signed sheet's cover is compared with what this module writes.
 */
export type TimeLang = 'id' | 'en';

/** Nusa Tenggara Timur's zone (WITA), the first users' own. */
export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

/** Indonesia's three zones as people name them; the IANA zones of each. */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The zones a secretariat picks from (template drop-down, forms): WIB, WITA, WIT. */
export const INDONESIAN_TIME_ZONES = [
  { zone: 'Asia/Jakarta', abbreviation: 'WIB' },
  { zone: 'Asia/Makassar', abbreviation: 'WITA' },
  { zone: 'Asia/Jayapura', abbreviation: 'WIT' },
] as const;

const MONTHS: Record<TimeLang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** Whether Intl knows this IANA zone name ("Asia/Makassar", "UTC"); abbreviations such as "WITA" are not zone names. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    partsFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone of an event: its own, else WITA. */
export function eventTimeZone(event: { timeZone?: string | undefined }): string {
  return event.timeZone ?? DEFAULT_TIME_ZONE;
}

/** "WITA" for Asia/Makassar (also "WIB", "WIT"); elsewhere Intl's short name ("GMT+9", "UTC"). */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const known = INDONESIAN_ZONES[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The IANA zone a person's word names: "WITA" → Asia/Makassar; an IANA name as it is; undefined if neither. */
export function timeZoneFromWord(word: string): string | undefined {
  const text = word.trim();
  const indonesian = INDONESIAN_TIME_ZONES.find((z) => z.abbreviation.toLowerCase() === text.toLowerCase());
  if (indonesian) return indonesian.zone;
  const named = INDONESIAN_TIME_ZONES.find((z) => z.zone.toLowerCase() === text.toLowerCase());
  if (named) return named.zone;
  return isTimeZone(text) ? text : undefined;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a zone. */
export function localTime(instant: Date | string, timeZone: string): LocalTime {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(date)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date of an instant in a zone, YYYY-MM-DD (what "today" is where the panel sits). */
export function localDate(instant: Date | string, timeZone: string): string {
  const t = localTime(instant, timeZone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** "21.11" (Indonesian, a dot between hours and minutes) or "21:11"; with seconds "21.11.05". */
export function formatClock(instant: Date | string, timeZone: string, lang: TimeLang, seconds = false): string {
  const t = localTime(instant, timeZone);
  const sep = lang === 'id' ? '.' : ':';
  return [t.hour, t.minute, ...(seconds ? [t.second] : [])].map(pad).join(sep);
}

/** "21.11.05 WITA": a time of today, as the save line shows it. */
export function formatLocalClock(instant: Date | string, timeZone: string, lang: TimeLang, seconds = false): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return `${formatClock(date, timeZone, lang, seconds)} ${zoneAbbreviation(timeZone, date)}`;
}

/** "4 Desember 2026" / "4 December 2026": the date of an instant in the zone. */
export function formatLocalDate(instant: Date | string, timeZone: string, lang: TimeLang): string {
  const t = localTime(instant, timeZone);
  return `${t.day} ${MONTHS[lang][t.month - 1]} ${t.year}`;
}

/** "4 Desember 2026 pukul 21.11 WITA" / "4 December 2026 at 21:11 WITA" (seconds on request: "21.11.05"). */
export function formatLocalDateTime(instant: Date | string, timeZone: string, lang: TimeLang, seconds = false): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return `${formatLocalDate(date, timeZone, lang)} ${lang === 'id' ? 'pukul' : 'at'} ${formatClock(date, timeZone, lang, seconds)} ${zoneAbbreviation(timeZone, date)}`;
}
