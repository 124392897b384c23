/**
 * How far the panel agrees: Kendall's W over jurors' rankings, marks far from the panel median, and
 * whether any one juror decides the podium (leave-one-juror-out).
 */
import { merge, type MergeMark } from './merge.ts';
import type { Event, MergeRule } from './model.ts';

/** Ranks of values, highest first (1 = best); equal values share the average of their places. */
export function ranksOf(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    const shared = (start + end + 2) / 2; // average of places start+1 … end+1
    for (let k = start; k <= end; k++) ranks[order[k].index] = shared;
    start = end + 1;
  }
  return ranks;
}

/**
 * Kendall's coefficient of concordance for m raters ranking the same n items (rankings[rater][item]),
 * with the correction for ties: W = 12 S / (m²(n³ − n) − m Σ T), T = Σ (t³ − t) per group of t tied ranks.
 * 1 is complete agreement, 0 none. Null when it is undefined (fewer than 2 raters or items).
 */
export function kendallW(rankings: readonly (readonly number[])[]): number | null {
  const m = rankings.length;
  const n = rankings[0]?.length ?? 0;
  if (m < 2 || n < 2) return null;
  const sums = Array.from({ length: n }, (_, item) => rankings.reduce((sum, r) => sum + r[item], 0));
  const mean = sums.reduce((a, b) => a + b, 0) / n;
  const s = sums.reduce((acc, r) => acc + (r - mean) ** 2, 0);
  const ties = rankings.reduce((acc, ranking) => {
    const groups = Map.groupBy(ranking, (rank) => rank);
    return acc + [...groups.values()].reduce((t, group) => t + (group.length ** 3 - group.length), 0);
  }, 0);
  const denominator = m * m * (n ** 3 - n) - m * ties;
  return denominator === 0 ? null : (12 * s) / denominator;
}

export interface Disagreement extends MergeMark {
  median: number;
}

/** Marks at least `threshold` away from the median of the panel's marks for the same nominee and criterion. */
export function disagreements(marks: readonly MergeMark[], threshold: number): Disagreement[] {
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
export function categoryAgreement(event: Event, marks: readonly MergeMark[], roundId: string, categoryId: string): { w: number | null; jurors: number } {
  const nominees = event.nominees.filter((n) => n.categoryId === categoryId).map((n) => n.id);
  const criteria = event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId));
  const byJuror = Map.groupBy(marks.filter((m) => m.roundId === roundId && nominees.includes(m.nomineeId)), (m) => m.jurorId);
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
export function leaveOneJurorOut(event: Event, marks: readonly MergeMark[], rule: MergeRule): { jurorId: string; changes: { categoryId: string; podium: string[] }[] }[] {
  const podium = (result: ReturnType<typeof merge>, categoryId: string) =>
    result.categories.find((c) => c.categoryId === categoryId)!.ranking.slice(0, event.merge.winnersPerCategory).map((n) => n.nomineeId);
  const full = merge(event, marks, rule);
  return event.jurors.map((juror) => {
    const without = merge(event, marks.filter((m) => m.jurorId !== juror.id), rule);
    const changes = event.categories
      .filter((c) => podium(without, c.id).join() !== podium(full, c.id).join())
      .map((c) => ({ categoryId: c.id, podium: podium(without, c.id) }));
    return { jurorId: juror.id, changes };
  });
}
