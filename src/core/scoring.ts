/**
 * One juror's arithmetic, shared by the scoring screen, the score sheet and the merge:
 * a criterion's value on a 0–100 scale is mark ÷ scale maximum × 100 (5 → 100, 1 → 20),
 * and a round score is Σ weight × value ÷ 100 (weights sum to 100, so it lies in 0–100).
 */
import type { Criterion, Nominee } from './model.ts';

export interface WeightedTotal {
  /** Σ weight × value ÷ 100 over the criteria scored so far. */
  total: number;
  scored: number;
  of: number;
}

export function criterionValue(mark: number, criterion: Pick<Criterion, 'scale'>): number {
  return (mark / criterion.scale.max) * 100;
}

export function weightedTotal(criteria: Pick<Criterion, 'code' | 'weight' | 'scale'>[], marks: ReadonlyMap<string, number>): WeightedTotal {
  let total = 0;
  let scored = 0;
  for (const criterion of criteria) {
    const mark = marks.get(criterion.code);
    if (mark === undefined) continue;
    total += (criterion.weight * criterionValue(mark, criterion)) / 100;
    scored++;
  }
  return { total, scored, of: criteria.length };
}

/** Lower case without accents, so "pulau rote" finds "Pulau Rote" and "desa" finds "Désa". */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Nominees whose name or region contains every word typed, in any order. */
export function filterNominees<T extends Pick<Nominee, 'name' | 'region'>>(nominees: readonly T[], query: string): T[] {
  const words = searchText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...nominees];
  return nominees.filter((nominee) => {
    const haystack = searchText(`${nominee.name} ${nominee.region}`);
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * Whether a round is open for a category's nominees. A round with a shortlist opens once the shortlist
 * is known; a category with no more nominees than the shortlist size needs none and is open at once.
 */
export function isRoundOpen(round: { shortlistSize: number | null }, nomineesInCategory: number): boolean {
  return round.shortlistSize === null || nomineesInCategory <= round.shortlistSize;
}
