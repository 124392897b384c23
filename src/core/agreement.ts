/**
 * How far the panel agrees: Kendall's W over jurors' rankings, marks far from the panel median, and
 * whether any one juror decides the podium (leave-one-juror-out).
 *
 * Each reads the marks grouped once by cell (merge.ts: `indexMarks`, `mergePlan`); `panelFigures` gives
 * all of them from one plan, as the deliberation needs them.
 */
import {
  cellOf,
  indexMarks,
  mergePlan,
  mergeWith,
  rankingWithout,
  type MarkIndex,
  type MergeMark,
  type MergePlan,
  type MergeResult,
} from './merge.ts';
import type { Event, MergeRule } from './model.ts';

/** Ranks of values, highest first (1 = best); equal values share the average of their places. */
export function ranksOf(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
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

const indexOf = (marks: readonly MergeMark[] | MarkIndex): MarkIndex => ('cells' in marks ? marks : indexMarks(marks));

/**
 * Marks at least `threshold` away from the median of the panel's marks for the same nominee and criterion,
 * cell by cell in the order the marks first name them, each cell's marks in their own order.
 */
export function disagreements(marks: readonly MergeMark[] | MarkIndex, threshold: number): Disagreement[] {
  const index = indexOf(marks);
  const { start, sortedValue, entryMark } = index;
  const flags: Disagreement[] = [];
  for (let c = 0; c < index.cellCount; c++) {
    const from = start[c];
    const n = start[c + 1] - from;
    const middle = from + Math.floor(n / 2);
    const median = n % 2 ? sortedValue[middle] : (sortedValue[middle - 1] + sortedValue[middle]) / 2;
    // Only a cell whose extremes reach the threshold can hold a flag.
    if (Math.abs(sortedValue[from] - median) < threshold - 1e-9 && Math.abs(sortedValue[from + n - 1] - median) < threshold - 1e-9)
      continue;
    for (let k = from; k < from + n; k++) {
      const mark = index.marks[entryMark[k]];
      if (Math.abs(mark.value - median) >= threshold - 1e-9) flags.push({ ...mark, median });
    }
  }
  return flags;
}

/**
 * Kendall's W for one round of one category, over the jurors who scored every nominee there
 * (a conflicted juror has no ranking of the whole field and is left out). Each juror ranks nominees by
 * their own weighted round total.
 */
export function categoryAgreement(
  event: Event,
  marks: readonly MergeMark[] | MergePlan,
  roundId: string,
  categoryId: string,
): { w: number | null; jurors: number } {
  const index = 'index' in marks ? marks.index : indexMarks(marks);
  const nominees = event.nominees.filter((n) => n.categoryId === categoryId);
  const criteria = event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId));
  // The plan's cells for this round and category when it has them (the same nominees and criteria), else looked up.
  const planned =
    'index' in marks
      ? marks.categories.find((c) => c.categoryId === categoryId)?.rounds.find((r) => r.round.id === roundId)?.cells
      : undefined;
  const cellAt = planned
    ? (n: number, k: number) => planned[n * criteria.length + k]
    : (n: number, k: number) => cellOf(index, roundId, nominees[n].id, criteria[k].code);
  const jurorCount = index.jurorIds.length;
  const count = nominees.length;
  const totals = new Float64Array(jurorCount * count);
  const found = new Int32Array(jurorCount);
  const present = new Uint8Array(jurorCount);
  const last = new Float64Array(jurorCount);
  const seen = new Int32Array(jurorCount).fill(-1);
  const touched = new Int32Array(jurorCount);
  const { start, entryJuror, entryValue } = index;
  const byNominee = index.cells.get(roundId);
  for (let n = 0; n < count; n++) {
    const byCriterion = byNominee?.get(nominees[n].id);
    if (!byCriterion) continue;
    // A juror counts once they marked anything for a nominee of the category in this round.
    for (const cell of byCriterion.values()) for (let k = start[cell]; k < start[cell + 1]; k++) present[entryJuror[k]] = 1;
    for (let k = 0; k < criteria.length; k++) {
      const cell = cellAt(n, k);
      if (cell < 0) continue;
      let touchedCount = 0;
      // A juror's last mark in the cell (in the marks' order) is theirs.
      for (let e = start[cell]; e < start[cell + 1]; e++) {
        const j = entryJuror[e];
        if (seen[j] !== cell) {
          seen[j] = cell;
          touched[touchedCount++] = j;
        }
        last[j] = entryValue[e];
      }
      const { weight, scale } = criteria[k];
      for (let t = 0; t < touchedCount; t++) {
        const j = touched[t];
        totals[j * count + n] += (weight * last[j]) / scale.max;
        found[j]++;
      }
    }
  }
  const rankings: number[][] = [];
  for (let j = 0; j < jurorCount; j++) {
    if (present[j] && found[j] === count * criteria.length) rankings.push(ranksOf(Array.from(totals.subarray(j * count, (j + 1) * count))));
  }
  return { w: kendallW(rankings), jurors: rankings.length };
}

export type LeaveOneOut = { jurorId: string; changes: { categoryId: string; podium: string[] }[] }[];

/** For each juror: whether leaving their marks out changes any category's Terbaik 1…N. */
export function leaveOneJurorOut(event: Event, marks: readonly MergeMark[] | MergePlan, rule: MergeRule, full?: MergeResult): LeaveOneOut {
  const plan = 'index' in marks ? marks : mergePlan(event, indexMarks(marks));
  const winners = event.merge.winnersPerCategory;
  const merged = full ?? mergeWith(plan, rule);
  const podiums = new Map(merged.categories.map((c) => [c.categoryId, c.ranking.slice(0, winners).map((n) => n.nomineeId)]));
  return event.jurors.map((juror) => {
    if (!plan.index.jurorOf.has(juror.id)) return { jurorId: juror.id, changes: [] };
    const without = rankingWithout(plan, rule, juror.id);
    const changes = event.categories
      .map((c) => ({ categoryId: c.id, podium: (without.get(c.id) ?? []).slice(0, winners) }))
      .filter((c) => c.podium.join() !== (podiums.get(c.categoryId) ?? []).join());
    return { jurorId: juror.id, changes };
  });
}

/** Flags and agreement read the marks alone, whatever the rule: kept per plan, for a second rule on the same marks. */
const ruleFree = new WeakMap<
  MergePlan,
  { threshold: number; flags: Disagreement[]; agreement: { roundId: string; categoryId: string; w: number | null; jurors: number }[] }
>();

/**
 * Everything the plenary reads about the panel, from one index of the marks: the merge, flags, W per round
 * and category, leave-one-juror-out. Given the plan of earlier figures on the same marks and event, it is
 * reused (another rule on the same inbox merges again; it does not index again).
 */
export function panelFigures(event: Event, marks: readonly MergeMark[], rule: MergeRule, given?: MergePlan) {
  const plan = given ?? mergePlan(event, indexMarks(marks));
  const result = mergeWith(plan, rule);
  const threshold = event.merge.disagreementThreshold;
  let free = ruleFree.get(plan);
  if (free?.threshold !== threshold) {
    free = {
      threshold,
      flags: disagreements(plan.index, threshold),
      agreement: event.rounds.flatMap((round) =>
        round.categoryIds.map((categoryId) => ({ roundId: round.id, categoryId, ...categoryAgreement(event, plan, round.id, categoryId) })),
      ),
    };
    ruleFree.set(plan, free);
  }
  return { plan, result, flags: free.flags, agreement: free.agreement, leaveOneOut: leaveOneJurorOut(event, plan, rule, result) };
}
