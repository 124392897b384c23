/**
 * One juror's arithmetic, shared by the scoring screen, the score sheet and the merge:
 * a criterion's value on a 0–100 scale is mark ÷ scale maximum × 100 (5 → 100, 1 → 20),
 * and a round score is Σ weight × value ÷ 100 (weights sum to 100, so it lies in 0–100).
 */
import type { Criterion, Event, Nominee, Round } from './model.ts';

export interface WeightedTotal {
  /** Σ weight × value ÷ 100 over the criteria scored so far. */
  total: number;
  scored: number;
  of: number;
}

export function criterionValue(mark: number, criterion: Pick<Criterion, 'scale'>): number {
  return (mark / criterion.scale.max) * 100;
}

export function weightedTotal(
  criteria: readonly Pick<Criterion, 'code' | 'weight' | 'scale'>[],
  marks: ReadonlyMap<string, number>,
): WeightedTotal {
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
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
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
 * The nominees of a category a round scores, or null while the round waits for its shortlist. A round
 * without a shortlist size takes everyone; so does a category with no more nominees than that size;
 * otherwise the round opens with the shortlist the secretariat issued.
 */
export function roundNominees(
  event: Pick<Event, 'nominees' | 'shortlists'>,
  round: Pick<Round, 'id' | 'shortlistSize'>,
  categoryId: string,
): Nominee[] | null {
  const all = event.nominees.filter((n) => n.categoryId === categoryId);
  if (round.shortlistSize === null) return all;
  // An issued shortlist decides, whatever its length: the secretariat may shortlist fewer than the template's size.
  const list = event.shortlists?.find((s) => s.roundId === round.id && s.categoryId === categoryId);
  if (list) return all.filter((n) => list.nomineeIds.includes(n.id));
  return all.length <= round.shortlistSize ? all : null;
}
