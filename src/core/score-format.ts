/**
 * Scores as people read them, the same on screen, in print, in the Rekapitulasi and on the command line.
 * Rounded half away from zero on the value's shortest decimal form, as Excel's ROUND and a calculator do:
 * 50.275 gives 50.28 although the double nearest it lies just below (toFixed would give 50.27), so the
 * secretariat's own check in Excel agrees with every figure Timbang prints.
 */
export type ScoreLang = 'id' | 'en';

const formats = new Map<string, Intl.NumberFormat>();

function format(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}${digits}`;
  let found = formats.get(key);
  if (!found) {
    // Intl formats from the shortest decimal that round-trips the double, then rounds half-expand.
    found = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
      roundingMode: 'halfExpand',
    });
    formats.set(key, found);
  }
  return found;
}

/** "87,45" in Indonesian, "87.45" in English; "—" for none. */
export function formatScore(value: number | null | undefined, lang: ScoreLang, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return format(lang === 'id' ? 'id-ID' : 'en-GB', digits).format(value);
}

/** The number a printed score shows, for a cell that stays a number (the Rekapitulasi workbook). */
export function roundScore(value: number, digits = 2): number {
  return Number(format('en-US', digits).format(value));
}

/** A juror's mark as people read it: "3,5" / "3.5", "4" (no trailing zeros); "—" for none. */
export function formatMark(value: number | null | undefined, lang: ScoreLang): string {
  if (value === null || value === undefined) return '—';
  let found = formats.get(`mark${lang}`);
  if (!found) {
    found = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
      useGrouping: false,
      roundingMode: 'halfExpand',
    });
    formats.set(`mark${lang}`, found);
  }
  return found.format(value);
}
