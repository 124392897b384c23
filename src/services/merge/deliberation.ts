/**
 * What the plenary looks at: the rankings by the chosen rule (with the plenary's own decisions on ties
 * that the cascade could not break), how far the panel agrees, which marks stand far from the rest, and
 * whether any single juror decides a podium.
 */
import { panelFigures } from '../../core/agreement.ts';
import type { MergeMark, MergePlan, MergeResult } from '../../core/merge.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import type { Db } from '../workspace/workspace.ts';
import { resultsSummary } from './results.ts';
// Issue 16: the plenary's special awards are part of the results (and of their hash).
import type { SpecialAward } from '../../core/awards.ts';
import { specialAwards } from '../awards/special-awards.ts';
import { guardDecision } from '../penetapan/guard.ts';
import { withExcused } from '../attendance/attendance.ts';
import type { Deliberation, DeliberationSummary, NomineeProtocol } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { FileUse, Reconciliation } from './reconcile.ts';
import { listReceived } from './sheet-inbox.ts';

export interface PlenaryDecision {
  categoryId: string;
  nomineeIds: string[];
  text: string;
  decidedBy: string;
  recordedAt: string;
}

export function recordDecision(db: Db, event: Event, decision: Omit<PlenaryDecision, 'recordedAt'>, now = new Date()): void {
  guardDecision(db, event, decision); // issue 16: refused while fixed, if it would change the results
  db.prepare(
    'INSERT INTO plenary_decision (event_id, category_id, nominee_ids, text, decided_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(event.id, decision.categoryId, JSON.stringify(decision.nomineeIds), decision.text, decision.decidedBy, now.toISOString());
}

export function decisions(db: Db, eventId: string): PlenaryDecision[] {
  const rows = db
    .prepare(
      `SELECT category_id AS categoryId, nominee_ids AS nomineeIds, text, decided_by AS decidedBy, recorded_at AS recordedAt FROM plenary_decision d
       WHERE event_id = ? AND seq = (SELECT max(seq) FROM plenary_decision e WHERE e.event_id = d.event_id AND e.category_id = d.category_id)
       ORDER BY category_id`,
    )
    .all(eventId) as (Omit<PlenaryDecision, 'nomineeIds'> & { nomineeIds: string })[];
  return rows.map((r) => ({ ...r, nomineeIds: JSON.parse(r.nomineeIds) as string[] }));
}

/**
 * A plenary decision orders nominees the cascade left joint: within a joint group wholly named by the
 * decision, they take consecutive ranks in the decision's order and are no longer joint.
 */
export function applyDecisions(result: MergeResult, chosen: readonly PlenaryDecision[]): MergeResult {
  const categories = result.categories.map((category) => {
    const decision = chosen.find((d) => d.categoryId === category.categoryId);
    if (!decision) return category;
    const ranking = category.ranking.map((n) => ({ ...n }));
    for (const group of Map.groupBy(
      ranking.filter((n) => n.joint),
      (n) => n.rank,
    ).values()) {
      if (!group.every((n) => decision.nomineeIds.includes(n.nomineeId))) continue;
      const ordered = [...group].sort((a, b) => decision.nomineeIds.indexOf(a.nomineeId) - decision.nomineeIds.indexOf(b.nomineeId));
      ordered.forEach((n, i) => {
        n.rank = group[0].rank + i;
        n.joint = false;
      });
    }
    ranking.sort((a, b) => a.rank - b.rank);
    return { ...category, ranking };
  });
  return { ...result, categories };
}

/**
 * What may be printed or exported as results: only a deliberation with marks in it. With no valid sheet
 * every nominee would stand joint first at 0 and a Berita Acara would name them all winners.
 */
export function requireMarks(result: Deliberation): Deliberation {
  if (result.marks.length > 0) return result;
  throw new AppError('incomplete', {
    id: `Belum ada nilai dari lembar nilai yang sah (${result.usedSheets} dari ${result.sheets} lembar dipakai): belum ada peringkat yang dapat ditetapkan. Impor lembar nilai juri yang terverifikasi dulu.`,
    en: `There are no marks from valid score sheets yet (${result.usedSheets} of ${result.sheets} sheets used): no ranking can be determined. Import the jurors' verified score sheets first.`,
  });
}

/** A deliberation and the index of its marks, from which one nominee's protocol is read. */
interface DeliberationModel {
  deliberation: Deliberation;
  plan: MergePlan;
  flagsByNominee: Map<string, Deliberation['flags']>;
}

/**
 * Deliberations kept per reconciliation (which sheet-inbox.ts keeps until a sheet or the event changes),
 * by rule and decisions: opening the screen, a nominee's protocol, the report and the Rekapitulasi of the
 * same inbox compute the merge once. A few rules side by side at most.
 */
const models = new WeakMap<Reconciliation, Map<string, DeliberationModel>>();
const plans = new WeakMap<Reconciliation, MergePlan>();
const MODELS_PER_INBOX = 4;

function deliberationModel(db: Db, event: Event, rule: MergeRule): DeliberationModel {
  const { sheets, reconciliation } = listReceived(db, event);
  const chosen = decisions(db, event.id);
  const special = specialAwards(db, event.id); // issue 16
  const key = `${rule}\u0000${JSON.stringify(chosen)}\u0000${JSON.stringify(special)}`;
  let byKey = models.get(reconciliation);
  if (!byKey) models.set(reconciliation, (byKey = new Map()));
  let model = byKey.get(key);
  if (!model) {
    model = deliberateModel(
      event,
      rule,
      reconciliation,
      sheets.map((s) => s.use),
      chosen,
      special,
    );
    if (byKey.size >= MODELS_PER_INBOX) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, model);
  }
  return model;
}

/** The deliberation from the secretariat's inbox and the plenary's decisions, with every mark and flag (the report and the Rekapitulasi). */
export function deliberation(db: Db, event: Event, rule: MergeRule): Deliberation {
  // Issue 16: a section a juror is excused from (berhalangan) reads "excused", not "missing".
  return withExcused(db, event.id, deliberationModel(db, event, rule).deliberation);
}

/**
 * What the deliberation screen opens with: rankings, completeness, agreement, leave-one-juror-out,
 * decisions and conflicts, and per nominee how many flags; not the marks and flags themselves (720,000
 * marks at national scale), which come per nominee with `nomineeProtocol`.
 */
export function deliberationSummary(db: Db, event: Event, rule: MergeRule): DeliberationSummary {
  return summaryOf(deliberation(db, event, rule));
}

export function summaryOf(full: Deliberation): DeliberationSummary {
  const { marks, flags, ...rest } = full;
  const flagCounts: Record<string, number> = {};
  for (const flag of flags) flagCounts[flag.nomineeId] = (flagCounts[flag.nomineeId] ?? 0) + 1;
  return { ...rest, markCount: marks.length, flagCounts };
}

/** One nominee's protocol: every juror's mark per round and criterion, and the flagged ones. */
export function nomineeProtocol(db: Db, event: Event, rule: MergeRule, nomineeId: string): NomineeProtocol {
  if (!event.nominees.some((n) => n.id === nomineeId)) {
    throw new AppError('not-found', {
      id: `Nominasi "${nomineeId}" tidak ada di acara ini.`,
      en: `Nominee "${nomineeId}" is not in this event.`,
    });
  }
  const { plan, flagsByNominee } = deliberationModel(db, event, rule);
  const { index } = plan;
  const marks: MergeMark[] = [];
  for (const byNominee of index.cells.values()) {
    for (const cell of byNominee.get(nomineeId)?.values() ?? []) {
      for (let k = index.start[cell]; k < index.start[cell + 1]; k++) marks.push(index.marks[index.entryMark[k]]);
    }
  }
  return { nomineeId, rule, marks, flags: flagsByNominee.get(nomineeId) ?? [] };
}

/** Everything the plenary sees, from reconciled sheets (`uses`: how each input file is used). */
export function deliberate(
  event: Event,
  rule: MergeRule,
  reconciliation: Reconciliation,
  uses: readonly FileUse[],
  chosen: readonly PlenaryDecision[],
  special: readonly SpecialAward[] = [],
): Deliberation {
  return deliberateModel(event, rule, reconciliation, uses, chosen, special).deliberation;
}

function deliberateModel(
  event: Event,
  rule: MergeRule,
  reconciliation: Reconciliation,
  uses: readonly FileUse[],
  chosen: readonly PlenaryDecision[],
  special: readonly SpecialAward[] = [],
): DeliberationModel {
  const marks = reconciliation.marks;
  // One index of the marks for the merge, the flags, Kendall's W and leave-one-juror-out, kept with the
  // reconciliation (whose key includes the event's content): another rule merges again without indexing again.
  const figures = panelFigures(event, marks, rule, plans.get(reconciliation));
  plans.set(reconciliation, figures.plan);
  const summary = resultsSummary(event, applyDecisions(figures.result, chosen), special);
  const eventConflicts = new Set(event.conflicts.map((c) => `${c.jurorId}\u0000${c.nomineeId}`));
  const deliberation: Deliberation = {
    ...summary,
    sheets: uses.length,
    usedSheets: uses.filter((use) => use === 'used').length,
    completeness: reconciliation.completeness,
    flags: figures.flags,
    agreement: figures.agreement,
    leaveOneOut: figures.leaveOneOut,
    decisions: [...chosen],
    /** Every juror's mark per criterion for each nominee: the protocol of the deliberation. */
    marks,
    conflicts: [
      ...event.conflicts.map((c) => ({ jurorId: c.jurorId, nomineeId: c.nomineeId, reason: c.reason, declared: false })),
      ...reconciliation.conflicts
        .filter((c) => !eventConflicts.has(`${c.jurorId}\u0000${c.nomineeId}`))
        .map((c) => ({ ...c, declared: true })),
    ],
    jurorNames: reconciliation.jurorNames,
  };
  return { deliberation, plan: figures.plan, flagsByNominee: Map.groupBy(figures.flags, (f) => f.nomineeId) };
}
