/**
 * One field of the event template: its heading, how messages name it, its English hint, and how its value
 * is written to a cell and read back. Writing and reading share these definitions, so they cannot drift apart.
 */
import type { CellValue, DataValidation } from 'exceljs';
import { INDONESIAN_TIME_ZONES, timeZoneFromWord } from '../../../core/local-time.ts';
import { bothLanguages } from '../../../core/messages/catalog.ts';
import { templateExpected, templateRanges } from '../../../core/messages/event-template.ts';
import { Id, IsoDate, type Bilingual, type TieBreakStep } from '../../../core/model.ts';

/** A filled cell as the template sees it: formulas give their result, rich text and links their plain text. */
export type Content = string | number | boolean | Date;

type Parsed<T> = { ok: true; value: T } | { ok: false; expected: Bilingual };

export interface Column {
  /** Indonesian heading in row 1 (on sheet Acara: the row label in column A). */
  header: string;
  /** English hint in row 2 (on sheet Acara: column C). */
  hint: string;
  /** Column width in characters; sheet Acara's rows have none. */
  width?: number;
}

export interface Field<T> extends Column {
  /** How messages name the field, lower case: "bobot harus angka 0–100". */
  name: Bilingual;
  parse(content: Content): Parsed<T>;
  /** Stands in for a missing or unreadable value so that the rest of the event can still be checked. */
  placeholder(address: string): T;
  toCell(value: T): CellValue;
  validation?: DataValidation;
  numFmt?: string;
}

type Label = Column & { name: Bilingual };

/** Excel's number format for text: keeps ids such as "01" from turning into numbers as they are typed. */
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'yyyy-mm-dd';

export const HEADER_ROW = 1;
export const HINT_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Drop-downs and number checks reach this row, and the id lists they offer end there too. */
export const LAST_VALIDATED_ROW = 500;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** Any cell content as text: what a person sees in the cell. */
export function contentText(content: Content): string {
  if (content instanceof Date) return isoDay(content);
  return String(content);
}

/** Excel dates carry no time zone; exceljs reads them as UTC midnight, so the UTC parts are the day typed. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function textField(label: Label): Field<string> {
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => ok(contentText(content)),
    placeholder: () => '?',
    toCell: (value) => value,
  };
}

const idExpected = (name: Bilingual): Bilingual => templateExpected.id({ name });

const isId = (text: string) => Id.safeParse(text).success;

/**
 * A stand-in id is valid and unique, so it neither hides nor causes other problems; should a message about
 * something else name it, "sel-D7" (cell D7) still says where it stands.
 */
const placeholderId = (address: string) => `sel-${address}`;

/** An id, or a reference to one: `listFrom` adds a drop-down of the ids on that sheet. */
export function idField(label: Label, listFrom?: string): Field<string> {
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const text = contentText(content);
      return isId(text) ? ok(text) : { ok: false, expected: idExpected(label.name) };
    },
    placeholder: placeholderId,
    toCell: (value) => value,
    validation: listFrom ? listValidation(`${listFrom}!$A$${FIRST_DATA_ROW}:$A$${LAST_VALIDATED_ROW}`, idExpected(label.name)) : undefined,
  };
}

/** Several ids in one cell, separated by commas (semicolons are forgiven). */
export function idListField(label: Label): Field<string[]> {
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const ids = contentText(content)
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
      return ids.length > 0 && ids.every(isId) ? ok(ids) : { ok: false, expected: templateExpected.idList({ name: label.name }) };
    },
    placeholder: (address) => [placeholderId(address)],
    toCell: (value) => value.join(', '),
  };
}

export interface NumberRule {
  integer: boolean;
  min: number;
  max?: number;
  /** The value must be above `min`, not equal to it. */
  aboveMin?: boolean;
}

function rangeText(rule: NumberRule): Bilingual {
  if (rule.aboveMin) return templateRanges.above({ min: rule.min });
  if (rule.max === undefined) return templateRanges.atLeast({ min: rule.min });
  // "−100–100" would read as a subtraction.
  return rule.min < 0
    ? templateRanges.fromNegative({ min: rule.min, max: rule.max })
    : templateRanges.between({ min: rule.min, max: rule.max });
}

/**
 * Several texts in one cell, one per line or separated by semicolons (issue 16: the decrees a Berita Acara
 * rests on); written one per line.
 */
export function textListField(label: Label): Field<string[]> {
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const items = contentText(content)
        .split(/\s*(?:;|\r?\n)\s*/)
        .map((s) => s.trim())
        .filter(Boolean);
      return items.length > 0 ? ok(items) : { ok: false, expected: templateExpected.textList({ name: label.name }) };
    },
    placeholder: () => ['?'],
    toCell: (value) => value.join(';\n'),
  };
}

/** Numbers typed as text ("20", "20,5" with the Indonesian decimal comma, "20%") are read as numbers: "20%" is 20. */
const NUMERIC_TEXT = /^(-?\d+(?:[.,]\d+)?)\s*%?$/;

export function numberField(label: Label, rule: NumberRule): Field<number> {
  const range = rangeText(rule);
  const expected: Bilingual = (rule.integer ? templateExpected.wholeNumber : templateExpected.number)({ name: label.name, range });
  const fits = (n: number) =>
    Number.isFinite(n) &&
    (!rule.integer || Number.isInteger(n)) &&
    (rule.aboveMin ? n > rule.min : n >= rule.min) &&
    (rule.max === undefined || n <= rule.max);
  return {
    ...label,
    parse: (content) => {
      const text = typeof content === 'string' ? NUMERIC_TEXT.exec(content)?.[1] : undefined;
      const n = typeof content === 'number' ? content : text !== undefined ? Number(text.replace(',', '.')) : NaN;
      return fits(n) ? ok(n) : { ok: false, expected };
    },
    placeholder: () => Math.min(Math.max(1, rule.min), rule.max ?? 1),
    toCell: (value) => value,
    validation: {
      type: rule.integer ? 'whole' : 'decimal',
      allowBlank: true,
      operator: rule.aboveMin ? 'greaterThan' : rule.max === undefined ? 'greaterThanOrEqual' : 'between',
      formulae: rule.max === undefined || rule.aboveMin ? [rule.min] : [rule.min, rule.max],
      ...errorMessage(expected),
    },
  };
}

/**
 * Issue 17: a figure as people write it: a number cell, or text in the Indonesian way ("34,90", "100.000",
 * "1.234.567,5") or the English one ("34.9"). A dot followed by groups of exactly three digits is a
 * thousands separator (so "100.000" is one hundred thousand); a comma is the decimal point when there is one.
 */
export function figureValueField(label: Label): Field<number> {
  const expected: Bilingual = templateExpected.figure({ name: label.name });
  const parseText = (raw: string): number => {
    const text = raw.replace(/\s+/g, '');
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
    if (/^\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
    return NaN;
  };
  return {
    ...label,
    parse: (content) => {
      const n = typeof content === 'number' ? content : typeof content === 'string' ? parseText(content) : NaN;
      return Number.isFinite(n) && n >= 0 ? ok(n) : { ok: false, expected };
    },
    placeholder: () => 0,
    toCell: (value) => value,
    validation: { type: 'decimal', allowBlank: true, operator: 'greaterThanOrEqual', formulae: [0], ...errorMessage(expected) },
  };
}

/** Text as Indonesians write a day, day first: 4/7/2025, 04-07-2025, 4.7.2025. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A day: a real Excel date, or text yyyy-mm-dd, or text day first (dd/mm/yyyy). */
export function dateField(label: Label): Field<string> {
  return {
    ...label,
    numFmt: DATE_FORMAT,
    parse: (content) => {
      if (content instanceof Date) return ok(isoDay(content));
      const dayFirst = typeof content === 'string' ? DAY_FIRST.exec(content) : null;
      const text = dayFirst ? `${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}` : content;
      return typeof text === 'string' && IsoDate.safeParse(text).success
        ? ok(text)
        : { ok: false, expected: templateExpected.date({ name: label.name }) };
    },
    placeholder: () => '2000-01-01',
    toCell: (value) => new Date(`${value}T00:00:00Z`),
  };
}

/** One of a few words, offered as a drop-down; `fallback` is the harmless stand-in for an unreadable cell. */
export function choiceField<T extends string>(label: Label, options: readonly T[], fallback: T): Field<T> {
  const expected: Bilingual = templateExpected.choice({ name: label.name, options });
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const chosen = options.find((option) => option === contentText(content).toLowerCase());
      return chosen ? ok(chosen) : { ok: false, expected };
    },
    placeholder: () => fallback,
    toCell: (value) => value,
    validation: listValidation(`"${options.join(',')}"`, expected),
  };
}

export function yesNoField(label: Label): Field<boolean> {
  const expected: Bilingual = templateExpected.yesNo({ name: label.name });
  return {
    ...label,
    parse: (content) => {
      if (typeof content === 'boolean') return ok(content);
      const word = contentText(content).toLowerCase();
      return word === 'ya' ? ok(true) : word === 'tidak' ? ok(false) : { ok: false, expected };
    },
    placeholder: () => false,
    toCell: (value) => (value ? 'Ya' : 'Tidak'),
    validation: listValidation('"Ya,Tidak"', expected),
  };
}

/**
 * A time zone as a secretariat names it: WIB, WITA or WIT (offered as a drop-down), or an IANA name
 * ("Asia/Makassar"); read as the IANA name, written as the word people use.
 */
export function timeZoneField(label: Label): Field<string> {
  const words = INDONESIAN_TIME_ZONES.map((z) => z.abbreviation);
  const expected: Bilingual = templateExpected.timeZone({ name: label.name, words });
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const zone = timeZoneFromWord(contentText(content));
      return zone ? ok(zone) : { ok: false, expected };
    },
    placeholder: () => INDONESIAN_TIME_ZONES[1].zone,
    toCell: (zone) => INDONESIAN_TIME_ZONES.find((z) => z.zone === zone)?.abbreviation ?? zone,
    // Not a strict list: an IANA name typed by hand is accepted too (checked on import).
    validation: { ...listValidation(`"${words.join(',')}"`, expected), showErrorMessage: false },
  };
}

/** Issue 16: a round's quorum as people write it: a number of jurors ("5") or a share of those assigned ("2/3"). */
export function quorumField(label: Label): Field<number | { numerator: number; denominator: number }> {
  const expected: Bilingual = templateExpected.quorum({ name: label.name });
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const text = contentText(content).trim();
      const share = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(text);
      if (share && Number(share[1]) >= 1 && Number(share[2]) >= 1)
        return ok({ numerator: Number(share[1]), denominator: Number(share[2]) });
      return /^\d{1,3}$/.test(text) && Number(text) >= 1 ? ok(Number(text)) : { ok: false, expected };
    },
    placeholder: () => 1,
    toCell: (value) => (typeof value === 'number' ? String(value) : `${value.numerator}/${value.denominator}`),
  };
}

/** Words of the tie-break cascade as the secretariat types them: "babak:wawancara; kriteria-utama:administrasi; pleno". */
const TIE_BREAK_WORDS = { round: 'babak', topCriterion: 'kriteria-utama', plenary: 'pleno' } as const;

export function tieBreakField(label: Label): Field<TieBreakStep[]> {
  const expected: Bilingual = templateExpected.tieBreak({ name: label.name, words: TIE_BREAK_WORDS });
  const parseStep = (text: string): TieBreakStep | undefined => {
    if (text.toLowerCase() === TIE_BREAK_WORDS.plenary) return { kind: 'plenary' };
    const colon = text.indexOf(':');
    const word = text.slice(0, colon).trim().toLowerCase();
    const roundId = text.slice(colon + 1).trim();
    if (colon < 0 || !isId(roundId)) return undefined;
    if (word === TIE_BREAK_WORDS.round) return { kind: 'round', roundId };
    if (word === TIE_BREAK_WORDS.topCriterion) return { kind: 'topCriterion', roundId };
    return undefined;
  };
  return {
    ...label,
    numFmt: TEXT_FORMAT,
    parse: (content) => {
      const steps = contentText(content)
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(parseStep);
      return steps.every((step) => step !== undefined) ? ok(steps) : { ok: false, expected };
    },
    placeholder: () => [],
    toCell: (steps) =>
      steps
        .map((step) => (step.kind === 'plenary' ? TIE_BREAK_WORDS.plenary : `${TIE_BREAK_WORDS[step.kind]}:${step.roundId}`))
        .join('; ') || null,
  };
}

function errorMessage(expected: Bilingual): Partial<DataValidation> {
  return { showErrorMessage: true, errorTitle: 'Timbang', error: bothLanguages(expected) };
}

function listValidation(source: string, expected: Bilingual): DataValidation {
  return { type: 'list', allowBlank: true, formulae: [source], ...errorMessage(expected) };
}
