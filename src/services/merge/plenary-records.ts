/**
 * What the plenary recorded in a secretariat's workspace that enters the results: its decisions on ties
 * (the latest per category) and its special awards. Read here, without the merge, so that the penetapan's
 * guard (which weighs a change against the fixed results) can read them without importing the deliberation.
 */
import { specialAwards } from '../awards/special-awards.ts';
import type { Db } from '../workspace/workspace.ts';
import type { PlenaryDecision, PlenaryRecords } from './merge-verified.ts';

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

/** The workspace's decisions and special awards for the event (issue 16: both are part of the results and their hash). */
export function plenaryRecords(db: Db, eventId: string): PlenaryRecords {
  return { decisions: decisions(db, eventId), specialAwards: specialAwards(db, eventId) };
}
