/**
 * Special awards the plenary names beside the ranks ("Terbaik Coverage", "Terbaik Inovasi"), recorded like
 * its decisions on ties: what, to whom, why, by whom, when. Append-only: the latest record per category and
 * name counts, and a record without a nominee withdraws the award (both stay on record).
 */
import { AppError } from '../../api/errors.ts';
import type { SpecialAward } from '../../core/awards.ts';
import type { Event } from '../../core/model.ts';
import type { Db } from '../workspace/workspace.ts';
import { awardsMessages } from '../../core/messages/awards.ts';
import { sectionMessages } from '../../core/messages/attendance.ts';

export interface SpecialAwardInput {
  categoryId: string | null;
  name: string;
  /** Null withdraws the award of this name (in this category). */
  nomineeId: string | null;
  reason: string;
  decidedBy: string;
}

export function recordSpecialAward(db: Db, event: Event, input: SpecialAwardInput, now = new Date()): void {
  if (input.categoryId !== null && !event.categories.some((c) => c.id === input.categoryId)) {
    throw new AppError('not-found', awardsMessages.categoryNotInEvent({ categoryId: input.categoryId }));
  }
  if (input.nomineeId !== null) {
    const nominee = event.nominees.find((n) => n.id === input.nomineeId);
    if (!nominee) throw new AppError('not-found', sectionMessages.nomineeNotInEvent({ nomineeId: input.nomineeId }));
    if (input.categoryId !== null && nominee.categoryId !== input.categoryId) {
      throw new AppError('invalid-input', awardsMessages.nomineeOfOtherCategory({ nomineeName: nominee.name }));
    }
  } else if (!specialAwards(db, event.id).some((a) => a.categoryId === input.categoryId && a.name === input.name)) {
    throw new AppError('not-found', awardsMessages.noSuchSpecialAward({ name: input.name }));
  }
  db.prepare(
    'INSERT INTO special_award (event_id, category_id, name, nominee_id, reason, decided_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(event.id, input.categoryId, input.name, input.nomineeId, input.reason, input.decidedBy, now.toISOString());
}

/** The special awards in force: the latest record per category and name, unless it withdrew the award. */
export function specialAwards(db: Db, eventId: string): SpecialAward[] {
  const rows = db
    .prepare(
      `SELECT category_id AS categoryId, name, nominee_id AS nomineeId, reason, decided_by AS decidedBy, recorded_at AS recordedAt FROM special_award s
       WHERE event_id = ? AND seq = (SELECT max(seq) FROM special_award t WHERE t.event_id = s.event_id AND t.category_id IS s.category_id AND t.name = s.name)
       ORDER BY seq`,
    )
    .all(eventId) as (Omit<SpecialAward, 'nomineeId'> & { nomineeId: string | null })[];
  return rows.filter((r): r is SpecialAward => r.nomineeId !== null);
}
