/**
 * Whether an event's results are fixed: a penetapan in force is its latest version, not reopened. Every change
 * to the event consults this, so it is read here, below the penetapan service that writes those rows
 * (penetapan/penetapan.ts; penetapan/guard.ts weighs changes whose effect can be computed first).
 */
import { AppError } from '../../api/errors.ts';
import { penetapanMessages } from '../../core/messages/penetapan.ts';
import type { Bilingual } from '../../core/model.ts';
import type { Db } from '../workspace/workspace.ts';

/** The version of the penetapan in force for the event, or null when none is (never fixed, or reopened). */
export function fixedVersion(db: Db, eventId: string): number | null {
  const latest = db
    .prepare(
      `SELECT p.version, r.reason FROM penetapan p
       LEFT JOIN penetapan_reopening r ON r.event_id = p.event_id AND r.version = p.version
       WHERE p.event_id = ? ORDER BY p.version DESC LIMIT 1`,
    )
    .get(eventId) as { version: number; reason: string | null } | undefined;
  return latest && latest.reason === null ? latest.version : null;
}

/** The refusal of `what` while penetapan `version` fixes the results. */
export function fixedRefusal(version: number, what: Bilingual): AppError {
  return new AppError('conflict', penetapanMessages.refusedWhileFixed({ what, version }), { penetapanVersion: version });
}

/** Refuses outright while a penetapan is in force (a change whose effect cannot be weighed first). */
export function refuseWhileFixed(db: Db, eventId: string, what: Bilingual): void {
  const version = fixedVersion(db, eventId);
  if (version !== null) throw fixedRefusal(version, what);
}
