/**
 * The secretariat's inbox of jurors' score sheets. Each file is verified against the event (its revision,
 * and the keys enrolled or accepted for each juror) and stored whole, in one statement, with its
 * verification: an import never leaves half a sheet behind. The same file twice is recognised by its hash.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../api/errors.ts';
import type { ReceivedSheet } from '../../api/contract.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { mergeMessages } from '../../core/messages/merge.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import { findEventRecord } from '../events/event-store.ts';
import { fingerprint } from '../keys/signing.ts';
import { enrolledKeys } from '../packages/enrolment.ts';
import { previousJurorKeys, withPreviousKeys } from '../continuity/juror-keys.ts';
import { workspaceSecretariatKey } from '../paper/paper-verify.ts';
import { verifyScoreSheet, type SheetStatus, type SheetVerification, type VerifyContext } from '../sheets/score-sheet.ts';
import { SheetPayload } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';
import { knownPayloadJson } from '../workers/verify-pool.ts';
import { eventKey, markContentChecked, type FileUse, type Reconciliation } from './reconcile.ts';
import { reconcileVerified, type VerifiedSheet } from './merge-verified.ts';
// Issue 16: while the results are fixed (a penetapan in force), nothing that would change them is stored.
import { refuseWhileFixed } from '../events/fixed-results.ts';
import { guardSheetImport } from '../penetapan/guard.ts';

/** verifyScoreSheet, here or in a worker thread (sheet-verify-pool.ts). */
export type SheetVerifier = (bytes: Uint8Array, fileName: string, context: VerifyContext) => Promise<SheetVerification>;

/** A stored sheet as the contract describes it (signedWith: the fingerprint of the key it was signed with, when readable). */
export type { ReceivedSheet };

interface Row {
  id: number;
  file_name: string;
  file_hash: string;
  status: SheetStatus;
  juror_id: string | null;
  sheet_revision: number | null;
  public_key: string | null;
  details: string;
  received_at: string;
}

const ROW_COLUMNS = 'id, file_name, file_hash, status, juror_id, sheet_revision, public_key, details, received_at';

/**
 * Parsed payloads, per workspace and stored row. A row's payload is fixed by its file (hash) and status:
 * only a valid sheet keeps one, and re-verifying the same bytes (after a key is accepted) gives the same
 * payload again. So an entry stays good while the row's hash and status are those it was read with; a
 * restored backup is another Db object with a cache of its own.
 */
interface CachedRow {
  fileHash: string;
  status: SheetStatus;
  payload: SheetPayload | null;
}
const payloads = new WeakMap<Db, Map<number, CachedRow>>();
/** The last reconciliation per workspace, keyed by the event's content and every row's id, hash and status. */
const reconciliations = new WeakMap<Db, { key: string; reconciliation: Reconciliation }>();

function rowCache(db: Db): Map<number, CachedRow> {
  let cache = payloads.get(db);
  if (!cache) payloads.set(db, (cache = new Map()));
  return cache;
}

/** A stored row's payload (null unless valid), parsed once per workspace: the zod shape check guards payloads stored by older versions. */
function payloadOf(db: Db, row: Pick<Row, 'id' | 'file_hash' | 'status'>): SheetPayload | null {
  if (row.status !== 'valid') return null;
  const cache = rowCache(db);
  const cached = cache.get(row.id);
  if (cached && cached.fileHash === row.file_hash && cached.status === row.status) return cached.payload;
  const stored = db.prepare('SELECT payload FROM received_sheet WHERE id = ?').get(row.id) as { payload: string | null } | undefined;
  const payload = stored?.payload ? SheetPayload.parse(JSON.parse(stored.payload)) : null;
  cache.set(row.id, { fileHash: row.file_hash, status: row.status, payload });
  return payload;
}

/** A stored row as an input of the merge (merge-verified.ts): keyed by its id, with its payload when valid. */
const verifiedRow =
  (db: Db) =>
  (row: Row): VerifiedSheet => ({ key: String(row.id), status: row.status, payload: payloadOf(db, row) });

function receivedSheet(row: Row, use: FileUse): ReceivedSheet {
  return {
    id: row.id,
    fileName: row.file_name,
    fileHash: row.file_hash,
    status: row.status,
    jurorId: row.juror_id,
    sheetRevision: row.sheet_revision,
    signedWith: row.public_key ? fingerprint(row.public_key) : null,
    details: JSON.parse(row.details) as Bilingual[],
    receivedAt: row.received_at,
    use,
  };
}

/**
 * One stored sheet with how reconciliation uses it. How a file is used depends only on the sheets of the
 * same juror (every section it could supply or lose is that juror's), so this reads that juror's rows
 * alone: importing the 15th sheet costs what importing the first did.
 */
function storedSheet(db: Db, event: Event, id: number): ReceivedSheet {
  const row = db.prepare(`SELECT ${ROW_COLUMNS} FROM received_sheet WHERE id = ?`).get(id) as Row;
  const payload = payloadOf(db, row);
  if (!payload) return receivedSheet(row, 'not-used');
  const rows = db
    .prepare(`SELECT ${ROW_COLUMNS} FROM received_sheet WHERE event_id = ? AND juror_id = ? AND status = 'valid' ORDER BY id`)
    .all(event.id, row.juror_id) as Row[];
  const reconciled = reconcileVerified(event, rows.map(verifiedRow(db)));
  return receivedSheet(row, reconciled.files[rows.findIndex((r) => r.id === id)].use);
}

/** The last import asked for, per workspace: each stores after the one before it (see `receiveSheet`). */
const imports = new WeakMap<Db, Promise<unknown>>();

/**
 * Verifies a file and keeps it. Returns the stored sheet, and whether this exact file had come before.
 * Several imports may run at once (the app's import of many files): their verifications go side by side
 * (with a `verifier` such as the worker pool's), and each is stored only after every import asked for
 * before it, so the inbox holds them in the order they were asked for, as one after another would.
 */
export async function receiveSheet(
  db: Db,
  event: Event,
  bytes: Uint8Array,
  fileName: string,
  now = new Date(),
  verifier: SheetVerifier = verifyScoreSheet,
): Promise<{ sheet: ReceivedSheet; again: boolean }> {
  const before = imports.get(db) ?? Promise.resolve();
  const verifying = verifyReceived(db, event, bytes, fileName, verifier);
  verifying.catch(() => undefined); // its failure is reported below, in turn; meanwhile it is not unhandled
  const stored = before.then(async () => storeVerified(db, event, await verifying, now));
  imports.set(
    db,
    stored.catch(() => undefined),
  );
  return stored;
}

/** What verifying a received file found, before it is stored (see `storeVerified`). */
export interface VerifiedFile {
  bytes: Uint8Array;
  fileName: string;
  fileHash: string;
  /** Null when this exact file is already stored: then nothing is verified again. */
  verification: SheetVerification | null;
}

/** Verifies a file against the event and the workspace's keys, unless this exact file is already stored. */
export async function verifyReceived(
  db: Db,
  event: Event,
  bytes: Uint8Array,
  fileName: string,
  verifier: SheetVerifier = verifyScoreSheet,
): Promise<VerifiedFile> {
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const known = db.prepare('SELECT 1 FROM received_sheet WHERE event_id = ? AND file_hash = ?').get(event.id, fileHash);
  return { bytes, fileName, fileHash, verification: known ? null : await verify(db, event, bytes, fileName, verifier) };
}

/**
 * Stores a verified file in one statement (whole or not at all) and returns its row; a file already
 * stored (by hash, also one stored since it was verified) is not stored twice.
 */
export async function storeVerified(
  db: Db,
  event: Event,
  file: VerifiedFile,
  now = new Date(),
): Promise<{ sheet: ReceivedSheet; again: boolean }> {
  const known = db.prepare('SELECT id FROM received_sheet WHERE event_id = ? AND file_hash = ?').get(event.id, file.fileHash) as
    { id: number } | undefined;
  if (known) return { sheet: storedSheet(db, event, known.id), again: true };
  // Stored when it was verified, and gone since: verified now after all.
  const verification = file.verification ?? (await verify(db, event, file.bytes, file.fileName));
  // A malformed file can never verify, even after a key is accepted: only its hash and the reason are kept,
  // so a folder of junk (or a zip bomb) does not swell the workspace and every backup of it.
  guardSheetImport(db, event, file.fileName, verification.status, verification.payload ?? null); // issue 16: refused while fixed, if it would change the results
  const kept = verification.status === 'malformed' ? Buffer.alloc(0) : Buffer.from(file.bytes);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO received_sheet (event_id, file_name, file_hash, status, juror_id, sheet_revision, public_key, payload, details, received_at, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      event.id,
      file.fileName,
      file.fileHash,
      verification.status,
      verification.juror,
      verification.revision,
      verification.signingKey,
      verification.payload ? (knownPayloadJson(verification.payload) ?? JSON.stringify(verification.payload)) : null,
      JSON.stringify(verification.details),
      now.toISOString(),
      kept,
    );
  const id = Number(lastInsertRowid);
  // The payload verification parsed is the one stored: kept, with its content check against this event.
  if (verification.status === 'valid' && verification.payload) {
    rowCache(db).set(id, { fileHash: file.fileHash, status: 'valid', payload: verification.payload });
    markContentChecked(event, verification.payload);
  }
  return { sheet: storedSheet(db, event, id), again: false };
}

/**
 * The secretariat accepts, by hand, the key a sheet was signed with as that juror's (a juror who never
 * enrolled, or changed laptops). Recorded with who and when; every sheet signed with it is checked again.
 */
export async function acceptKey(db: Db, event: Event, sheetId: number, acceptedBy: string, now = new Date()): Promise<void> {
  refuseWhileFixed(db, event.id, mergeMessages.acceptingKey()); // issue 16: it would let more sheets count
  const row = db.prepare('SELECT juror_id, public_key FROM received_sheet WHERE id = ? AND event_id = ?').get(sheetId, event.id) as
    { juror_id: string | null; public_key: string | null } | undefined;
  if (!row?.juror_id || !row.public_key) {
    throw new AppError('not-found', mergeMessages.sheetNamesNoKey({ sheetId }));
  }
  // One key, one juror: a key already enrolled or accepted for another juror (or the secretariat's own) would
  // give one person two votes.
  const signer = fingerprint(row.public_key);
  const otherJuror = [
    ...enrolledKeys(db, event.id).map((k) => ({ jurorId: k.jurorId, publicKey: k.publicKey })),
    ...(db.prepare('SELECT juror_id AS jurorId, public_key AS publicKey FROM accepted_key WHERE event_id = ?').all(event.id) as {
      jurorId: string;
      publicKey: string;
    }[]),
  ].find((k) => k.publicKey === row.public_key && k.jurorId !== row.juror_id);
  if (otherJuror) {
    throw new AppError('conflict', mergeMessages.keyOfAnotherJuror({ signer, otherJuror: otherJuror.jurorId, jurorId: row.juror_id }));
  }
  if (row.public_key === workspaceSecretariatKey(db)) {
    throw new AppError('conflict', mergeMessages.keyIsSecretariats({ signer, jurorId: row.juror_id }));
  }
  db.prepare(
    'INSERT OR IGNORE INTO accepted_key (event_id, juror_id, public_key, fingerprint, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(event.id, row.juror_id, row.public_key, fingerprint(row.public_key), acceptedBy, now.toISOString());
  await recheckSheets(db, event, [row.juror_id]);
}

/**
 * Verifies again every kept sheet (of these jurors, or all): what a sheet's status depends on changes with
 * the keys (an enrolment imported, confirmed or removed, a key accepted) and the event's revision. A sheet
 * that came before its juror enrolled is 'unknown-key' until then, and valid after, without importing it
 * again. Malformed files keep no bytes and stay as they were. Returns how many changed status.
 */
export async function recheckSheets(db: Db, event: Event, jurorIds?: readonly string[]): Promise<number> {
  const rows = db
    .prepare(
      "SELECT id, file_name, juror_id, status, bytes FROM received_sheet WHERE event_id = ? AND status != 'malformed' AND length(bytes) > 0",
    )
    .all(event.id) as { id: number; file_name: string; juror_id: string | null; status: SheetStatus; bytes: Buffer }[];
  let changed = 0;
  for (const sheet of rows) {
    if (jurorIds && (!sheet.juror_id || !jurorIds.includes(sheet.juror_id))) continue;
    const verification = await verify(db, event, new Uint8Array(sheet.bytes), sheet.file_name);
    if (verification.status !== sheet.status) changed++;
    db.prepare('UPDATE received_sheet SET status = ?, payload = ?, details = ? WHERE id = ?').run(
      verification.status,
      verification.payload ? JSON.stringify(verification.payload) : null,
      JSON.stringify(verification.details),
      sheet.id,
    );
  }
  return changed;
}

export function acceptedKeys(db: Db, eventId: string): { jurorId: string; fingerprint: string; acceptedBy: string; acceptedAt: string }[] {
  return db
    .prepare(
      'SELECT juror_id AS jurorId, fingerprint, accepted_by AS acceptedBy, accepted_at AS acceptedAt FROM accepted_key WHERE event_id = ? ORDER BY accepted_at',
    )
    .all(eventId) as { jurorId: string; fingerprint: string; acceptedBy: string; acceptedAt: string }[];
}

/**
 * Every sheet received for the event, with how reconciliation uses it, and the marks to merge. The
 * reconciliation is kept until a row or the event changes: reading the list again costs one small query.
 */
export function listReceived(db: Db, event: Event): { sheets: ReceivedSheet[]; reconciliation: Reconciliation } {
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM received_sheet WHERE event_id = ? ORDER BY id`).all(event.id) as Row[];
  const key = compositeKey(event.id, eventKey(event), rows.map((r) => `${r.id}:${r.file_hash}:${r.status}`).join(','));
  let memo = reconciliations.get(db);
  if (memo?.key !== key) {
    memo = {
      key,
      reconciliation: reconcileVerified(event, rows.map(verifiedRow(db))),
    };
    reconciliations.set(db, memo);
  }
  const { reconciliation } = memo;
  return { sheets: rows.map((r, i) => receivedSheet(r, reconciliation.files[i].use)), reconciliation };
}

/** Checks a sheet with each juror's key: the one accepted by hand for the key it was signed with, else the enrolled one. */
async function verify(
  db: Db,
  event: Event,
  bytes: Uint8Array,
  fileName: string,
  verifier: SheetVerifier = verifyScoreSheet,
): Promise<SheetVerification> {
  // Issue 21 (continuity/juror-keys.ts): a sheet signed by an earlier key of its juror, bound by a recorded key change, is that juror's.
  verifier = withPreviousKeys(verifier, previousJurorKeys(db, event.id));
  const revision = findEventRecord(db, event.id)!.revision;
  const keys = new Map(enrolledKeys(db, event.id).map((k) => [k.jurorId, k.publicKey]));
  // The workspace's own key: the only one a paper sheet (provenance 'kertas') may be signed with.
  const secretariatKey = workspaceSecretariatKey(db);
  const first = await verifier(bytes, fileName, { event, latestPackageRevision: revision, jurorKeys: keys, secretariatKey });
  if (first.status !== 'unknown-key' || !first.juror || !first.signingKey) return first;
  const accepted = db
    .prepare('SELECT 1 FROM accepted_key WHERE event_id = ? AND juror_id = ? AND public_key = ?')
    .get(event.id, first.juror, first.signingKey);
  if (!accepted) return first;
  return verifier(bytes, fileName, {
    event,
    latestPackageRevision: revision,
    jurorKeys: new Map([...keys, [first.juror, first.signingKey]]),
    secretariatKey,
  });
}

/**
 * Issue 17: each valid sheet with the dossier hash it records (the package revision's figures and documents
 * the juror saw), for the report's verification appendix; sheets without one are as they were.
 */
export function withDossierHashes<S extends { id: number }>(
  db: Db,
  eventId: string,
  sheets: readonly S[],
): (S & { dossierHash?: string })[] {
  const rows = db
    .prepare(
      "SELECT id, json_extract(payload, '$.dossierHash') AS dossier FROM received_sheet WHERE event_id = ? AND status = 'valid' AND payload IS NOT NULL",
    )
    .all(eventId) as { id: number; dossier: string | null }[];
  const dossiers = new Map(rows.flatMap((r) => (typeof r.dossier === 'string' ? [[r.id, r.dossier] as const] : [])));
  return sheets.map((s) => (dossiers.has(s.id) ? { ...s, dossierHash: dossiers.get(s.id)! } : s));
}

/**
 * The secretariat removes a file that was never used (malformed, refused, a wrong upload) from the inbox. It
 * is kept in removed_sheet with the reason, who and when; a file whose marks count (or could, once a key is
 * accepted) stays. Returns nothing; refused with a bilingual message naming the file otherwise.
 */
export function removeSheet(db: Db, event: Event, sheetId: number, reason: string, removedBy: string, now = new Date()): void {
  const { sheets } = listReceived(db, event);
  const sheet = sheets.find((s) => s.id === sheetId);
  if (!sheet) throw new AppError('not-found', mergeMessages.sheetNotInInbox({ sheetId }));
  if (sheet.status === 'valid' || sheet.status === 'unknown-key' || sheet.use !== 'not-used') {
    throw new AppError('conflict', mergeMessages.sheetNotRemovable({ fileName: sheet.fileName, status: sheet.status }));
  }
  db.transaction(() => {
    db.prepare(
      `INSERT INTO removed_sheet (event_id, file_name, file_hash, status, juror_id, details, received_at, reason, removed_by, removed_at)
       SELECT event_id, file_name, file_hash, status, juror_id, details, received_at, ?, ?, ? FROM received_sheet WHERE id = ?`,
    ).run(reason, removedBy, now.toISOString(), sheetId);
    db.prepare('DELETE FROM received_sheet WHERE id = ?').run(sheetId);
  })();
}

/** Files removed from the inbox, oldest first: the audit trail of what came and was set aside by hand. */
export function removedSheets(
  db: Db,
  eventId: string,
): { fileName: string; fileHash: string; status: string; reason: string; removedBy: string; removedAt: string }[] {
  return db
    .prepare(
      'SELECT file_name AS fileName, file_hash AS fileHash, status, reason, removed_by AS removedBy, removed_at AS removedAt FROM removed_sheet WHERE event_id = ? ORDER BY seq',
    )
    .all(eventId) as { fileName: string; fileHash: string; status: string; reason: string; removedBy: string; removedAt: string }[];
}
