/**
 * Enrolment: how the secretariat learns each juror laptop's public key. The juror's app writes a small
 * signed file (juror id, name as typed, public key, fingerprint); the secretariat imports it and may
 * confirm the fingerprint read aloud over the phone or across the table. From then on the event package
 * carries the juror's key, and score sheets signed by any other key are not taken as that juror's.
 */
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { enrolmentMessages, signedFileKinds, signedFileMessages } from '../../core/messages/package.ts';
import { Id, type Bilingual } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { fingerprint, sameFingerprint } from '../keys/signing.ts';
import { findEventRecord, getEvent, nextRevision, saveEvent } from '../events/event-store.ts';
import type { Db } from '../workspace/workspace.ts';
import type { JurorKey } from './event-package.ts';
import { readSignedFile, writeSignedFile } from './signed-file.ts';

export const ENROLMENT_EXTENSION = '.timbang-enrol';

const EnrolmentPayload = z.strictObject({
  format: z.literal('timbang.enrolment'),
  formatVersion: z.literal(1),
  eventId: Id,
  jurorId: Id,
  name: z.string().trim().min(1).max(200),
  publicKey: z.string().min(1),
  fingerprint: z.string().min(1),
  createdAt: z.iso.datetime(),
});
export type EnrolmentPayload = z.infer<typeof EnrolmentPayload>;

export interface Enrolment {
  jurorId: string;
  name: string;
  fingerprint: string;
  receivedAt: string;
  confirmedAt: string | null;
}

const KIND = { ...signedFileKinds.enrolmentFile(), format: 'timbang.enrolment' };
/** "Berkas pendaftaran x.timbang-enrol: …" */
const inFile = (fileName: string, problem: Bilingual) => signedFileMessages.inFile({ kind: KIND, fileName, problem });

/** The juror's side: signed with the laptop's own key, which proves the sender holds it. */
export function writeEnrolment(eventId: string, jurorId: string, name: string, key: UnlockedKey, now = new Date()): string {
  const payload: EnrolmentPayload = {
    format: 'timbang.enrolment',
    formatVersion: 1,
    eventId,
    jurorId,
    name: name.trim(), // as the schema reads it back, so that the signature covers what is read
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
    createdAt: now.toISOString(),
  };
  return writeSignedFile(payload, key);
}

export function readEnrolment(bytes: Uint8Array, fileName: string): EnrolmentPayload {
  const payload = readSignedFile(bytes, fileName, KIND, EnrolmentPayload, (p) => p.publicKey);
  if (fingerprint(payload.publicKey) !== payload.fingerprint) {
    throw new AppError('invalid-file', inFile(fileName, enrolmentMessages.fingerprintMismatch()));
  }
  return payload;
}

/**
 * The secretariat's side: records the juror's key for an event it authors and raises the event's
 * revision (the next package carries the key). A juror already enrolled with another key must be
 * removed first, deliberately: a stray file never silently replaces a key.
 */
export function enrol(db: Db, payload: EnrolmentPayload, fileName: string, now = new Date()): Enrolment {
  const record = findEventRecord(db, payload.eventId);
  if (!record || record.origin.source !== 'authored') {
    throw new AppError('not-found', enrolmentMessages.eventNotAuthored({ kind: KIND, fileName, eventId: payload.eventId }));
  }
  const event = getEvent(db, payload.eventId);
  const juror = event.jurors.find((j) => j.id === payload.jurorId);
  if (!juror) {
    throw new AppError('not-found', inFile(fileName, enrolmentMessages.jurorNotInEvent({ jurorId: payload.jurorId })));
  }
  const existing = db
    .prepare('SELECT public_key, fingerprint FROM enrolment WHERE event_id = ? AND juror_id = ?')
    .get(payload.eventId, payload.jurorId) as { public_key: string; fingerprint: string } | undefined;
  if (existing && existing.public_key !== payload.publicKey) {
    throw new AppError(
      'conflict',
      inFile(fileName, enrolmentMessages.enrolledWithAnotherKey({ jurorId: payload.jurorId, fingerprint: existing.fingerprint })),
      { enrolledWithAnotherKey: true },
    );
  }
  if (!existing) {
    db.transaction(() => {
      db.prepare('INSERT INTO enrolment (event_id, juror_id, name, public_key, fingerprint, received_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        payload.eventId,
        payload.jurorId,
        payload.name,
        payload.publicKey,
        payload.fingerprint,
        now.toISOString(),
      );
      saveEvent(db, event, nextRevision(db, event.id, now), now);
    })();
  }
  return listEnrolments(db, payload.eventId).find((e) => e.jurorId === payload.jurorId)!;
}

/** The secretariat heard the juror read their fingerprint aloud and typed it: it must match exactly. */
export function confirmEnrolment(db: Db, eventId: string, jurorId: string, typedFingerprint: string, now = new Date()): Enrolment {
  const row = db.prepare('SELECT fingerprint FROM enrolment WHERE event_id = ? AND juror_id = ?').get(eventId, jurorId) as
    { fingerprint: string } | undefined;
  if (!row) throw new AppError('not-found', enrolmentMessages.notEnrolled({ jurorId }));
  if (!sameFingerprint(typedFingerprint, row.fingerprint)) {
    throw new AppError('forbidden', enrolmentMessages.fingerprintReadAloudDiffers({ typed: typedFingerprint.trim(), jurorId }));
  }
  db.prepare('UPDATE enrolment SET confirmed_at = ? WHERE event_id = ? AND juror_id = ?').run(now.toISOString(), eventId, jurorId);
  return listEnrolments(db, eventId).find((e) => e.jurorId === jurorId)!;
}

export function removeEnrolment(db: Db, eventId: string, jurorId: string, now = new Date()): void {
  db.transaction(() => {
    const removed = db.prepare('DELETE FROM enrolment WHERE event_id = ? AND juror_id = ?').run(eventId, jurorId);
    if (removed.changes > 0) saveEvent(db, getEvent(db, eventId), nextRevision(db, eventId, now), now);
  })();
}

export function listEnrolments(db: Db, eventId: string): Enrolment[] {
  return db
    .prepare(
      `SELECT e.juror_id AS jurorId, e.name, e.fingerprint, e.received_at AS receivedAt, e.confirmed_at AS confirmedAt
       FROM enrolment e JOIN juror j ON j.event_id = e.event_id AND j.id = e.juror_id WHERE e.event_id = ? ORDER BY j.position`,
    )
    .all(eventId) as Enrolment[];
}

/** The keys an event package carries. */
export function enrolledKeys(db: Db, eventId: string): JurorKey[] {
  return db
    .prepare(
      `SELECT e.juror_id AS jurorId, e.name, e.public_key AS publicKey, e.fingerprint
       FROM enrolment e JOIN juror j ON j.event_id = e.event_id AND j.id = e.juror_id WHERE e.event_id = ? ORDER BY j.position`,
    )
    .all(eventId) as JurorKey[];
}
