/**
 * What the plenary looks at: the rankings by the chosen rule (with the plenary's own decisions on ties
 * that the cascade could not break), how far the panel agrees, which marks stand far from the rest, and
 * whether any single juror decides a podium.
 */
import { compositeKey } from '../../core/composite-key.ts';
import type { MergeMark } from '../../core/merge.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import { mergeMessages } from '../../core/messages/merge.ts';
import { sectionMessages } from '../../core/messages/attendance.ts';
import type { Db } from '../workspace/workspace.ts';
// Issue 16: the plenary's special awards are part of the results (and of their hash).
import type { SpecialAward } from '../../core/awards.ts';
import { guardDecision } from '../penetapan/guard.ts';
import { withExcused } from '../attendance/attendance.ts';
import type { Deliberation, DeliberationSummary, NomineeProtocol } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import type { FileUse, Reconciliation } from './reconcile.ts';
import { listReceived } from './sheet-inbox.ts';
import { deliberateReconciled, type DeliberationModel, type PlenaryDecision } from './merge-verified.ts';
import { plenaryRecords } from './plenary-records.ts';

// Where these lived before merge-verified.ts and plenary-records.ts: callers may keep importing them from here.
export { applyDecisions, type PlenaryDecision } from './merge-verified.ts';
export { decisions } from './plenary-records.ts';

export function recordDecision(db: Db, event: Event, decision: Omit<PlenaryDecision, 'recordedAt'>, now = new Date()): void {
  guardDecision(db, event, decision); // issue 16: refused while fixed, if it would change the results
  db.prepare(
    'INSERT INTO plenary_decision (event_id, category_id, nominee_ids, text, decided_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(event.id, decision.categoryId, JSON.stringify(decision.nomineeIds), decision.text, decision.decidedBy, now.toISOString());
}

/**
 * What may be printed or exported as results: only a deliberation with marks in it. With no valid sheet
 * every nominee would stand joint first at 0 and a Berita Acara would name them all winners.
 */
export function requireMarks(result: Deliberation): Deliberation {
  if (result.marks.length > 0) return result;
  throw new AppError('incomplete', mergeMessages.noMarksYet({ usedSheets: result.usedSheets, sheets: result.sheets }));
}

/**
 * Deliberations kept per reconciliation (which sheet-inbox.ts keeps until a sheet or the event changes),
 * by rule and decisions: opening the screen, a nominee's protocol, the report and the Rekapitulasi of the
 * same inbox compute the merge once. A few rules side by side at most.
 */
const models = new WeakMap<Reconciliation, Map<string, DeliberationModel>>();
const MODELS_PER_INBOX = 4;

function deliberationModel(db: Db, event: Event, rule: MergeRule): DeliberationModel {
  const { reconciliation } = listReceived(db, event);
  const plenary = plenaryRecords(db, event.id); // issue 16: with the special awards
  const key = compositeKey(rule, JSON.stringify(plenary.decisions), JSON.stringify(plenary.specialAwards));
  let byKey = models.get(reconciliation);
  if (!byKey) models.set(reconciliation, (byKey = new Map()));
  let model = byKey.get(key);
  if (!model) {
    model = deliberateReconciled(event, rule, reconciliation, plenary);
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
    throw new AppError('not-found', sectionMessages.nomineeNotInEvent({ nomineeId }));
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

/**
 * Everything the plenary sees, from reconciled sheets (`uses`: how each input file is used, which is what the
 * reconciliation says). Kept for the tests and the bench; the app and the command line call merge-verified.ts.
 */
export function deliberate(
  event: Event,
  rule: MergeRule,
  reconciliation: Reconciliation,
  _uses: readonly FileUse[],
  chosen: readonly PlenaryDecision[],
  special: readonly SpecialAward[] = [],
): Deliberation {
  return deliberateReconciled(event, rule, reconciliation, { decisions: chosen, specialAwards: special }).deliberation;
}
