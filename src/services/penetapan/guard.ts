/**
 * While a penetapan is in force, nothing may change the fixed results until someone reopens it with a
 * reason (issue 16, item 5): a sheet whose import would change them, a plenary decision or special award
 * that would, a key accepted by hand (which lets more sheets count), or any change to the event itself
 * (its weights, nominees, shortlists, or the Berita Acara's own words). An import that changes nothing (a
 * copy, an older revision, a file that does not verify) is let through.
 *
 * Whether a change would change the results is decided by merging as the penetapan did (its rule), with
 * the change, and comparing the results hash with the fixed one.
 */
import type { SpecialAward } from '../../core/awards.ts';
import { merge } from '../../core/merge.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import { specialAwards } from '../awards/special-awards.ts';
import { fixedRefusal } from '../events/fixed-results.ts';
import { applyDecisions, type PlenaryDecision } from '../merge/merge-verified.ts';
import { decisions } from '../merge/plenary-records.ts';
import { reconcile } from '../merge/reconcile.ts';
import { resultsSummary } from '../merge/results.ts';
import { SheetPayload } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';
import { penetapanState, type PenetapanVersion } from './penetapan.ts';
import { penetapanMessages } from '../../core/messages/penetapan.ts';

/** What the change would be, on top of what the workspace holds. */
export interface Change {
  payload?: SheetPayload;
  decisions?: readonly PlenaryDecision[];
  special?: readonly SpecialAward[];
}

/** The results hash by `rule` with the change applied to the workspace's sheets, decisions and special awards. */
export function hashWith(db: Db, event: Event, rule: PenetapanVersion['rule'], change: Change = {}): string {
  const rows = db
    .prepare("SELECT id, payload FROM received_sheet WHERE event_id = ? AND status = 'valid' AND payload IS NOT NULL ORDER BY id")
    .all(event.id) as { id: number; payload: string }[];
  const received = rows.map((r) => ({ file: String(r.id), payload: SheetPayload.parse(JSON.parse(r.payload)) }));
  if (change.payload) received.push({ file: 'baru', payload: change.payload });
  const reconciled = reconcile(event, received);
  const result = applyDecisions(merge(event, reconciled.marks, rule), change.decisions ?? decisions(db, event.id));
  return resultsSummary(event, result, change.special ?? specialAwards(db, event.id)).resultsHash;
}

/** Refuses the change when a penetapan is in force and the change would give another results hash. */
export function refuseIfChangesFixed(db: Db, event: Event, what: Bilingual, change: Change): void {
  const { inForce } = penetapanState(db, event.id);
  if (!inForce) return;
  if (hashWith(db, event, inForce.rule, change) !== inForce.resultsHash) throw fixedRefusal(inForce.version, what);
}

/** A sheet about to be stored (sheet-inbox.ts): refused when it is valid and would change the fixed results. */
export function guardSheetImport(db: Db, event: Event, fileName: string, status: string, payload: SheetPayload | null): void {
  if (status !== 'valid' || !payload) return;
  refuseIfChangesFixed(db, event, penetapanMessages.importingSheet({ fileName }), { payload });
}

/** A plenary decision about to be recorded (deliberation.ts). */
export function guardDecision(db: Db, event: Event, decision: Omit<PlenaryDecision, 'recordedAt'>): void {
  const others = decisions(db, event.id).filter((d) => d.categoryId !== decision.categoryId);
  refuseIfChangesFixed(db, event, penetapanMessages.plenaryDecision(), { decisions: [...others, { ...decision, recordedAt: '' }] });
}
