/**
 * The secretariat's inbox of jurors' score sheets. Each file is verified against the event (its revision,
 * and the keys enrolled or accepted for each juror) and stored whole, in one statement, with its
 * verification: an import never leaves half a sheet behind. The same file twice is recognised by its hash.
 */
import { createHash } from 'node:crypto';
import type { Bilingual, Event } from '../../core/model.ts';
import { findEventRecord } from '../events/event-store.ts';
import { fingerprint } from '../keys/signing.ts';
import { enrolledKeys } from '../packages/enrolment.ts';
import { verifyScoreSheet, type SheetStatus, type SheetVerification } from '../sheets/score-sheet.ts';
import { SheetPayload } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';
import { reconcile, type FileUse, type Reconciliation } from './reconcile.ts';

export interface ReceivedSheet {
  id: number;
  fileName: string;
  fileHash: string;
  status: SheetStatus;
  jurorId: string | null;
  sheetRevision: number | null;
  /** Fingerprint of the key the sheet was signed with, when readable. */
  signedWith: string | null;
  details: Bilingual[];
  receivedAt: string;
  use: FileUse;
}

interface Row {
  id: number;
  file_name: string;
  file_hash: string;
  status: SheetStatus;
  juror_id: string | null;
  sheet_revision: number | null;
  public_key: string | null;
  payload: string | null;
  details: string;
  received_at: string;
}

/** Verifies a file and keeps it. Returns the stored sheet, and whether this exact file had come before. */
export async function receiveSheet(db: Db, event: Event, bytes: Uint8Array, fileName: string, now = new Date()): Promise<{ sheet: ReceivedSheet; again: boolean }> {
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const known = db.prepare('SELECT id FROM received_sheet WHERE event_id = ? AND file_hash = ?').get(event.id, fileHash) as { id: number } | undefined;
  if (known) return { sheet: listReceived(db, event).sheets.find((s) => s.id === known.id)!, again: true };
  const verification = await verify(db, event, bytes, fileName);
  // A malformed file can never verify, even after a key is accepted: only its hash and the reason are kept,
  // so a folder of junk (or a zip bomb) does not swell the workspace and every backup of it.
  const kept = verification.status === 'malformed' ? Buffer.alloc(0) : Buffer.from(bytes);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO received_sheet (event_id, file_name, file_hash, status, juror_id, sheet_revision, public_key, payload, details, received_at, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      event.id, fileName, fileHash, verification.status, verification.juror, verification.revision, verification.signingKey,
      verification.payload ? JSON.stringify(verification.payload) : null, JSON.stringify(verification.details), now.toISOString(), kept,
    );
  return { sheet: listReceived(db, event).sheets.find((s) => s.id === Number(lastInsertRowid))!, again: false };
}

/**
 * The secretariat accepts, by hand, the key a sheet was signed with as that juror's (a juror who never
 * enrolled, or changed laptops). Recorded with who and when; every sheet signed with it is checked again.
 */
export async function acceptKey(db: Db, event: Event, sheetId: number, acceptedBy: string, now = new Date()): Promise<void> {
  const row = db.prepare('SELECT juror_id, public_key FROM received_sheet WHERE id = ? AND event_id = ?').get(sheetId, event.id) as
    { juror_id: string | null; public_key: string | null } | undefined;
  if (!row?.juror_id || !row.public_key) throw new Error(`sheet ${sheetId} has no readable juror and key`);
  db.prepare('INSERT OR IGNORE INTO accepted_key (event_id, juror_id, public_key, fingerprint, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(event.id, row.juror_id, row.public_key, fingerprint(row.public_key), acceptedBy, now.toISOString());
  const affected = db.prepare("SELECT id, file_name, bytes FROM received_sheet WHERE event_id = ? AND juror_id = ? AND public_key = ?").all(event.id, row.juror_id, row.public_key) as
    { id: number; file_name: string; bytes: Buffer }[];
  for (const sheet of affected) {
    const verification = await verify(db, event, new Uint8Array(sheet.bytes), sheet.file_name);
    db.prepare('UPDATE received_sheet SET status = ?, payload = ?, details = ? WHERE id = ?')
      .run(verification.status, verification.payload ? JSON.stringify(verification.payload) : null, JSON.stringify(verification.details), sheet.id);
  }
}

export function acceptedKeys(db: Db, eventId: string): { jurorId: string; fingerprint: string; acceptedBy: string; acceptedAt: string }[] {
  return db.prepare('SELECT juror_id AS jurorId, fingerprint, accepted_by AS acceptedBy, accepted_at AS acceptedAt FROM accepted_key WHERE event_id = ? ORDER BY accepted_at')
    .all(eventId) as { jurorId: string; fingerprint: string; acceptedBy: string; acceptedAt: string }[];
}

/** Every sheet received for the event, with how reconciliation uses it, and the marks to merge. */
export function listReceived(db: Db, event: Event): { sheets: ReceivedSheet[]; reconciliation: Reconciliation } {
  const rows = db
    .prepare('SELECT id, file_name, file_hash, status, juror_id, sheet_revision, public_key, payload, details, received_at FROM received_sheet WHERE event_id = ? ORDER BY id')
    .all(event.id) as Row[];
  const reconciliation = reconcile(event, rows.map((r) => ({ file: String(r.id), payload: r.status === 'valid' && r.payload ? SheetPayload.parse(JSON.parse(r.payload)) : null })));
  const sheets = rows.map((r, i): ReceivedSheet => ({
    id: r.id,
    fileName: r.file_name,
    fileHash: r.file_hash,
    status: r.status,
    jurorId: r.juror_id,
    sheetRevision: r.sheet_revision,
    signedWith: r.public_key ? fingerprint(r.public_key) : null,
    details: JSON.parse(r.details) as Bilingual[],
    receivedAt: r.received_at,
    use: reconciliation.files[i].use,
  }));
  return { sheets, reconciliation };
}

/** Checks a sheet with each juror's key: the one accepted by hand for the key it was signed with, else the enrolled one. */
async function verify(db: Db, event: Event, bytes: Uint8Array, fileName: string): Promise<SheetVerification> {
  const revision = findEventRecord(db, event.id)!.revision;
  const keys = new Map(enrolledKeys(db, event.id).map((k) => [k.jurorId, k.publicKey]));
  const first = await verifyScoreSheet(bytes, fileName, { event, latestPackageRevision: revision, jurorKeys: keys });
  if (first.status !== 'unknown-key' || !first.juror || !first.signingKey) return first;
  const accepted = db.prepare('SELECT 1 FROM accepted_key WHERE event_id = ? AND juror_id = ? AND public_key = ?').get(event.id, first.juror, first.signingKey);
  if (!accepted) return first;
  return verifyScoreSheet(bytes, fileName, { event, latestPackageRevision: revision, jurorKeys: new Map([...keys, [first.juror, first.signingKey]]) });
}
