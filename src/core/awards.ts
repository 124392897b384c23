/**
 * Awards per category: which places (Terbaik 1..N) a category's ranking fills, which stay empty and why,
 * and the special awards the plenary names beside the ranks ("Terbaik Coverage", "Terbaik Inovasi").
 *
 * Real events differ per category (NTT 2023: 12 places in Pemerintah Kabupaten/Kota, 3 in Manufaktur) and
 * may leave a place empty (NTT 2024 named no Terbaik 3 in Pelayanan Kesehatan). A place k goes to the
 * nominees ranked k, and only when they deserve it: scored in every round that admits them and, where the
 * category sets a minimum Nilai Akhir, at or above it. Otherwise the place stays empty; nobody ranked lower
 * is promoted into it (and since incomplete nominees rank after complete ones, and lower ranks score
 * lower, every later place stays empty too). Pure: the same ranking always gives the same awards.
 */
import type { Category, Event } from './model.ts';
import { roundNominees } from './scoring.ts';

/** Why a place has no holder. */
export type Vacancy =
  /** The nominee ranked there scores below the category's minimum Nilai Akhir. */
  | 'below-minimum'
  /** The nominee ranked there is not scored in every round that admits them. */
  | 'incomplete'
  /** The category has fewer ranked nominees than places. */
  | 'no-nominee'
  /** Joint holders of a place above take this one too (ranks 1, 1, 3: no Terbaik 2). */
  | 'shared';

export interface PlaceAward {
  /** 1 for Terbaik 1. */
  place: number;
  /** Who holds it, in ranking order: more than one for joint winners (juara bersama); none when vacant. */
  nomineeIds: string[];
  vacant: Vacancy | null;
}

export interface CategoryAwards {
  categoryId: string;
  /** How many places the category awards (its own, or the event's default). */
  size: number;
  /** The minimum Nilai Akhir for a place, or null. */
  minimum: number | null;
  places: PlaceAward[];
}

/** A special award the plenary recorded: what, to whom, why, by whom, when. */
export interface SpecialAward {
  /** The category it belongs to, or null for one across the event. */
  categoryId: string | null;
  /** As the plenary named it, e.g. "Terbaik Inovasi". */
  name: string;
  nomineeId: string;
  reason: string;
  decidedBy: string;
  recordedAt: string;
}

/** What a ranking entry must tell: as in the deliberation's categories. */
export interface RankedEntry {
  rank: number;
  nomineeId: string;
  final: number | null;
  rounds: Record<string, number | null>;
}

/** Scores are compared at this tolerance everywhere in ranking (merge.ts). */
const EPSILON = 1e-9;

/** The places a category awards: its own number, or the event's default. */
export function placesOf(event: Pick<Event, 'merge'>, category: Pick<Category, 'places'>): number {
  return category.places ?? event.merge.winnersPerCategory;
}

/**
 * Whether a nominee's Nilai Akhir is complete: a score in every round of its category that admits it (a
 * round still waiting for its shortlist admits everyone, so nobody is complete before it is scored).
 */
export function scoredThroughout(event: Event, categoryId: string, entry: RankedEntry): boolean {
  const rounds = event.rounds.filter((r) => r.categoryIds.includes(categoryId));
  if (rounds.length === 0) return false;
  return rounds.every((round) => {
    const admitted = roundNominees(event, round, categoryId);
    if (admitted && !admitted.some((n) => n.id === entry.nomineeId)) return true;
    const score = entry.rounds[round.id];
    return score !== null && score !== undefined;
  });
}

/** The places of one category from its ranking (after plenary decisions). */
export function categoryAwards(event: Event, category: Category, ranking: readonly RankedEntry[]): CategoryAwards {
  const size = placesOf(event, category);
  const minimum = category.minimumScore ?? null;
  const places: PlaceAward[] = [];
  for (let place = 1; place <= size; place++) {
    const holders = ranking.filter((n) => n.rank === place);
    if (holders.length === 0) {
      // Ranks skip after a joint group (1, 1, 3): the group above holds this place too.
      const shared = ranking.some((n) => n.rank < place && n.rank + ranking.filter((m) => m.rank === n.rank).length - 1 >= place);
      places.push({ place, nomineeIds: [], vacant: shared ? 'shared' : 'no-nominee' });
      continue;
    }
    // A joint group is equal on every key, completeness and Nilai Akhir included: one stands for all.
    const first = holders[0];
    const vacant: Vacancy | null = !scoredThroughout(event, category.id, first)
      ? 'incomplete'
      : minimum !== null && (first.final ?? 0) < minimum - EPSILON
        ? 'below-minimum'
        : null;
    places.push({ place, nomineeIds: vacant ? [] : holders.map((n) => n.nomineeId), vacant });
  }
  return { categoryId: category.id, size, minimum, places };
}

/** Every category's places, in the event's order of categories. */
export function eventAwards(event: Event, categories: readonly { id: string; ranking: readonly RankedEntry[] }[]): CategoryAwards[] {
  return event.categories.map((category) => categoryAwards(event, category, categories.find((c) => c.id === category.id)?.ranking ?? []));
}

/** How many awards the places give (joint holders each count): NTT 2023 gave 54. */
export function awardCount(awards: readonly CategoryAwards[]): number {
  return awards.reduce((sum, c) => sum + c.places.reduce((n, p) => n + p.nomineeIds.length, 0), 0);
}

/** The place a nominee holds in its category, or null. */
export function placeOf(awards: readonly CategoryAwards[], nomineeId: string): number | null {
  for (const category of awards) for (const p of category.places) if (p.nomineeIds.includes(nomineeId)) return p.place;
  return null;
}

/** Ids in one fixed order (UTF-16 code units), whatever order they came in. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The special awards as the results hash carries them: what, in which category, to whom (not why or who
 * decided, which the Berita Acara prints but which change no result), in one fixed order.
 */
export function hashedSpecialAwards(awards: readonly SpecialAward[]): { categoryId: string | null; name: string; nomineeId: string }[] {
  return awards
    .map((a) => ({ categoryId: a.categoryId, name: a.name, nomineeId: a.nomineeId }))
    .sort(
      (a, b) => byCodeUnits(a.categoryId ?? '', b.categoryId ?? '') || byCodeUnits(a.name, b.name) || byCodeUnits(a.nomineeId, b.nomineeId),
    );
}
