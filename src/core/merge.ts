/**
 * The merge: jurors' marks into round scores, final scores and rankings, by the event's rule.
 * Pure and deterministic: the same marks in any order give the same results.
 *
 * Per criterion, the panel's value is an aggregate (mean by default) of the marks of jurors who scored
 * it, conflicted jurors excluded, mapped to 0–100 (mark ÷ scale maximum × 100). A round score is
 * Σ weight × value ÷ 100; the final score (Nilai Akhir) is Σ round weight × round score ÷ 100.
 * Nominees not shortlisted for a later round rank after all shortlisted ones, by their earlier score.
 *
 * At national scale (15 jurors × 2,000 nominees × 24 criteria: 720,000 marks) the marks are grouped once
 * into cells (round, nominee, criterion) with integer indices (`indexMarks`), each cell holding its
 * (juror, value) entries and the same values sorted; the event is laid over those cells once
 * (`mergePlan`). Every figure of the deliberation reads them: the merge itself, the merge without one
 * juror (leave-one-juror-out removes that juror from each cell instead of merging again), the
 * disagreement flags and Kendall's W (agreement.ts). Sums run over each cell's values in ascending order,
 * exactly as a merge of the remaining marks would: the results (and their hash) are the same to the bit.
 */
import type { Criterion, Event, MergeRule, Nominee, Round, TieBreakStep } from './model.ts';
import { roundNominees } from './scoring.ts';

export interface MergeMark {
  jurorId: string;
  roundId: string;
  nomineeId: string;
  criterionCode: string;
  value: number;
}

export interface NomineeResult {
  nomineeId: string;
  name: string;
  /** Round id → round score (0–100), null when the nominee was not scored in that round. */
  rounds: Record<string, number | null>;
  /** Round id → criterion code → panel value (0–100), null where no juror gave a mark. */
  criteria: Record<string, Record<string, number | null>>;
  final: number;
  /** Scored in every round of the category (otherwise ranked after those who were). */
  complete: boolean;
  rank: number;
  /** Shares its rank with another nominee after the whole tie-break cascade. */
  joint: boolean;
}

export interface CategoryResult {
  categoryId: string;
  ranking: NomineeResult[];
}

export interface MergeResult {
  rule: MergeRule;
  categories: CategoryResult[];
  /** Terbaik Umum: among the winners of the event's overall categories. */
  overall: (NomineeResult & { categoryId: string })[];
}

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
 * sits at the panel mean. (The merge computes the same values on its index: `standardisedValues`.)
 */
export function standardise(marks: readonly MergeMark[]): MergeMark[] {
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

// ---------------------------------------------------------------------------------------------------
// The index: marks grouped by cell, once.

/** Ids in one fixed order (UTF-16 code units, as `<` compares strings), whatever order they came in. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Marks grouped by cell (round, nominee, criterion) with integer indices. Built once, read by every figure. */
export interface MarkIndex {
  readonly marks: readonly MergeMark[];
  /** Juror index → id, in code-unit order of the ids. */
  readonly jurorIds: readonly string[];
  readonly jurorOf: ReadonlyMap<string, number>;
  /** Round id → nominee id → criterion code → cell. Cells are numbered in the order marks first name them. */
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  readonly cellCount: number;
  /** Entries of cell c: start[c] … start[c + 1] − 1, in the order of the marks. */
  readonly start: Int32Array;
  readonly entryMark: Int32Array;
  readonly entryJuror: Int32Array;
  readonly entryValue: Float64Array;
  /** The same entries per cell, values ascending (the order every sum runs in). */
  readonly sortedValue: Float64Array;
  readonly sortedJuror: Int32Array;
  /** Per mark: its juror's index. */
  readonly markJuror: Int32Array;
  /** Lazily: what the per-juror standardisation needs (zscore only). */
  zscore?: ZscoreOrder;
  /** Lazily: each cell's value by rule, with every juror (leave-one-out starts from these). */
  full?: Map<MergeRule, Float64Array>;
  /** Lazily: what removes one juror from a cell in constant time (see `leaveOneOutIndex`). */
  leaveOneOut?: LeaveOneOutIndex | null;
}

export function indexMarks(marks: readonly MergeMark[]): MarkIndex {
  const jurorIds = [...new Set(marks.map((m) => m.jurorId))].sort(byCodeUnits);
  const jurorOf = new Map(jurorIds.map((id, i) => [id, i]));
  const cells = new Map<string, Map<string, Map<string, number>>>();
  const markCell = new Int32Array(marks.length);
  const markJuror = new Int32Array(marks.length);
  const counts: number[] = [];
  // Marks come grouped by juror, round and nominee: remember the last nominee's criteria.
  let lastRound: string | undefined;
  let lastNominee: string | undefined;
  let byCriterion: Map<string, number> | undefined;
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    if (m.roundId !== lastRound || m.nomineeId !== lastNominee || !byCriterion) {
      let byNominee = cells.get(m.roundId);
      if (!byNominee) cells.set(m.roundId, (byNominee = new Map()));
      byCriterion = byNominee.get(m.nomineeId);
      if (!byCriterion) byNominee.set(m.nomineeId, (byCriterion = new Map()));
      lastRound = m.roundId;
      lastNominee = m.nomineeId;
    }
    let cell = byCriterion.get(m.criterionCode);
    if (cell === undefined) {
      cell = counts.length;
      byCriterion.set(m.criterionCode, cell);
      counts.push(0);
    }
    counts[cell]++;
    markCell[i] = cell;
    markJuror[i] = jurorOf.get(m.jurorId)!;
  }
  const cellCount = counts.length;
  const start = new Int32Array(cellCount + 1);
  for (let c = 0; c < cellCount; c++) start[c + 1] = start[c] + counts[c];
  const fill = start.slice(0, cellCount);
  const entryMark = new Int32Array(marks.length);
  const entryJuror = new Int32Array(marks.length);
  const entryValue = new Float64Array(marks.length);
  for (let i = 0; i < marks.length; i++) {
    const at = fill[markCell[i]]++;
    entryMark[at] = i;
    entryJuror[at] = markJuror[i];
    entryValue[at] = marks[i].value;
  }
  const sortedValue = new Float64Array(marks.length);
  const sortedJuror = new Int32Array(marks.length);
  for (let c = 0; c < cellCount; c++) {
    // Insertion sort: a cell holds one entry per juror, a handful.
    for (let k = start[c]; k < start[c + 1]; k++) {
      const value = entryValue[k];
      const juror = entryJuror[k];
      let j = k;
      while (j > start[c] && sortedValue[j - 1] > value) {
        sortedValue[j] = sortedValue[j - 1];
        sortedJuror[j] = sortedJuror[j - 1];
        j--;
      }
      sortedValue[j] = value;
      sortedJuror[j] = juror;
    }
  }
  return { marks, jurorIds, jurorOf, cells, cellCount, start, entryMark, entryJuror, entryValue, sortedValue, sortedJuror, markJuror };
}

/** The cell of a round, nominee and criterion, or −1 when no juror marked it. */
export function cellOf(index: MarkIndex, roundId: string, nomineeId: string, criterionCode: string): number {
  return index.cells.get(roundId)?.get(nomineeId)?.get(criterionCode) ?? -1;
}

// ---------------------------------------------------------------------------------------------------
// Per-juror z-scores on the index.

interface ZscoreOrder {
  /** Per round (in no particular order): its marks sorted by juror, nominee and criterion (code-unit order). */
  rounds: { order: Int32Array; jurorStart: Map<number, [number, number]> }[];
  /** Per round and juror: the juror's own mean and spread, which leaving another juror out does not change. */
  own: Map<number, { mean: number; sd: number }>[];
}

/** Marks sorted as (juror, round, nominee, criterion) and grouped by round, as `standardise` reads them. */
function zscoreOrder(index: MarkIndex): ZscoreOrder {
  if (index.zscore) return index.zscore;
  const { marks, markJuror } = index;
  const rank = (ids: Iterable<string>) => new Map([...new Set(ids)].sort(byCodeUnits).map((id, i) => [id, i]));
  const nominee = rank(marks.map((m) => m.nomineeId));
  const criterion = rank(marks.map((m) => m.criterionCode));
  const roundOf = new Map<string, number[]>();
  marks.forEach((m, i) => {
    const list = roundOf.get(m.roundId);
    if (list) list.push(i);
    else roundOf.set(m.roundId, [i]);
  });
  const width = criterion.size;
  const rounds = [...roundOf.values()].map((list) => {
    const key = new Float64Array(list.length);
    const local = Int32Array.from(list.keys());
    list.forEach((i, k) => {
      key[k] = nominee.get(marks[i].nomineeId)! * width + criterion.get(marks[i].criterionCode)!;
    });
    local.sort((a, b) => markJuror[list[a]] - markJuror[list[b]] || key[a] - key[b] || a - b);
    const order = Int32Array.from(local, (k) => list[k]);
    const jurorStart = new Map<number, [number, number]>();
    for (let k = 0; k < order.length; k++) {
      const j = markJuror[order[k]];
      const range = jurorStart.get(j);
      if (range) range[1] = k + 1;
      else jurorStart.set(j, [k, k + 1]);
    }
    return { order, jurorStart };
  });
  const own = rounds.map(({ order, jurorStart }) => {
    const stats = new Map<number, { mean: number; sd: number }>();
    for (const [j, [from, to]] of jurorStart) stats.set(j, meanAndSd(marks, order, from, to, -1, markJuror));
    return stats;
  });
  index.zscore = { rounds, own };
  return index.zscore;
}

/** Mean and spread of the marks order[from … to − 1], leaving out juror `skip`, summed in that order. */
function meanAndSd(
  marks: readonly MergeMark[],
  order: Int32Array,
  from: number,
  to: number,
  skip: number,
  markJuror: Int32Array,
): { mean: number; sd: number } {
  let sum = 0;
  let n = 0;
  for (let k = from; k < to; k++) {
    if (markJuror[order[k]] === skip) continue;
    sum += marks[order[k]].value;
    n++;
  }
  const mean = sum / n;
  let squares = 0;
  for (let k = from; k < to; k++) {
    if (markJuror[order[k]] === skip) continue;
    squares += (marks[order[k]].value - mean) ** 2;
  }
  return { mean, sd: Math.sqrt(squares / n) };
}

/** Each mark's standardised value, as `standardise` gives it for the marks of every juror but `skip` (−1: none). */
function standardisedValues(index: MarkIndex, skip: number): Float64Array {
  const { marks, markJuror } = index;
  const z = zscoreOrder(index);
  const values = new Float64Array(marks.length).fill(Number.NaN);
  z.rounds.forEach(({ order, jurorStart }, r) => {
    const left = [...jurorStart.keys()].filter((j) => j !== skip);
    if (left.length === 0) return;
    const panel = meanAndSd(marks, order, 0, order.length, skip, markJuror);
    for (const j of left) {
      const [from, to] = jurorStart.get(j)!;
      const own = z.own[r].get(j)!;
      for (let k = from; k < to; k++) {
        const i = order[k];
        values[i] = own.sd === 0 ? panel.mean : panel.mean + ((marks[i].value - own.mean) / own.sd) * panel.sd;
      }
    }
  });
  return values;
}

// ---------------------------------------------------------------------------------------------------
// The event laid over the cells.

interface RoundPlan {
  round: Round;
  criteria: Criterion[];
  /** Null: every nominee of the category counts (no shortlist, or one still to be issued). */
  admitted: ReadonlySet<string> | null;
  /** Nominee-major: cells[n × criteria.length + k], −1 where no juror marked it. */
  cells: Int32Array;
}

interface CategoryPlan {
  categoryId: string;
  nominees: Nominee[];
  rounds: RoundPlan[];
}

/** The event over the index: per category, its nominees and, per round, the cell of each nominee and criterion. */
export interface MergePlan {
  event: Event;
  index: MarkIndex;
  categories: CategoryPlan[];
  /** Round id → category id → the round's highest-weighted criterion (the first of equals). */
  topCriterion: Map<string, Map<string, string | undefined>>;
  categoryOf: Map<string, string>;
}

export function mergePlan(event: Event, index: MarkIndex): MergePlan {
  const rounds = [...event.rounds].sort((a, b) => a.order - b.order);
  const categories = event.categories.map((category): CategoryPlan => {
    const nominees = event.nominees.filter((n) => n.categoryId === category.id);
    return {
      categoryId: category.id,
      nominees,
      rounds: rounds
        .filter((r) => r.categoryIds.includes(category.id))
        .map((round): RoundPlan => {
          const listed = roundNominees(event, round, category.id);
          const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
          const cells = new Int32Array(nominees.length * criteria.length).fill(-1);
          const byNominee = index.cells.get(round.id);
          if (byNominee) {
            nominees.forEach((nominee, n) => {
              const byCriterion = byNominee.get(nominee.id);
              if (byCriterion) criteria.forEach((c, k) => (cells[n * criteria.length + k] = byCriterion.get(c.code) ?? -1));
            });
          }
          return { round, criteria, admitted: listed && new Set(listed.map((n) => n.id)), cells };
        }),
    };
  });
  const topCriterion = new Map<string, Map<string, string | undefined>>();
  for (const round of event.rounds) {
    topCriterion.set(
      round.id,
      new Map(
        event.categories.map((category) => {
          const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
          return [
            category.id,
            criteria.reduce<Criterion | undefined>((best, c) => (!best || c.weight > best.weight ? c : best), undefined)?.code,
          ];
        }),
      ),
    );
  }
  return { event, index, categories, topCriterion, categoryOf: new Map(event.nominees.map((n) => [n.id, n.categoryId])) };
}

// ---------------------------------------------------------------------------------------------------
// Cell values: the aggregate of a cell's marks, with or without one juror.

/** The aggregate of values[0 … n − 1], already ascending. */
function aggregateSorted(rule: MergeRule, values: Float64Array, n: number): number {
  if (rule === 'median') {
    const middle = Math.floor(n / 2);
    return n % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
  const [from, to] = rule === 'trimmed' && n >= 5 ? [1, n - 1] : [0, n];
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[k];
  return sum / (to - from);
}

/**
 * A cell's panel value before scaling: the rule's aggregate of the marks of every juror but `skip`
 * (−1: none), or NaN where none remains. Built per merge; each call costs the cell's few entries.
 */
type CellValue = (cell: number) => number;

/**
 * Per juror and cell, where the juror's mark sits in the cell's ascending list (−1: none, −2: more than one),
 * and per cell whether its sum is exact: every mark a multiple of 1/1024 (whole and half points are) and
 * the total far from 2^53, so that any sum of its marks, in any order, is the exact sum. For such a cell,
 * the list without one juror needs no copy: its sum is the cell's sum less that mark, its k-th value the
 * k-th or (k+1)-th of the full list; the results are those of summing the shorter list, to the bit.
 */
interface LeaveOneOutIndex {
  position: Int32Array;
  exact: Uint8Array;
  sum: Float64Array;
}

/** Above this many juror × cell entries (never at national scale: 15 × 48,000), leave-one-out copies each cell instead. */
const MAX_POSITIONS = 50_000_000;

function leaveOneOutIndex(index: MarkIndex): LeaveOneOutIndex | null {
  if (index.leaveOneOut !== undefined) return index.leaveOneOut;
  const cells = index.cellCount;
  if (index.jurorIds.length * cells > MAX_POSITIONS) return (index.leaveOneOut = null);
  const { start, sortedValue, sortedJuror } = index;
  const position = new Int32Array(index.jurorIds.length * cells).fill(-1);
  const exact = new Uint8Array(cells);
  const sum = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    let total = 0;
    let dyadic = true;
    for (let k = start[c]; k < start[c + 1]; k++) {
      const value = sortedValue[k];
      if (!Number.isInteger(value * 1024)) dyadic = false;
      total += value;
      const at = sortedJuror[k] * cells + c;
      position[at] = position[at] === -1 ? k - start[c] : -2;
    }
    sum[c] = total;
    exact[c] = dyadic && Math.abs(total) * 1024 <= Number.MAX_SAFE_INTEGER ? 1 : 0;
  }
  return (index.leaveOneOut = { position, exact, sum });
}

/** Each cell's value by a rule (not zscore), with every juror: computed once per index and rule. */
function fullValues(index: MarkIndex, rule: MergeRule): Float64Array {
  index.full ??= new Map();
  let full = index.full.get(rule);
  if (!full) {
    const { start, sortedValue } = index;
    full = new Float64Array(index.cellCount);
    for (let c = 0; c < index.cellCount; c++)
      full[c] = aggregateSorted(rule, sortedValue.subarray(start[c], start[c + 1]), start[c + 1] - start[c]);
    index.full.set(rule, full);
  }
  return full;
}

function cellValues(index: MarkIndex, rule: MergeRule, skip: number): CellValue {
  const scratch = new Float64Array(Math.max(1, index.jurorIds.length * 2));
  const { start, sortedValue, sortedJuror, entryMark, entryJuror } = index;
  if (rule === 'zscore') {
    const standardised = standardisedValues(index, skip);
    let buffer = scratch;
    return (cell) => {
      let n = 0;
      if (start[cell + 1] - start[cell] > buffer.length) buffer = new Float64Array(start[cell + 1] - start[cell]);
      for (let k = start[cell]; k < start[cell + 1]; k++) {
        if (entryJuror[k] === skip) continue;
        const value = standardised[entryMark[k]];
        let j = n++;
        while (j > 0 && buffer[j - 1] > value) {
          buffer[j] = buffer[j - 1];
          j--;
        }
        buffer[j] = value;
      }
      return n === 0 ? Number.NaN : aggregateSorted('mean', buffer, n);
    };
  }
  const full = fullValues(index, rule);
  if (skip < 0) return (cell) => full[cell];
  const quick = leaveOneOutIndex(index);
  let buffer = scratch;
  // The juror's marks removed from the ascending list: the list a merge without them would sort.
  const copied = (cell: number) => {
    if (start[cell + 1] - start[cell] > buffer.length) buffer = new Float64Array(start[cell + 1] - start[cell]);
    let n = 0;
    let present = false;
    for (let k = start[cell]; k < start[cell + 1]; k++) {
      if (sortedJuror[k] !== skip) buffer[n++] = sortedValue[k];
      else present = true;
    }
    if (!present) return full[cell];
    return n === 0 ? Number.NaN : aggregateSorted(rule, buffer, n);
  };
  if (!quick) return copied;
  const { position, exact, sum } = quick;
  const row = skip * index.cellCount;
  return (cell) => {
    const p = position[row + cell];
    if (p === -1) return full[cell];
    if (p === -2 || !exact[cell]) return copied(cell);
    const from = start[cell];
    const n = start[cell + 1] - from - 1;
    if (n === 0) return Number.NaN;
    // The i-th value of the list without the juror's mark (at p).
    const at = (i: number) => sortedValue[from + (i < p ? i : i + 1)];
    if (rule === 'median') {
      const middle = Math.floor(n / 2);
      return n % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
    }
    const rest = sum[cell] - sortedValue[from + p];
    return rule === 'trimmed' && n >= 5 ? (rest - at(0) - at(n - 1)) / (n - 2) : rest / n;
  };
}

// ---------------------------------------------------------------------------------------------------
// Scores and ranking.

interface CategoryScores {
  /** Per round of the category (plan order), per nominee: the round score, NaN where null. */
  round: Float64Array[];
  final: Float64Array;
  complete: Uint8Array;
  /** Per round plan, nominee-major values (0–100) of each criterion, NaN where null; only when asked. */
  criteria?: Float64Array[];
}

function scoreCategory(plan: CategoryPlan, value: CellValue, withCriteria: boolean): CategoryScores {
  const count = plan.nominees.length;
  const round = plan.rounds.map(() => new Float64Array(count));
  const criteria = withCriteria ? plan.rounds.map((r) => new Float64Array(count * r.criteria.length)) : undefined;
  const final = new Float64Array(count);
  const complete = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const nomineeId = plan.nominees[n].id;
    let sum = 0;
    let all = true;
    for (let r = 0; r < plan.rounds.length; r++) {
      const { round: info, criteria: list, admitted, cells } = plan.rounds[r];
      // Marks given before a shortlist left this nominee out do not count for that round.
      if (admitted && !admitted.has(nomineeId)) {
        round[r][n] = Number.NaN;
        if (criteria) criteria[r].fill(Number.NaN, n * list.length, (n + 1) * list.length);
        all = false;
        continue;
      }
      let score = 0;
      let any = false;
      for (let k = 0; k < list.length; k++) {
        const cell = cells[n * list.length + k];
        const panel = cell < 0 ? Number.NaN : value(cell);
        const criterionValue = Number.isNaN(panel) ? Number.NaN : (panel / list[k].scale.max) * 100;
        if (criteria) criteria[r][n * list.length + k] = criterionValue;
        if (!Number.isNaN(criterionValue)) {
          score += (list[k].weight * criterionValue) / 100;
          any = true;
        }
      }
      round[r][n] = any ? score : Number.NaN;
      if (!any) all = false;
      sum += (info.weight * (any ? score : 0)) / 100;
    }
    final[n] = sum;
    complete[n] = all ? 1 : 0;
  }
  return { round, final, complete, criteria };
}

const EPSILON = 1e-9;

/**
 * Orders items: complete ones first, then by final score, then by the tie-break cascade; equal ones share
 * a rank. `keys(i)` gives item i's sort keys. Ties keep a stable, documented order (by id) so the output
 * never depends on input order. Returns the order and, per item, its rank and whether it is joint.
 */
function rankBy(ids: readonly string[], keys: readonly (readonly number[])[]): { order: number[]; rank: Int32Array; joint: Uint8Array } {
  const compare = (a: number, b: number) => {
    const ka = keys[a];
    const kb = keys[b];
    for (let i = 0; i < ka.length; i++) if (Math.abs(ka[i] - kb[i]) > EPSILON) return kb[i] - ka[i];
    return 0;
  };
  const order = ids.map((_, i) => i).sort((a, b) => compare(a, b) || (ids[a] < ids[b] ? -1 : 1));
  const rank = new Int32Array(ids.length);
  const joint = new Uint8Array(ids.length);
  order.forEach((item, i) => {
    const tiedWithPrevious = i > 0 && compare(order[i - 1], item) === 0;
    const tiedWithNext = i < order.length - 1 && compare(order[i + 1], item) === 0;
    rank[item] = tiedWithPrevious ? rank[order[i - 1]] : i + 1;
    joint[item] = tiedWithPrevious || tiedWithNext ? 1 : 0;
  });
  return { order, rank, joint };
}

/** A nominee's sort keys: complete first, then final score, then the cascade (a plenary decision is people's, not computed). */
function cascadeKeys(
  plan: MergePlan,
  cascade: readonly TieBreakStep[],
  n: {
    nomineeId: string;
    complete: boolean;
    final: number;
    rounds: Record<string, number | null>;
    criteria: Record<string, Record<string, number | null>>;
  },
): number[] {
  return [
    n.complete ? 1 : 0,
    n.final,
    ...cascade.flatMap((step) => {
      if (step.kind === 'round') return [n.rounds[step.roundId] ?? -1];
      if (step.kind === 'topCriterion') {
        const category = plan.categoryOf.get(n.nomineeId);
        const top = category === undefined ? undefined : plan.topCriterion.get(step.roundId)?.get(category);
        return [top === undefined ? -1 : (n.criteria[step.roundId]?.[top] ?? -1)];
      }
      return [];
    }),
  ];
}

function rank<T extends NomineeResult>(results: T[], plan: MergePlan): T[] {
  const {
    order,
    rank: ranks,
    joint,
  } = rankBy(
    results.map((n) => n.nomineeId),
    results.map((n) => cascadeKeys(plan, plan.event.merge.tieBreak, n)),
  );
  results.forEach((n, i) => {
    n.rank = ranks[i];
    n.joint = joint[i] === 1;
  });
  return order.map((i) => results[i]);
}

const nullable = (value: number) => (Number.isNaN(value) ? null : value);

/** The merge over a plan, by `rule`, of every juror's marks but `skip`'s (a juror id, or none). */
export function mergeWith(plan: MergePlan, rule: MergeRule, skip?: string): MergeResult {
  const skipIndex = skip === undefined ? -1 : (plan.index.jurorOf.get(skip) ?? -2);
  const value = cellValues(plan.index, rule, skipIndex);
  const { event } = plan;
  const categories = plan.categories.map((category): CategoryResult => {
    const scores = scoreCategory(category, value, true);
    const results = category.nominees.map((nominee, n): NomineeResult => {
      const rounds: Record<string, number | null> = {};
      const criteria: Record<string, Record<string, number | null>> = {};
      category.rounds.forEach((r, i) => {
        const excluded = r.admitted !== null && !r.admitted.has(nominee.id);
        rounds[r.round.id] = nullable(scores.round[i][n]);
        criteria[r.round.id] = excluded
          ? {}
          : Object.fromEntries(r.criteria.map((c, k) => [c.code, nullable(scores.criteria![i][n * r.criteria.length + k])]));
      });
      return {
        nomineeId: nominee.id,
        name: nominee.name,
        rounds,
        criteria,
        final: scores.final[n],
        complete: scores.complete[n] === 1,
        rank: 0,
        joint: false,
      };
    });
    return { categoryId: category.categoryId, ranking: rank(results, plan) };
  });
  const overall = event.merge.overall
    ? rank(
        categories
          .filter((c) => event.merge.overall!.categoryIds.includes(c.categoryId))
          .flatMap((c) => c.ranking.filter((n) => n.rank === 1).map((n) => ({ ...n, categoryId: c.categoryId }))),
        plan,
      ).slice(0, event.merge.overall.size)
    : [];
  return { rule, categories, overall };
}

/**
 * Each category's nominees in ranking order by the merge without juror `skip`: the same order `mergeWith`
 * gives, from typed arrays only (leave-one-juror-out asks this once per juror).
 */
export function rankingWithout(plan: MergePlan, rule: MergeRule, skip: string): Map<string, string[]> {
  const value = cellValues(plan.index, rule, plan.index.jurorOf.get(skip) ?? -2);
  const cascade = plan.event.merge.tieBreak;
  const orders = new Map<string, string[]>();
  for (const category of plan.categories) {
    const scores = scoreCategory(
      category,
      value,
      cascade.some((s) => s.kind === 'topCriterion'),
    );
    const roundAt = new Map(category.rounds.map((r, i) => [r.round.id, i]));
    const keys = category.nominees.map((nominee, n) => [
      scores.complete[n],
      scores.final[n],
      ...cascade.flatMap((step) => {
        if (step.kind === 'plenary') return [];
        const r = roundAt.get(step.roundId);
        if (step.kind === 'round') return [r === undefined ? -1 : (nullable(scores.round[r][n]) ?? -1)];
        const top = plan.topCriterion.get(step.roundId)?.get(category.categoryId);
        const k = r === undefined || top === undefined ? -1 : category.rounds[r].criteria.findIndex((c) => c.code === top);
        // A round the nominee was left out of has no criterion values at all.
        const excluded = r !== undefined && category.rounds[r].admitted !== null && !category.rounds[r].admitted!.has(nominee.id);
        return [k < 0 || excluded ? -1 : (nullable(scores.criteria![r!][n * category.rounds[r!].criteria.length + k]) ?? -1)];
      }),
    ]);
    orders.set(
      category.categoryId,
      rankBy(
        category.nominees.map((n) => n.id),
        keys,
      ).order.map((i) => category.nominees[i].id),
    );
  }
  return orders;
}

export function merge(event: Event, marks: readonly MergeMark[], rule: MergeRule = event.merge.rule): MergeResult {
  return mergeWith(mergePlan(event, indexMarks(marks)), rule);
}
