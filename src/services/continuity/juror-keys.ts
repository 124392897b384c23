/**
 * A juror's key rollover, signed by the secretariat (issue 21, item 4). A juror whose laptop was lost or died
 * enrols the key of a new laptop; the secretariat re-enrols them with a reason, which records a key change:
 * the statement binding the new key to the old one rides in every later package (key-statements.ts), signed
 * by the secretariat key that signs the package. From then on sheets signed by either key are that juror's:
 * verification accepts the old key for them (withPreviousKeys, at the secretariat's inbox, in the CLI's
 * verify/merge/report and on the juror's new laptop when it resumes), and the new laptop's sheets continue
 * above the old key's highest revision, so the old key's sheets are superseded, never in conflict.
 */
import type { Bilingual, Event } from '../../core/model.ts';
import { AppError } from '../../api/errors.ts';
import { findEventRecord, getEvent, nextRevision, saveEvent } from '../events/event-store.ts';
import { fingerprint } from '../keys/signing.ts';
import { enrol, enrolledKeys, listEnrolments, type Enrolment, type EnrolmentPayload } from '../packages/enrolment.ts';
import type { JurorKeyChangePayload } from '../packages/key-statements.ts';
import { verifyScoreSheet, type SheetVerification, type VerifyContext } from '../sheets/score-sheet.ts';
import type { Db } from '../workspace/workspace.ts';
import { continuityMessages } from '../../core/messages/continuity.ts';

/** verifyScoreSheet, or anything that verifies the same way (a worker pool). */
export type SheetVerifier = (bytes: Uint8Array, fileName: string, context: VerifyContext) => Promise<SheetVerification>;

/** Juror id → that juror's earlier keys (public key text), bound to them by the secretariat's key changes. */
export type PreviousKeys = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * A verifier for which a sheet signed by one of the juror's earlier keys is that juror's: a sheet that the
 * plain check finds 'unknown-key' only because the key it was signed with is an earlier key of the juror it
 * names is checked again with that key in place (every other check as before).
 */
export function withPreviousKeys(verifier: SheetVerifier, previous: PreviousKeys): SheetVerifier {
  if (previous.size === 0) return verifier;
  return async (bytes, fileName, context) => {
    const first = await verifier(bytes, fileName, context);
    if (first.status !== 'unknown-key' || !first.juror || !first.signingKey || !previous.get(first.juror)?.has(first.signingKey))
      return first;
    return verifier(bytes, fileName, { ...context, jurorKeys: new Map([...context.jurorKeys, [first.juror, first.signingKey]]) });
  };
}

export interface KeyChange {
  jurorId: string;
  previousKey: string;
  previousFingerprint: string;
  nextKey: string;
  nextFingerprint: string;
  continuesAfterRevision: number;
  reason: string;
  changedAt: string;
}

interface KeyChangeRow {
  juror_id: string;
  previous_public_key: string;
  previous_fingerprint: string;
  next_public_key: string;
  next_fingerprint: string;
  continues_after_revision: number;
  reason: string;
  changed_at: string;
}

/** Every key change the secretariat recorded for the event, oldest first. */
export function listKeyChanges(db: Db, eventId: string): KeyChange[] {
  const rows = db.prepare('SELECT * FROM juror_key_change WHERE event_id = ? ORDER BY seq').all(eventId) as KeyChangeRow[];
  return rows.map((r) => ({
    jurorId: r.juror_id,
    previousKey: r.previous_public_key,
    previousFingerprint: r.previous_fingerprint,
    nextKey: r.next_public_key,
    nextFingerprint: r.next_fingerprint,
    continuesAfterRevision: r.continues_after_revision,
    reason: r.reason,
    changedAt: r.changed_at,
  }));
}

/** The key changes as the next package states them (signed there, with the key that signs the package). */
export function keyChangeStatements(db: Db, eventId: string): Omit<JurorKeyChangePayload, 'secretariat'>[] {
  return listKeyChanges(db, eventId).map((c) => ({
    format: 'timbang.juror-key-change',
    formatVersion: 1,
    eventId,
    jurorId: c.jurorId,
    previous: { publicKey: c.previousKey, fingerprint: c.previousFingerprint },
    next: { publicKey: c.nextKey, fingerprint: c.nextFingerprint },
    continuesAfterRevision: c.continuesAfterRevision,
    reason: c.reason,
    changedAt: c.changedAt,
  }));
}

/** Each juror's earlier keys at the secretariat. */
export function previousJurorKeys(db: Db, eventId: string): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const c of listKeyChanges(db, eventId)) {
    let set = keys.get(c.jurorId);
    if (!set) keys.set(c.jurorId, (set = new Set()));
    set.add(c.previousKey);
  }
  return keys;
}

/**
 * The secretariat re-enrols a juror from a new laptop (the old one lost or dead): the enrolment file of the
 * new laptop, and a reason. Records the key change and replaces the enrolled key in one transaction (the
 * event's revision rises: the next package carries the new key and the statement), then checks again the
 * juror's sheets that were waiting for a key. A juror not enrolled yet is simply enrolled.
 */
export async function reenrol(
  db: Db,
  payload: EnrolmentPayload,
  fileName: string,
  reason: string,
  now = new Date(),
): Promise<{ enrolment: Enrolment; change: KeyChange | null }> {
  const existing = db
    .prepare('SELECT public_key, fingerprint FROM enrolment WHERE event_id = ? AND juror_id = ?')
    .get(payload.eventId, payload.jurorId) as { public_key: string; fingerprint: string } | undefined;
  if (!existing) return { enrolment: enrol(db, payload, fileName, now), change: null };
  if (existing.public_key === payload.publicKey) {
    throw new AppError(
      'conflict',
      continuityMessages.alreadyEnrolledWithKey({ fileName, jurorId: payload.jurorId, fingerprint: existing.fingerprint }),
    );
  }
  const text = reason.trim();
  if (text.length < 3) {
    throw new AppError('invalid-input', continuityMessages.reEnrolmentReason());
  }
  const record = findEventRecord(db, payload.eventId);
  // enrol() says the same for a first enrolment; a juror enrolled here belongs to an event authored here.
  if (!record || record.origin.source !== 'authored') {
    throw new AppError('not-found', continuityMessages.reEnrolEventNotAuthored({ fileName, eventId: payload.eventId }));
  }
  const event = getEvent(db, payload.eventId);
  const reached = db
    .prepare('SELECT max(sheet_revision) AS n FROM received_sheet WHERE event_id = ? AND juror_id = ? AND public_key = ?')
    .get(payload.eventId, payload.jurorId, existing.public_key) as { n: number | null };
  const change: KeyChange = {
    jurorId: payload.jurorId,
    previousKey: existing.public_key,
    previousFingerprint: existing.fingerprint,
    nextKey: payload.publicKey,
    nextFingerprint: payload.fingerprint,
    continuesAfterRevision: reached.n ?? 0,
    reason: text,
    changedAt: now.toISOString(),
  };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO juror_key_change (event_id, juror_id, previous_public_key, previous_fingerprint, next_public_key, next_fingerprint, continues_after_revision, reason, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      payload.eventId,
      change.jurorId,
      change.previousKey,
      change.previousFingerprint,
      change.nextKey,
      change.nextFingerprint,
      change.continuesAfterRevision,
      change.reason,
      change.changedAt,
    );
    // The new laptop's key is enrolled as any key is: unconfirmed until the juror reads its fingerprint aloud.
    db.prepare(
      'UPDATE enrolment SET name = ?, public_key = ?, fingerprint = ?, received_at = ?, confirmed_at = NULL WHERE event_id = ? AND juror_id = ?',
    ).run(payload.name, payload.publicKey, payload.fingerprint, now.toISOString(), payload.eventId, payload.jurorId);
    saveEvent(db, event, nextRevision(db, event.id, now), now);
  })();
  await reverifyJurorSheets(db, event, payload.jurorId);
  return { enrolment: listEnrolments(db, payload.eventId).find((e) => e.jurorId === payload.jurorId)!, change };
}

/**
 * The juror's stored sheets that did not verify for want of the right key, checked again with the keys the
 * juror has now (enrolled and earlier), stored the way the inbox stores a verification.
 */
async function reverifyJurorSheets(db: Db, event: Event, jurorId: string): Promise<void> {
  const rows = db
    .prepare("SELECT id, file_name, bytes FROM received_sheet WHERE event_id = ? AND juror_id = ? AND status = 'unknown-key'")
    .all(event.id, jurorId) as { id: number; file_name: string; bytes: Buffer }[];
  if (rows.length === 0) return;
  const own = db.prepare('SELECT public_key FROM workspace_key WHERE id = 1').get() as { public_key: string } | undefined;
  const context: VerifyContext = {
    event,
    latestPackageRevision: findEventRecord(db, event.id)!.revision,
    jurorKeys: new Map(enrolledKeys(db, event.id).map((k) => [k.jurorId, k.publicKey])),
    secretariatKey: own?.public_key,
  };
  const verify = withPreviousKeys(verifyScoreSheet, previousJurorKeys(db, event.id));
  for (const row of rows) {
    const verification = await verify(new Uint8Array(row.bytes), row.file_name, context);
    db.prepare('UPDATE received_sheet SET status = ?, payload = ?, details = ? WHERE id = ?').run(
      verification.status,
      verification.payload ? JSON.stringify(verification.payload) : null,
      JSON.stringify(verification.details),
      row.id,
    );
  }
}

/**
 * What the sheet list, the Rekapitulasi and the report's verification appendix say about a juror whose key
 * changed: on each sheet signed by an earlier key, that the key changed and the new laptop's sheets take
 * over; on each sheet signed by the new key, that it continues the old one's.
 */
export function keyChangeNotes(changes: readonly KeyChange[], sheet: { jurorId: string | null; signedWith: string | null }): Bilingual[] {
  if (!sheet.jurorId || !sheet.signedWith) return [];
  return changes
    .filter((c) => c.jurorId === sheet.jurorId)
    .flatMap((c): Bilingual[] => {
      if (sheet.signedWith === c.previousFingerprint) {
        return [
          continuityMessages.signedWithOldKey({
            jurorId: c.jurorId,
            previousFingerprint: c.previousFingerprint,
            nextFingerprint: c.nextFingerprint,
            reason: c.reason,
          }),
        ];
      }
      if (sheet.signedWith === c.nextFingerprint) {
        return [
          continuityMessages.signedWithNewKey({
            jurorId: c.jurorId,
            nextFingerprint: c.nextFingerprint,
            previousFingerprint: c.previousFingerprint,
            reason: c.reason,
            continuesAfterRevision: c.continuesAfterRevision,
          }),
        ];
      }
      return [];
    });
}

/** Sheets as listed at the secretariat, with the key change notes added to whatever notes they carry. */
export function withKeyChangeNotes<S extends { jurorId: string | null; signedWith: string | null; notes?: Bilingual[] }>(
  db: Db,
  eventId: string,
  sheets: readonly S[],
): S[] {
  const changes = listKeyChanges(db, eventId);
  if (changes.length === 0) return [...sheets];
  return sheets.map((s) => {
    const notes = keyChangeNotes(changes, s);
    return notes.length ? { ...s, notes: [...(s.notes ?? []), ...notes] } : s;
  });
}

/** The fingerprint of a key, or null. */
export const fingerprintOf = (key: string | null) => (key ? fingerprint(key) : null);
