/**
 * From verified sheets to what the plenary sees: the one path the secretariat's inbox (sheet-inbox.ts and
 * deliberation.ts, which keep the sheets in a workspace) and the command line (`timbang merge`, `report`,
 * `audit`, `verify --penetapan`, which verify files against a package) both take, so the two cannot drift.
 * How the sheets were verified, and where they are kept, is each caller's; from here on it is one pipeline:
 * only valid sheets take part, reconciliation decides which section of which sheet counts, and the
 * deliberation merges those marks by a rule with the plenary's decisions and special awards.
 */
import type { Deliberation } from '../../api/contract.ts';
import { panelFigures } from '../../core/agreement.ts';
import type { SpecialAward } from '../../core/awards.ts';
import { compositeKey } from '../../core/composite-key.ts';
import type { MergePlan, MergeResult } from '../../core/merge.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import type { SheetStatus } from '../sheets/score-sheet.ts';
import type { SheetPayload } from '../sheets/sheet-payload.ts';
import { reconcile, type Reconciliation } from './reconcile.ts';
import { resultsSummary } from './results.ts';

/** One input of the merge: a sheet as verification left it, under a key no other input has. */
export interface VerifiedSheet {
  /** Tells the inputs apart, and orders identical copies (the first key in order supplies the section). */
  key: string;
  status: SheetStatus;
  /** The signed content; only a valid sheet's takes part. */
  payload: SheetPayload | null;
}

/** A plenary decision on a tie, as the contract's deliberation carries it. */
export type PlenaryDecision = Deliberation['decisions'][number];

/** What the plenary recorded that enters the results (and their hash): decisions on ties, special awards. */
export interface PlenaryRecords {
  decisions: readonly PlenaryDecision[];
  specialAwards: readonly SpecialAward[];
}

/** A merge with no plenary records yet: files merged on their own. */
export const NO_PLENARY_RECORDS: PlenaryRecords = { decisions: [], specialAwards: [] };

/** Which section of which sheet counts: only valid sheets take part. */
export function reconcileVerified(event: Event, sheets: readonly VerifiedSheet[]): Reconciliation {
  return reconcile(
    event,
    sheets.map((s) => ({ file: s.key, payload: s.status === 'valid' ? s.payload : null })),
  );
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

/** A deliberation and the index of its marks, from which one nominee's protocol is read. */
export interface DeliberationModel {
  deliberation: Deliberation;
  plan: MergePlan;
  flagsByNominee: Map<string, Deliberation['flags']>;
}

/** The index of a reconciliation's marks, kept with it: another rule merges again without indexing again. */
const plans = new WeakMap<Reconciliation, MergePlan>();

/** Everything the plenary sees, from reconciled sheets, by a rule and the plenary's records. */
export function deliberateReconciled(
  event: Event,
  rule: MergeRule,
  reconciliation: Reconciliation,
  plenary: PlenaryRecords = NO_PLENARY_RECORDS,
): DeliberationModel {
  const marks = reconciliation.marks;
  const uses = reconciliation.files.map((f) => f.use);
  // One index of the marks for the merge, the flags, Kendall's W and leave-one-juror-out, kept with the
  // reconciliation (whose key includes the event's content).
  const figures = panelFigures(event, marks, rule, plans.get(reconciliation));
  plans.set(reconciliation, figures.plan);
  const summary = resultsSummary(event, applyDecisions(figures.result, plenary.decisions), plenary.specialAwards);
  const eventConflicts = new Set(event.conflicts.map((c) => compositeKey(c.jurorId, c.nomineeId)));
  const deliberation: Deliberation = {
    ...summary,
    sheets: uses.length,
    usedSheets: uses.filter((use) => use === 'used').length,
    completeness: reconciliation.completeness,
    flags: figures.flags,
    agreement: figures.agreement,
    leaveOneOut: figures.leaveOneOut,
    decisions: [...plenary.decisions],
    /** Every juror's mark per criterion for each nominee: the protocol of the deliberation. */
    marks,
    conflicts: [
      ...event.conflicts.map((c) => ({ jurorId: c.jurorId, nomineeId: c.nomineeId, reason: c.reason, declared: false })),
      ...reconciliation.conflicts
        .filter((c) => !eventConflicts.has(compositeKey(c.jurorId, c.nomineeId)))
        .map((c) => ({ ...c, declared: true })),
    ],
    jurorNames: reconciliation.jurorNames,
  };
  return { deliberation, plan: figures.plan, flagsByNominee: Map.groupBy(figures.flags, (f) => f.nomineeId) };
}

/** Both steps at once, for callers that keep no reconciliation between calls (the command line). */
export function mergeVerified(
  event: Event,
  sheets: readonly VerifiedSheet[],
  rule: MergeRule,
  plenary: PlenaryRecords = NO_PLENARY_RECORDS,
): { reconciliation: Reconciliation; deliberation: Deliberation } {
  const reconciliation = reconcileVerified(event, sheets);
  return { reconciliation, deliberation: deliberateReconciled(event, rule, reconciliation, plenary).deliberation };
}
