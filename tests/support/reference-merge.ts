/**
 * The merge and the panel figures as they were computed before issue 18 (commit 0fdda28): one merge per
 * juror left out, a string key per mark, list scans. Kept only as a reference that the indexed merge
 * (src/core/merge.ts, agreement.ts) must reproduce exactly, on any marks.
 */
import { kendallW, ranksOf } from '../../src/core/agreement.ts';
import type { Disagreement } from '../../src/core/agreement.ts';
import type { MergeMark, MergeResult, NomineeResult } from '../../src/core/merge.ts';
import type { Event, MergeRule, Round, TieBreakStep } from '../../src/core/model.ts';
import { roundNominees } from '../../src/core/scoring.ts';

type Aggregate = (values: number[]) => number;

const aggregate: Record<'mean' | 'median' | 'trimmed', Aggregate> = {
  mean: (values) => values.reduce((a, b) => a + b, 0) / values.length,
  median: (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  },
  // Figure skating's rule: drop the highest and the lowest mark once there are at least five.
  trimmed: (values) => {
    if (values.length < 5) return aggregate.mean(values);
    const sorted = [...values].sort((a, b) => a - b);
    return aggregate.mean(sorted.slice(1, -1));
  },
};

/**
 * Per-juror standardisation (as Evalato does): within a round, each juror's marks become z-scores
 * against that juror's own mean and spread, then are mapped back onto the panel's mean and spread for
 * the round, so a strict juror and a lenient one weigh the same. A juror who gave one value throughout
 * sits at the panel mean.
 */
function standardise(marks: readonly MergeMark[]): MergeMark[] {
  const stats = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    return { mean, sd };
  };
  const byRound = Map.groupBy(marks, (m) => m.roundId);
  return [...byRound.values()].flatMap((roundMarks) => {
    const panel = stats(roundMarks.map((m) => m.value));
    const byJuror = Map.groupBy(roundMarks, (m) => m.jurorId);
    return [...byJuror.values()].flatMap((jurorMarks) => {
      const own = stats(jurorMarks.map((m) => m.value));
      return jurorMarks.map((m) => ({ ...m, value: own.sd === 0 ? panel.mean : panel.mean + ((m.value - own.mean) / own.sd) * panel.sd }));
    });
  });
}

export function referenceMerge(event: Event, marks: readonly MergeMark[], rule: MergeRule = event.merge.rule): MergeResult {
  const combine = aggregate[rule === 'zscore' ? 'mean' : rule];
  const byCell = new Map<string, number[]>();
  for (const mark of rule === 'zscore' ? standardise(sortMarks(marks)) : marks) {
    const key = `${mark.roundId}\u0000${mark.nomineeId}\u0000${mark.criterionCode}`;
    const values = byCell.get(key);
    if (values) values.push(mark.value);
    else byCell.set(key, [mark.value]);
  }
  // Sum in one order whatever order the marks came in, so the results are identical to the last bit.
  for (const values of byCell.values()) values.sort((a, b) => a - b);
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const categories = event.categories.map((category) => {
    const admitted = new Map(
      rounds.map((round) => {
        const nominees = roundNominees(event, round, category.id);
        return [round.id, nominees && new Set(nominees.map((n) => n.id))] as const;
      }),
    );
    const inRound = (round: Round, nomineeId: string) => admitted.get(round.id)?.has(nomineeId) ?? true;
    const results = event.nominees
      .filter((n) => n.categoryId === category.id)
      .map((nominee): NomineeResult => {
        const roundScores: Record<string, number | null> = {};
        const criterionValues: Record<string, Record<string, number | null>> = {};
        let final = 0;
        for (const round of rounds.filter((r) => r.categoryIds.includes(category.id))) {
          // Marks given before a shortlist left this nominee out do not count for that round.
          if (!inRound(round, nominee.id)) {
            roundScores[round.id] = null;
            criterionValues[round.id] = {};
            continue;
          }
          const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
          criterionValues[round.id] = {};
          let score = 0;
          let any = false;
          for (const criterion of criteria) {
            const values = byCell.get(`${round.id}\u0000${nominee.id}\u0000${criterion.code}`);
            const value = values?.length ? (combine(values) / criterion.scale.max) * 100 : null;
            criterionValues[round.id][criterion.code] = value;
            if (value !== null) {
              score += (criterion.weight * value) / 100;
              any = true;
            }
          }
          roundScores[round.id] = any ? score : null;
          final += (round.weight * (any ? score : 0)) / 100;
        }
        return {
          nomineeId: nominee.id,
          name: nominee.name,
          rounds: roundScores,
          criteria: criterionValues,
          final,
          complete: Object.values(roundScores).every((s) => s !== null),
          rank: 0,
          joint: false,
        };
      });
    return { categoryId: category.id, ranking: rank(results, event.merge.tieBreak, event) };
  });

  const overall = event.merge.overall
    ? rank(
        categories
          .filter((c) => event.merge.overall!.categoryIds.includes(c.categoryId))
          .flatMap((c) => c.ranking.filter((n) => n.rank === 1).map((n) => ({ ...n, categoryId: c.categoryId }))),
        event.merge.tieBreak,
        event,
      ).slice(0, event.merge.overall.size)
    : [];
  return { rule, categories, overall };
}

/** Marks in a fixed order (juror, round, nominee, criterion), for computations whose floats depend on order. */
function sortMarks(marks: readonly MergeMark[]): MergeMark[] {
  const key = (m: MergeMark) => `${m.jurorId}\u0000${m.roundId}\u0000${m.nomineeId}\u0000${m.criterionCode}`;
  return [...marks].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Orders nominees: complete ones first, then by final score, then by the tie-break cascade; equal ones share a rank. */
function rank<T extends NomineeResult>(results: T[], cascade: readonly TieBreakStep[], event: Event): T[] {
  const EPSILON = 1e-9;
  const categoryOf = new Map(event.nominees.map((n) => [n.id, n.categoryId]));
  // Each nominee's sort keys, computed once: complete first, then final score, then the cascade.
  const keys = new Map(
    results.map((n) => [
      n,
      [
        n.complete ? 1 : 0,
        n.final,
        ...cascade.flatMap((step) => {
          if (step.kind === 'round') return [n.rounds[step.roundId] ?? -1];
          if (step.kind === 'topCriterion') {
            const top = topCriterion(event, step.roundId, categoryOf.get(n.nomineeId));
            return [top === undefined ? -1 : (n.criteria[step.roundId]?.[top] ?? -1)];
          }
          return []; // a plenary decision is recorded by people, not computed
        }),
      ],
    ]),
  );
  const compare = (a: T, b: T) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (Math.abs(ka[i] - kb[i]) > EPSILON) return kb[i] - ka[i];
    return 0;
  };
  // Ties keep a stable, documented order (by id) so the output never depends on input order.
  const sorted = [...results].sort((a, b) => compare(a, b) || (a.nomineeId < b.nomineeId ? -1 : 1));
  sorted.forEach((n, i) => {
    const tiedWithPrevious = i > 0 && compare(sorted[i - 1], n) === 0;
    const tiedWithNext = i < sorted.length - 1 && compare(sorted[i + 1], n) === 0;
    n.rank = tiedWithPrevious ? sorted[i - 1].rank : i + 1;
    n.joint = tiedWithPrevious || tiedWithNext;
  });
  return sorted;
}

/** The highest-weighted criterion of a round for a category (the first of equals). */
function topCriterion(event: Event, roundId: string, categoryId: string | undefined): string | undefined {
  const criteria = event.criteria.filter((c) => c.roundId === roundId && categoryId !== undefined && c.categoryIds.includes(categoryId));
  return criteria.reduce<(typeof criteria)[number] | undefined>((best, c) => (!best || c.weight > best.weight ? c : best), undefined)?.code;
}

/** Marks at least `threshold` away from the median of the panel's marks for the same nominee and criterion. */
export function referenceDisagreements(marks: readonly MergeMark[], threshold: number): Disagreement[] {
  const cells = Map.groupBy(marks, (m) => `${m.roundId}\u0000${m.nomineeId}\u0000${m.criterionCode}`);
  return [...cells.values()].flatMap((cell) => {
    const sorted = cell.map((m) => m.value).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return cell.filter((m) => Math.abs(m.value - median) >= threshold - 1e-9).map((m) => ({ ...m, median }));
  });
}

/**
 * Kendall's W for one round of one category, over the jurors who scored every nominee there
 * (a conflicted juror has no ranking of the whole field and is left out). Each juror ranks nominees by
 * their own weighted round total.
 */
export function referenceCategoryAgreement(
  event: Event,
  marks: readonly MergeMark[],
  roundId: string,
  categoryId: string,
): { w: number | null; jurors: number } {
  const nominees = event.nominees.filter((n) => n.categoryId === categoryId).map((n) => n.id);
  const criteria = event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId));
  const byJuror = Map.groupBy(
    marks.filter((m) => m.roundId === roundId && nominees.includes(m.nomineeId)),
    (m) => m.jurorId,
  );
  const rankings = [...byJuror.values()].flatMap((jurorMarks) => {
    const value = new Map(jurorMarks.map((m) => [`${m.nomineeId}\u0000${m.criterionCode}`, m.value]));
    const totals = nominees.map((nomineeId) =>
      criteria.reduce<number | null>((sum, c) => {
        const mark = value.get(`${nomineeId}\u0000${c.code}`);
        return sum === null || mark === undefined ? null : sum + (c.weight * mark) / c.scale.max;
      }, 0),
    );
    return totals.every((t) => t !== null) ? [ranksOf(totals as number[])] : [];
  });
  return { w: kendallW(rankings), jurors: rankings.length };
}

/** For each juror: whether leaving their marks out changes any category's Terbaik 1…N. */
export function referenceLeaveOneJurorOut(
  event: Event,
  marks: readonly MergeMark[],
  rule: MergeRule,
): { jurorId: string; changes: { categoryId: string; podium: string[] }[] }[] {
  const podium = (result: ReturnType<typeof referenceMerge>, categoryId: string) =>
    result.categories
      .find((c) => c.categoryId === categoryId)!
      .ranking.slice(0, event.merge.winnersPerCategory)
      .map((n) => n.nomineeId);
  const full = referenceMerge(event, marks, rule);
  return event.jurors.map((juror) => {
    const without = referenceMerge(
      event,
      marks.filter((m) => m.jurorId !== juror.id),
      rule,
    );
    const changes = event.categories
      .filter((c) => podium(without, c.id).join() !== podium(full, c.id).join())
      .map((c) => ({ categoryId: c.id, podium: podium(without, c.id) }));
    return { jurorId: juror.id, changes };
  });
}
