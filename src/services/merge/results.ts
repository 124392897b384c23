/**
 * The merge's results as people and the CLI see them, and their hash: the same inputs in any order give
 * the same rankings and the same hash, which the Berita Acara prints so anyone can re-run the merge.
 */
import { createHash } from 'node:crypto';
// Issue 16: the awards (places per category, empty places, special awards) are part of the results.
import { eventAwards, hashedSpecialAwards, type SpecialAward } from '../../core/awards.ts';
import type { MergeResult } from '../../core/merge.ts';
import type { Event } from '../../core/model.ts';
import { canonicalJson } from '../keys/signing.ts';

/** Scores are shown and hashed at six decimals: far finer than any ranking needs, and immune to float noise. */
const round6 = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);

export function resultsSummary(event: Event, result: MergeResult, specialAwards: readonly SpecialAward[] = []) {
  const entry = (n: MergeResult['categories'][number]['ranking'][number]) => ({
    rank: n.rank,
    nomineeId: n.nomineeId,
    name: n.name,
    rounds: Object.fromEntries(Object.entries(n.rounds).map(([roundId, score]) => [roundId, round6(score)])),
    final: round6(n.final),
    joint: n.joint,
  });
  const summary = {
    eventId: event.id,
    rule: result.rule,
    categories: result.categories.map((c) => ({
      id: c.categoryId,
      name: event.categories.find((k) => k.id === c.categoryId)!.name.id,
      ranking: c.ranking.map(entry),
    })),
    overall: result.overall.map((n) => ({ ...entry(n), categoryId: n.categoryId })),
  };
  // Issue 16: the places each category awards (and why one stays empty), and the plenary's special awards.
  const awards = eventAwards(event, summary.categories).map((c) => ({ ...c, minimum: round6(c.minimum) }));
  const hashed = { ...summary, awards, specialAwards: hashedSpecialAwards(specialAwards) };
  return {
    resultsHash: createHash('sha256').update(canonicalJson(hashed)).digest('hex'),
    ...summary,
    awards,
    specialAwards: [...specialAwards],
  };
}
