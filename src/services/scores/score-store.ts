/**
 * A juror's marks, append-only: every change is a new row, so the history (when, old, new) is kept and
 * the current mark is the latest row for its juror × round × nominee × criterion. A mark is checked
 * against the event before it is written: a known round, nominee and criterion that belong together,
 * a value on the criterion's scale, and no conflict of interest.
 */
import { AppError } from '../../api/errors.ts';
import type { Event } from '../../core/model.ts';
import { isOnScale } from '../../core/scale.ts';
import type { Db } from '../workspace/workspace.ts';

export interface ScoreKey {
  jurorId: string;
  roundId: string;
  nomineeId: string;
  criterionCode: string;
}

export interface ScoreRow extends ScoreKey {
  seq: number;
  /** null when the mark was cleared. */
  value: number | null;
  recordedAt: string;
}

export function recordScore(db: Db, event: Event, key: ScoreKey, value: number | null, now = new Date()): ScoreRow {
  checkScore(event, key, value);
  const recordedAt = now.toISOString();
  const { lastInsertRowid } = db
    .prepare('INSERT INTO score (event_id, juror_id, round_id, nominee_id, criterion_code, value, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(event.id, key.jurorId, key.roundId, key.nomineeId, key.criterionCode, value, recordedAt);
  return { ...key, seq: Number(lastInsertRowid), value, recordedAt };
}

/** The current mark for every key this juror has touched (cleared marks included as null). */
export function currentScores(db: Db, eventId: string, jurorId: string): ScoreRow[] {
  return db
    .prepare(
      `SELECT s.seq, s.juror_id AS jurorId, s.round_id AS roundId, s.nominee_id AS nomineeId, s.criterion_code AS criterionCode, s.value, s.recorded_at AS recordedAt
       FROM score s
       WHERE s.event_id = ? AND s.juror_id = ? AND s.seq = (
         SELECT max(seq) FROM score t WHERE t.event_id = s.event_id AND t.juror_id = s.juror_id AND t.round_id = s.round_id
           AND t.nominee_id = s.nominee_id AND t.criterion_code = s.criterion_code)
       ORDER BY s.seq`,
    )
    .all(eventId, jurorId) as ScoreRow[];
}

function checkScore(event: Event, key: ScoreKey, value: number | null): void {
  const refuse = (id: string, en: string) => new AppError('invalid-input', { id, en });
  const juror = event.jurors.find((j) => j.id === key.jurorId);
  if (!juror) throw refuse(`Juri "${key.jurorId}" tidak ada di acara.`, `Juror "${key.jurorId}" is not in the event.`);
  const round = event.rounds.find((r) => r.id === key.roundId);
  if (!round) throw refuse(`Babak "${key.roundId}" tidak ada di acara.`, `Round "${key.roundId}" is not in the event.`);
  const nominee = event.nominees.find((n) => n.id === key.nomineeId);
  if (!nominee) throw refuse(`Nominasi "${key.nomineeId}" tidak ada di acara.`, `Nominee "${key.nomineeId}" is not in the event.`);
  const criterion = event.criteria.find((c) => c.code === key.criterionCode);
  if (!criterion || criterion.roundId !== round.id || !criterion.categoryIds.includes(nominee.categoryId)) {
    throw refuse(
      `Kriteria "${key.criterionCode}" tidak dinilai untuk ${nominee.name} di babak ${round.name.id}.`,
      `Criterion "${key.criterionCode}" is not scored for ${nominee.name} in round ${round.name.en}.`,
    );
  }
  const conflict = event.conflicts.find((c) => c.jurorId === juror.id && c.nomineeId === nominee.id);
  if (conflict) {
    throw new AppError('forbidden', {
      id: `Tidak menilai — benturan kepentingan: ${conflict.reason} (${juror.id}, ${nominee.name}).`,
      en: `Not scoring — conflict of interest: ${conflict.reason} (${juror.id}, ${nominee.name}).`,
    });
  }
  if (value !== null && !isOnScale(value, criterion.scale)) {
    const { min, max, step } = criterion.scale;
    throw refuse(
      `Nilai ${value} di luar skala ${criterion.code}: ${min}–${max}, kelipatan ${step}.`,
      `Score ${value} is off ${criterion.code}'s scale: ${min}–${max}, in steps of ${step}.`,
    );
  }
}
