/**
 * The event package (.timbang): the secretariat's signed file that puts an event on every juror's laptop.
 * It carries the event, a revision that only increases, the enrolled jurors' public keys, and the
 * secretariat's public key; a juror's workspace pins that key on first import and afterwards accepts
 * only newer revisions signed by it, keeping every score already given.
 */
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { packageMessages, signedFileKinds, signedFileMessages } from '../../core/messages/package.ts';
import { Id, type Bilingual, type Event } from '../../core/model.ts';
import { issueLines, validateEvent } from '../../core/validate-event.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, fingerprint, publicKeyText, sameFingerprint } from '../keys/signing.ts';
import { findEventRecord, listEvents, saveEvent } from '../events/event-store.ts';
import type { Db } from '../workspace/workspace.ts';
import { readSignedFile, writeSignedFile } from './signed-file.ts';
import { documentKey, documentMime, documentType, PackedDocument, sha256Hex, verifyDocuments } from './package-documents.ts';
import {
  JurorKeyChangePayload,
  KeyRef,
  readJurorKeyChange,
  readRollover,
  signStatement,
  SignedStatement,
  type VerifiedJurorKeyChange,
  type VerifiedRollover,
} from './key-statements.ts';

export const PACKAGE_EXTENSION = '.timbang';

export const JurorKey = z.strictObject({
  jurorId: Id,
  /** The juror's name as typed on their laptop at enrolment. */
  name: z.string(),
  publicKey: z.string().min(1),
  fingerprint: z.string().min(1),
});
export type JurorKey = z.infer<typeof JurorKey>;

const PackagePayload = z.strictObject({
  format: z.literal('timbang.package'),
  formatVersion: z.literal(1),
  revision: z.number().int().min(1),
  issuedAt: z.iso.datetime(),
  /** Checked by validateEvent after the signature, for messages that name the place. */
  event: z.unknown(),
  jurorKeys: z.array(JurorKey),
  secretariat: z.strictObject({ publicKey: z.string().min(1), fingerprint: z.string().min(1) }),
  // Continuity (issue 21; key-statements.ts). Optional: a package without them is exactly as before.
  /** The secretariat's recovery key: it may sign a rollover to a new secretariat key should this one be lost. */
  recoveryKey: KeyRef.optional(),
  /** Jurors' laptop keys replaced by re-enrolment, each statement signed by this package's secretariat key. */
  jurorKeyChanges: z.array(SignedStatement).optional(),
  /** The statement that made this package's signer the secretariat key (signed by the previous key or the recovery key). */
  rollover: SignedStatement.optional(),
});
type PackagePayload = z.infer<typeof PackagePayload>;

export interface VerifiedPackage {
  event: Event;
  revision: number;
  issuedAt: string;
  jurorKeys: JurorKey[];
  secretariat: { publicKey: string; fingerprint: string };
  /** The secretariat's recovery key the package names (null: none). */
  recoveryKey: KeyRef | null;
  /** Jurors' key changes, verified, in the order the secretariat made them. */
  jurorKeyChanges: VerifiedJurorKeyChange[];
  /** How the package's signer became the secretariat key, when it replaced another (null: no rollover). */
  rollover: VerifiedRollover | null;
  /** The file as received, kept so the workspace can show and re-verify what it imported. */
  text: string;
  /** The name of the file it came from, for messages about it. */
  fileName: string;
  /** Issue 17: the nominees' documents, each checked against its pinned SHA-256, by documentKey (nominee/file). */
  documents: Map<string, Uint8Array>;
}

const KIND = { ...signedFileKinds.eventPackage(), format: 'timbang.package' };

/**
 * What a package carries about keys besides the jurors' (continuity/, issue 21). Juror key changes are signed
 * here, with the key that signs the package, so a secretariat that rolled over to a new key re-signs them.
 */
export interface PackageContinuity {
  recoveryKey?: KeyRef | null;
  jurorKeyChanges?: readonly Omit<JurorKeyChangePayload, 'secretariat'>[];
  rollover?: SignedStatement | null;
}

/**
 * `documents` (issue 17): the bytes of the event's documents, from bundleDocuments, whose hashes the event
 * (inside the signed payload) already pins; they ride beside the payload, and a package without any is as before.
 */
export function writePackage(
  event: Event,
  revision: number,
  issuedAt: string,
  jurorKeys: JurorKey[],
  key: UnlockedKey,
  continuity: PackageContinuity = {},
  documents: readonly PackedDocument[] = [],
): string {
  const secretariat = { publicKey: key.publicKey, fingerprint: key.fingerprint };
  const payload: PackagePayload = {
    format: 'timbang.package',
    formatVersion: 1,
    revision,
    issuedAt,
    event,
    jurorKeys,
    secretariat,
  };
  // Only when there is something to say: a package without continuity is byte for byte what it was.
  if (continuity.recoveryKey) payload.recoveryKey = continuity.recoveryKey;
  if (continuity.jurorKeyChanges?.length)
    payload.jurorKeyChanges = continuity.jurorKeyChanges.map((change) => signStatement({ ...change, secretariat }, key));
  if (continuity.rollover) payload.rollover = continuity.rollover;
  return writeSignedFile(payload, key, documents.length > 0 ? { documents } : {});
}

export function readPackage(bytes: Uint8Array, fileName: string): VerifiedPackage {
  const payload = readSignedFile(bytes, fileName, KIND, PackagePayload, (p) => p.secretariat.publicKey, {
    documents: z.array(PackedDocument).optional(),
  });
  const refuse = (problem: Bilingual, details?: unknown) =>
    new AppError('invalid-file', signedFileMessages.inFile({ kind: KIND, fileName, problem }), details);
  if (fingerprint(payload.secretariat.publicKey) !== payload.secretariat.fingerprint) {
    throw refuse(packageMessages.secretariatFingerprintMismatch());
  }
  const result = validateEvent(payload.event);
  if (!result.ok) {
    const lines = issueLines(result.issues);
    throw refuse(packageMessages.eventInvalid({ lines }), result.issues);
  }
  const jurorIds = new Set(result.event.jurors.map((j) => j.id));
  const keyed = new Set<string>();
  for (const juror of payload.jurorKeys) {
    // One key per juror: with two, which one a sheet is checked against would depend on their order.
    if (keyed.has(juror.jurorId)) throw refuse(packageMessages.twoJurorKeys({ jurorId: juror.jurorId }));
    keyed.add(juror.jurorId);
    if (!jurorIds.has(juror.jurorId)) throw refuse(packageMessages.keyForUnknownJuror({ jurorId: juror.jurorId }));
    if (fingerprint(juror.publicKey) !== juror.fingerprint)
      throw refuse(packageMessages.jurorFingerprintMismatch({ jurorId: juror.jurorId }));
  }
  if (payload.recoveryKey && fingerprint(payload.recoveryKey.publicKey) !== payload.recoveryKey.fingerprint) {
    throw refuse(packageMessages.recoveryFingerprintMismatch());
  }
  const jurorKeyChanges = (payload.jurorKeyChanges ?? []).map((s) =>
    readJurorKeyChange(s, result.event.id, payload.secretariat.publicKey, fileName),
  );
  for (const change of jurorKeyChanges) {
    if (!jurorIds.has(change.jurorId)) throw refuse(packageMessages.keyChangeForUnknownJuror({ jurorId: change.jurorId }));
  }
  // Issue 17: every document's bytes against the SHA-256 the signed event pins; one wrong byte refuses the package.
  const packed = (JSON.parse(new TextDecoder().decode(bytes)) as { documents?: PackedDocument[] }).documents ?? [];
  const documents = verifyDocuments(result.event, packed, refuse);
  return {
    event: result.event,
    documents,
    revision: payload.revision,
    issuedAt: payload.issuedAt,
    jurorKeys: payload.jurorKeys,
    secretariat: payload.secretariat,
    recoveryKey: payload.recoveryKey ?? null,
    jurorKeyChanges,
    rollover: payload.rollover ? readRollover(payload.rollover, result.event.id, payload.secretariat.publicKey, fileName) : null,
    text: new TextDecoder().decode(bytes),
    fileName,
  };
}

/**
 * Refuses a package that was not signed by the secretariat key the reader pinned: a fingerprint typed from
 * what the secretariat read out, or the key of the secretariat's own workspace (`pinnedFrom` says which).
 * A package carries its signer's public key, so its signature alone proves only that it is whole, not who
 * issued it: a re-signed package (other juror keys, other weights) verifies just as well.
 */
export function requireSecretariat(pkg: VerifiedPackage, pinned: string, pinnedFrom: Bilingual): void {
  if (sameFingerprint(pinned, pkg.secretariat.fingerprint)) return;
  throw new AppError(
    'forbidden',
    packageMessages.otherSecretariat({ fileName: pkg.fileName, fingerprint: pkg.secretariat.fingerprint, pinned, pinnedFrom }),
  );
}

/**
 * An event as a juror's laptop receives it, signed by a throwaway key made for the occasion and forgotten
 * at once (no later revision can follow it): how a juror tries the demo without a secretariat.
 */
export function demoPackage(demo: Event): VerifiedPackage {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  const file = writePackage(demo, 1, `${demo.yearHeld}-01-01T00:00:00.000Z`, [], {
    privateKey,
    publicKey: text,
    fingerprint: fingerprint(text),
  });
  return readPackage(new TextEncoder().encode(file), `${demo.id}-demo${PACKAGE_EXTENSION}`);
}

/** The juror keys in a package already verified on import (as kept in the workspace). */
export function packageJurorKeys(packageText: string): JurorKey[] {
  return z.array(JurorKey).parse((JSON.parse(packageText) as { payload: { jurorKeys: unknown } }).payload.jurorKeys);
}

/** What a package already verified on import says about keys (continuity): its recovery key and the jurors' key changes. */
export function packageKeyFacts(packageText: string): { recoveryKey: KeyRef | null; jurorKeyChanges: JurorKeyChangePayload[] } {
  if (!packageText) return { recoveryKey: null, jurorKeyChanges: [] };
  const payload = (JSON.parse(packageText) as { payload: { recoveryKey?: unknown; jurorKeyChanges?: { payload: unknown }[] } }).payload;
  return {
    recoveryKey: payload.recoveryKey ? KeyRef.parse(payload.recoveryKey) : null,
    jurorKeyChanges: (payload.jurorKeyChanges ?? []).map((s) => JurorKeyChangePayload.parse(s.payload)),
  };
}

export type PackageOutcome = 'new' | 'updated' | 'unchanged';

/** A secretariat key rollover a juror's laptop accepted with a package: the key it pinned before and the one it pins now. */
export interface AcceptedRollover {
  previousFingerprint: string;
  nextFingerprint: string;
  signedBy: 'previous' | 'recovery';
}

/**
 * Puts a verified package into a juror's workspace, or refuses it with a message that says why:
 * another event, another secretariat key, an older revision, the same revision with other contents,
 * or a revision that would drop nominees, criteria or jurors that already have scores.
 */
export function applyPackage(
  db: Db,
  pkg: VerifiedPackage,
  now = new Date(),
): { outcome: PackageOutcome; previousRevision: number | null; rollover?: AcceptedRollover } {
  const eventId = pkg.event.id;
  const other = listEvents(db).find((e) => e.id !== eventId && e.source === 'package');
  if (other) {
    throw new AppError(
      'conflict',
      packageMessages.laptopHasOtherEvent({
        otherName: other.name,
        otherId: other.id,
        fileName: pkg.fileName,
        name: pkg.event.name,
        eventId,
      }),
    );
  }
  const current = findEventRecord(db, eventId);
  if (current?.origin.source === 'authored') {
    throw new AppError('conflict', packageMessages.authoredHere({ name: pkg.event.name, fileName: pkg.fileName }));
  }
  let rollover: AcceptedRollover | null = null;
  if (current?.origin.source === 'package') {
    if (current.origin.secretariatKey !== pkg.secretariat.publicKey) {
      // Another key signed it: accepted only with a rollover signed by the pinned key or its recovery key (once).
      rollover = acceptableRollover(pkg, current.origin.secretariatKey, packageKeyFacts(current.origin.packageText).recoveryKey);
    }
    if (pkg.revision < current.revision) {
      throw new AppError(
        'conflict',
        packageMessages.olderRevision({ fileName: pkg.fileName, revision: pkg.revision, current: current.revision }),
      );
    }
    if (pkg.revision === current.revision) {
      if (samePackage(current.origin.packageText, pkg.text)) return { outcome: 'unchanged', previousRevision: current.revision };
      throw new AppError(
        'conflict',
        packageMessages.sameRevisionOtherContents({ fileName: pkg.fileName, revision: pkg.revision, current: current.revision }),
      );
    }
  }
  if (current?.jurorId && !pkg.event.jurors.some((j) => j.id === current.jurorId)) {
    throw new AppError(
      'conflict',
      packageMessages.dropsThisJuror({ fileName: pkg.fileName, revision: pkg.revision, jurorId: current.jurorId }),
    );
  }
  refuseDroppingScored(db, pkg.event);
  db.transaction(() => {
    saveEvent(
      db,
      pkg.event,
      {
        revision: pkg.revision,
        revisedAt: pkg.issuedAt,
        origin: { source: 'package', packageText: pkg.text, secretariatKey: pkg.secretariat.publicKey },
      },
      now,
    );
    // Issue 17: the documents of this revision, their bytes already checked against the signed hashes.
    db.prepare('DELETE FROM package_document WHERE event_id = ?').run(eventId);
    const insertDocument = db.prepare(
      'INSERT INTO package_document (event_id, nominee_id, file_name, kind, sha256, size, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const doc of pkg.event.documents ?? []) {
      insertDocument.run(eventId, doc.nomineeId, doc.fileName, doc.kind, doc.sha256!, doc.size!, pkg.documents.get(documentKey(doc))!);
    }
    // The rollover is kept on record: which key was replaced by which, signed by whom, and when it was accepted here.
    if (rollover && pkg.rollover) {
      db.prepare(
        'INSERT INTO secretariat_rollover (event_id, previous_key, next_key, signed_by, signer_key, reason, statement, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        eventId,
        pkg.rollover.previous.publicKey,
        pkg.rollover.next.publicKey,
        pkg.rollover.signedBy,
        pkg.rollover.signer.publicKey,
        pkg.rollover.reason,
        JSON.stringify({ payload: withoutSignature(pkg.rollover), signature: pkg.rollover.signature }),
        now.toISOString(),
      );
    }
  })();
  // `rollover` only when one was accepted: the laptop now pins the new secretariat key.
  return { outcome: current ? 'updated' : 'new', previousRevision: current?.revision ?? null, ...(rollover && { rollover }) };
}

const withoutSignature = <T extends { signature: string }>({ signature: _signature, ...rest }: T) => rest;

/**
 * A package signed by a key other than the pinned one: acceptable only when it carries a rollover whose
 * previous key is the pinned one and which the pinned key, or the recovery key the pinned package named,
 * signed. Anything else is refused, and nothing changes: a missing statement, one that replaces another
 * key, or one signed by anyone else (a forgery).
 */
function acceptableRollover(pkg: VerifiedPackage, pinned: string, pinnedRecovery: KeyRef | null): AcceptedRollover {
  const pinnedFp = fingerprint(pinned);
  const statement = pkg.rollover;
  if (!statement) {
    throw new AppError(
      'conflict',
      packageMessages.rolloverMissing({ fileName: pkg.fileName, fingerprint: pkg.secretariat.fingerprint, pinned: pinnedFp }),
      { rollover: 'missing' },
    );
  }
  if (statement.previous.publicKey !== pinned) {
    throw new AppError(
      'conflict',
      packageMessages.rolloverOtherKey({ fileName: pkg.fileName, replaced: statement.previous.fingerprint, pinned: pinnedFp }),
      { rollover: 'other-key' },
    );
  }
  const trusted =
    statement.signedBy === 'previous' ? statement.signer.publicKey === pinned : statement.signer.publicKey === pinnedRecovery?.publicKey;
  if (!trusted) {
    const recovery = pinnedRecovery
      ? packageMessages.pinnedRecoveryKey({ fingerprint: pinnedRecovery.fingerprint })
      : packageMessages.noPinnedRecoveryKey();
    throw new AppError(
      'forbidden',
      packageMessages.rolloverForged({ fileName: pkg.fileName, signer: statement.signer.fingerprint, pinned: pinnedFp, recovery }),
      { rollover: 'forged' },
    );
  }
  return { previousFingerprint: pinnedFp, nextFingerprint: pkg.secretariat.fingerprint, signedBy: statement.signedBy };
}

/** Two package files are the same revision if their signed payloads are equal as canonical JSON. */
function samePackage(a: string, b: string): boolean {
  const payload = (text: string) => canonicalJson((JSON.parse(text) as { payload: unknown }).payload);
  return payload(a) === payload(b);
}

function refuseDroppingScored(db: Db, event: Event): void {
  const scored = (column: string) =>
    (db.prepare(`SELECT DISTINCT ${column} AS id FROM score WHERE event_id = ?`).all(event.id) as { id: string }[]).map((r) => r.id);
  const missing = [
    ...scored('nominee_id')
      .filter((id) => !event.nominees.some((n) => n.id === id))
      .map((id) => packageMessages.scoredNominee({ id })),
    ...scored('criterion_code')
      .filter((code) => !event.criteria.some((c) => c.code === code))
      .map((code) => packageMessages.scoredCriterion({ code })),
    ...scored('juror_id')
      .filter((id) => !event.jurors.some((j) => j.id === id))
      .map((id) => packageMessages.scoredJuror({ id })),
  ];
  if (missing.length > 0) {
    throw new AppError('conflict', packageMessages.dropsScored({ missing }));
  }
}

/**
 * Issue 17: one document of the event, as the package that brought it pinned it, for viewing offline. Its
 * bytes are checked against the pinned SHA-256 once more on the way out; the type comes from its first bytes.
 */
export function packageDocument(
  db: Db,
  eventId: string,
  nomineeId: string,
  fileName: string,
): { fileName: string; kind: string; mime: string; sha256: string; bytes: Uint8Array } {
  const row = db
    .prepare('SELECT kind, sha256, bytes FROM package_document WHERE event_id = ? AND nominee_id = ? AND file_name = ?')
    .get(eventId, nomineeId, fileName) as { kind: string; sha256: string; bytes: Buffer } | undefined;
  if (!row) {
    throw new AppError('not-found', packageMessages.documentNotInPackage({ fileName, nomineeId }));
  }
  const type = documentType(row.bytes);
  if (sha256Hex(row.bytes) !== row.sha256 || type === null) {
    throw new AppError('conflict', packageMessages.documentDamaged({ fileName, nomineeId }));
  }
  return { fileName, kind: row.kind, mime: documentMime(type), sha256: row.sha256, bytes: new Uint8Array(row.bytes) };
}
