/**
 * Issue 17: a nominee's figures as the juror reads them beside a criterion. Pure: shared by the renderer,
 * print and tests. Figures are evidence, never marks: nothing here touches a score.
 */
import type { Event, EvidenceFigure } from './model.ts';
import type { ScoreLang } from './score-format.ts';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A figure's value as people write it: "34,90 %", "100.000 orang" in Indonesian (decimal comma, dotted
 * thousands), "34.90 %", "100,000 orang" in English; a fraction always with two decimals, a whole number without.
 */
export function formatFigureValue(figure: Pick<EvidenceFigure, 'value' | 'unit'>, lang: ScoreLang): string {
  const digits = Number.isInteger(figure.value) ? 0 : 2;
  const key = `${lang}${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      roundingMode: 'halfExpand',
    });
    formats.set(key, format);
  }
  const number = format.format(figure.value);
  return figure.unit ? `${number} ${figure.unit}` : number;
}

/** The figures of a nominee that inform a criterion, in the event's order. */
export function figuresFor(event: Pick<Event, 'figures'>, nomineeId: string, criterionCode: string): EvidenceFigure[] {
  return (event.figures ?? []).filter((f) => f.nomineeId === nomineeId && (f.criterionCodes ?? []).includes(criterionCode));
}

/** A nominee's figures that inform none of the criteria (shown with the nominee only). */
export function unlinkedFigures(event: Pick<Event, 'figures'>, nomineeId: string): EvidenceFigure[] {
  return (event.figures ?? []).filter((f) => f.nomineeId === nomineeId && (f.criterionCodes ?? []).length === 0);
}
