/**
 * Special awards the plenary names beside the ranks ("Terbaik Coverage", "Terbaik Inovasi"), recorded like
 * its decisions on ties: what, to whom, why, by whom, when. Append-only: the latest record per category and
 * name counts, and a record without a nominee withdraws the award (both stay on record).
 */
import { AppError } from '../../api/errors.ts';
import type { SpecialAward } from '../../core/awards.ts';
import type { Event } from '../../core/model.ts';
import type { Db } from '../workspace/workspace.ts';

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
    throw new AppError('not-found', {
      id: `Kategori "${input.categoryId}" tidak ada di acara ini.`,
      en: `Category "${input.categoryId}" is not in this event.`,
    });
  }
  if (input.nomineeId !== null) {
    const nominee = event.nominees.find((n) => n.id === input.nomineeId);
    if (!nominee)
      throw new AppError('not-found', {
        id: `Nominasi "${input.nomineeId}" tidak ada di acara ini.`,
        en: `Nominee "${input.nomineeId}" is not in this event.`,
      });
    if (input.categoryId !== null && nominee.categoryId !== input.categoryId) {
      throw new AppError('invalid-input', {
        id: `${nominee.name} bukan nominasi kategori ini; penghargaan khusus kategori hanya untuk nominasi kategori itu.`,
        en: `${nominee.name} is not a nominee of this category; a category's special award goes to one of its nominees.`,
      });
    }
  } else if (!specialAwards(db, event.id).some((a) => a.categoryId === input.categoryId && a.name === input.name)) {
    throw new AppError('not-found', {
      id: `Tidak ada penghargaan khusus "${input.name}" yang dapat dicabut.`,
      en: `There is no special award "${input.name}" to withdraw.`,
    });
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
