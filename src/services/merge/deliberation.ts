/**
 * What the plenary looks at: the rankings by the chosen rule (with the plenary's own decisions on ties
 * that the cascade could not break), how far the panel agrees, which marks stand far from the rest, and
 * whether any single juror decides a podium.
 */
import { panelFigures } from '../../core/agreement.ts';
import type { MergeResult } from '../../core/merge.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import type { Db } from '../workspace/workspace.ts';
import { resultsSummary } from './results.ts';
import type { Deliberation } from '../../api/contract.ts';
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
  db.prepare('INSERT INTO plenary_decision (event_id, category_id, nominee_ids, text, decided_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(event.id, decision.categoryId, JSON.stringify(decision.nomineeIds), decision.text, decision.decidedBy, now.toISOString());
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
    for (const group of Map.groupBy(ranking.filter((n) => n.joint), (n) => n.rank).values()) {
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

/** The deliberation from the secretariat's inbox and the plenary's decisions. */
export function deliberation(db: Db, event: Event, rule: MergeRule): Deliberation {
  const { sheets, reconciliation } = listReceived(db, event);
  return deliberate(event, rule, reconciliation, sheets.map((s) => s.use), decisions(db, event.id));
}

/** Everything the plenary sees, from reconciled sheets (`uses`: how each input file is used). */
export function deliberate(event: Event, rule: MergeRule, reconciliation: Reconciliation, uses: readonly FileUse[], chosen: readonly PlenaryDecision[]): Deliberation {
  const marks = reconciliation.marks;
  const figures = panelFigures(event, marks, rule);
  const summary = resultsSummary(event, applyDecisions(figures.result, chosen));
  return {
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
        .filter((c) => !event.conflicts.some((e) => e.jurorId === c.jurorId && e.nomineeId === c.nomineeId))
        .map((c) => ({ ...c, declared: true })),
    ],
    jurorNames: reconciliation.jurorNames,
  };
}
