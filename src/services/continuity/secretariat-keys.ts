/**
 * The secretariat's key can be replaced without new workspaces for everyone (issue 21, item 3).
 *
 * - **Recovery key.** Beside the secretariat's key, a second Ed25519 key pair whose private half is handed out
 *   once, as a code printed on paper for the Ketua (or a file kept offline), and never stored: only its public
 *   half stays in the workspace, and every package names it. Making a new one voids the old at the next package.
 * - **Rollover.** A new workspace (the old laptop lost, or its key unusable) takes over the event from the last
 *   package the old key signed: with the recovery code (or the old key itself, if it still opens), it signs a
 *   statement naming the new key, and every package it issues carries that statement. A juror's laptop that
 *   pinned the old key accepts such a package once and pins the new key (event-package.ts applyPackage); a
 *   statement signed by anyone else is refused as forged, and without one nothing changes.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AppError } from '../../api/errors.ts';
import { findEventRecord, saveEvent } from '../events/event-store.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { fingerprint, publicKeyText } from '../keys/signing.ts';
import type { PackageContinuity, VerifiedPackage } from '../packages/event-package.ts';
import { signStatement, type KeyRef, type SecretariatRolloverPayload, type SignedStatement } from '../packages/key-statements.ts';
import type { Db } from '../workspace/workspace.ts';
import { keyChangeStatements } from './juror-keys.ts';
import { continuityMessages } from '../../core/messages/continuity.ts';

// ---------------------------------------------------------------------------------------------------------
// The recovery code: the 32-byte Ed25519 private key (seed) and a 16-bit check, in Crockford's base32
// (digits and capitals without I, L, O, U: nothing to confuse when copied by hand), 11 groups of 5.
// ---------------------------------------------------------------------------------------------------------

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed (RFC 8410). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const CODE_CHARS = 55; // (32 + 2) bytes = 272 bits, in 5-bit characters

const check = (seed: Buffer) => createHash('sha256').update('timbang-recovery-code').update(seed).digest().subarray(0, 2);

export function recoveryCode(seed: Buffer): string {
  const data = Buffer.concat([seed, check(seed)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,5}/g)!.join('-');
}

/** The seed a code holds: spaces, dashes and case do not matter, O reads as 0 and I or L as 1. */
export function parseRecoveryCode(typed: string): Buffer {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
  const wrong = () => new AppError('invalid-input', continuityMessages.invalidRecoveryCode({ characters: CODE_CHARS }));
  if (text.length !== CODE_CHARS || [...text].some((c) => !ALPHABET.includes(c))) throw wrong();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const c of text) {
    value = (value << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  const data = Buffer.from(bytes.slice(0, 34));
  const seed = data.subarray(0, 32);
  if (!check(seed).equals(data.subarray(32, 34))) throw wrong();
  return Buffer.from(seed);
}

/** The key pair a recovery code holds. */
export function recoveryKeyFromCode(code: string): UnlockedKey {
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, parseRecoveryCode(code)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = publicKeyText(createPublicKey(privateKey));
  return { privateKey, publicKey, fingerprint: fingerprint(publicKey) };
}

/** A recovery code found in text (the file written at creation, or a line typed). */
export function findRecoveryCode(text: string): string | null {
  return /([0-9A-Za-z]{5}(?:[-\s][0-9A-Za-z]{5}){10})/.exec(text)?.[1] ?? null;
}

export interface RecoveryKeyInfo {
  publicKey: string;
  fingerprint: string;
  createdAt: string;
}

export function currentRecoveryKey(db: Db): RecoveryKeyInfo | null {
  return (
    (db
      .prepare(
        'SELECT public_key AS publicKey, fingerprint, created_at AS createdAt FROM secretariat_recovery_key ORDER BY seq DESC LIMIT 1',
      )
      .get() as RecoveryKeyInfo | undefined) ?? null
  );
}

/**
 * Makes the secretariat's recovery key pair: the public half is kept (and named by the next package), the
 * private half is returned once, as a code, and never stored. A new one replaces the previous one.
 */
export function createRecoveryKey(db: Db, now = new Date()): RecoveryKeyInfo & { code: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const text = publicKeyText(publicKey);
  const info = { publicKey: text, fingerprint: fingerprint(text), createdAt: now.toISOString() };
  db.prepare('INSERT INTO secretariat_recovery_key (public_key, fingerprint, created_at) VALUES (?, ?, ?)').run(
    info.publicKey,
    info.fingerprint,
    info.createdAt,
  );
  return { ...info, code: recoveryCode(seed) };
}

/** The text of the recovery file (and what the printed page says): the code, whose it is, and what to do with it. */
export function recoveryFileText(info: RecoveryKeyInfo & { code: string }, eventName: string | null): string {
  return [
    'TIMBANG — KODE PEMULIHAN KUNCI SEKRETARIAT / SECRETARIAT RECOVERY CODE',
    '',
    ...(eventName ? [`Acara / Event: ${eventName}`] : []),
    `Sidik jari kunci pemulihan / Recovery key fingerprint: ${info.fingerprint}`,
    `Dibuat / Made: ${info.createdAt}`,
    '',
    `KODE / CODE: ${info.code}`,
    '',
    'Simpan di luar laptop sekretariat (Ketua, amplop tertutup). Kode ini hanya dipakai bila kunci sekretariat hilang:',
    'ia menandatangani pergantian ke kunci baru yang diterima laptop juri. Siapa pun yang memegangnya dapat melakukannya.',
    'Keep it away from the secretariat laptop (the Ketua, a sealed envelope). It is used only if the secretariat key is lost:',
    "it signs the rollover to a new key that jurors' laptops accept. Whoever holds it can do so.",
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Rollover
// ---------------------------------------------------------------------------------------------------------

export type RolloverSigner = { kind: 'recovery'; code: string } | { kind: 'previous'; key: UnlockedKey };

export interface Rollover {
  eventId: string;
  /** The revision the event has now here; the next package has it. */
  revision: number;
  previousFingerprint: string;
  nextFingerprint: string;
  signedBy: 'previous' | 'recovery';
}

/**
 * This workspace takes over the event of `pkg` (the last package the previous secretariat key signed) with its
 * own key `key`: the event, its enrolled keys and jurors' key changes come from the package, a statement
 * naming the new key is signed by the previous key or the recovery key the package names, and the event's
 * revision rises above the package's (laptops take only a newer revision).
 */
export function takeOverEvent(
  db: Db,
  key: UnlockedKey,
  pkg: VerifiedPackage,
  signer: RolloverSigner,
  reason: string,
  now = new Date(),
): Rollover {
  const text = reason.trim();
  if (text.length < 3) throw new AppError('invalid-input', continuityMessages.rolloverReason());
  if (key.publicKey === pkg.secretariat.publicKey) {
    throw new AppError('conflict', continuityMessages.alreadySignedByThisKey({ fileName: pkg.fileName, fingerprint: key.fingerprint }));
  }
  if (findEventRecord(db, pkg.event.id)) {
    throw new AppError('conflict', continuityMessages.workspaceNotEmpty({ eventName: pkg.event.name }));
  }
  let signing: UnlockedKey;
  if (signer.kind === 'recovery') {
    signing = recoveryKeyFromCode(signer.code);
    if (!pkg.recoveryKey) {
      throw new AppError('forbidden', continuityMessages.noRecoveryKeyNamed({ fileName: pkg.fileName }));
    }
    if (signing.publicKey !== pkg.recoveryKey.publicKey) {
      throw new AppError(
        'forbidden',
        continuityMessages.otherRecoveryKey({
          fingerprint: signing.fingerprint,
          fileName: pkg.fileName,
          namedFingerprint: pkg.recoveryKey.fingerprint,
        }),
      );
    }
  } else {
    signing = signer.key;
    if (signing.publicKey !== pkg.secretariat.publicKey) {
      throw new AppError(
        'forbidden',
        continuityMessages.otherOldKey({
          fingerprint: signing.fingerprint,
          fileName: pkg.fileName,
          signerFingerprint: pkg.secretariat.fingerprint,
        }),
      );
    }
  }
  const next: KeyRef = { publicKey: key.publicKey, fingerprint: key.fingerprint };
  const signerRef: KeyRef = { publicKey: signing.publicKey, fingerprint: signing.fingerprint };
  const statement: SecretariatRolloverPayload = {
    format: 'timbang.secretariat-rollover',
    formatVersion: 1,
    eventId: pkg.event.id,
    previous: pkg.secretariat,
    next,
    signedBy: signer.kind,
    signer: signerRef,
    reason: text,
    issuedAt: now.toISOString(),
  };
  const signed = signStatement(statement, signing);
  const revision = pkg.revision + 1;
  db.transaction(() => {
    saveEvent(db, pkg.event, { revision, revisedAt: now.toISOString(), origin: { source: 'authored' } }, now);
    const enrol = db.prepare(
      'INSERT INTO enrolment (event_id, juror_id, name, public_key, fingerprint, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const juror of pkg.jurorKeys)
      enrol.run(pkg.event.id, juror.jurorId, juror.name, juror.publicKey, juror.fingerprint, now.toISOString());
    const change = db.prepare(
      `INSERT INTO juror_key_change (event_id, juror_id, previous_public_key, previous_fingerprint, next_public_key, next_fingerprint, continues_after_revision, reason, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of pkg.jurorKeyChanges)
      change.run(
        pkg.event.id,
        c.jurorId,
        c.previous.publicKey,
        c.previous.fingerprint,
        c.next.publicKey,
        c.next.fingerprint,
        c.continuesAfterRevision,
        c.reason,
        c.changedAt,
      );
    db.prepare(
      'INSERT INTO secretariat_rollover (event_id, previous_key, next_key, signed_by, signer_key, reason, statement, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      pkg.event.id,
      statement.previous.publicKey,
      next.publicKey,
      signer.kind,
      signing.publicKey,
      text,
      JSON.stringify(signed),
      now.toISOString(),
    );
  })();
  return {
    eventId: pkg.event.id,
    revision,
    previousFingerprint: pkg.secretariat.fingerprint,
    nextFingerprint: key.fingerprint,
    signedBy: signer.kind,
  };
}

export interface RolloverRecord {
  previousFingerprint: string;
  nextFingerprint: string;
  signedBy: 'previous' | 'recovery';
  signerFingerprint: string;
  reason: string;
  recordedAt: string;
}

/** The rollovers of an event's secretariat key this workspace knows (issued here, or accepted by a juror's laptop), oldest first. */
export function listRollovers(db: Db, eventId: string): RolloverRecord[] {
  const rows = db
    .prepare(
      'SELECT previous_key, next_key, signed_by, signer_key, reason, recorded_at FROM secretariat_rollover WHERE event_id = ? ORDER BY seq',
    )
    .all(eventId) as {
    previous_key: string;
    next_key: string;
    signed_by: 'previous' | 'recovery';
    signer_key: string;
    reason: string;
    recorded_at: string;
  }[];
  return rows.map((r) => ({
    previousFingerprint: fingerprint(r.previous_key),
    nextFingerprint: fingerprint(r.next_key),
    signedBy: r.signed_by,
    signerFingerprint: fingerprint(r.signer_key),
    reason: r.reason,
    recordedAt: r.recorded_at,
  }));
}

/**
 * What the next package of an event says about keys: the recovery key, the jurors' key changes, and the
 * rollover that made this workspace's key the secretariat's (when it did).
 */
export function packageContinuity(db: Db, eventId: string, signingKey: string): PackageContinuity {
  const recovery = currentRecoveryKey(db);
  const rollover = db
    .prepare('SELECT statement FROM secretariat_rollover WHERE event_id = ? AND next_key = ? ORDER BY seq DESC LIMIT 1')
    .get(eventId, signingKey) as { statement: string } | undefined;
  return {
    recoveryKey: recovery ? { publicKey: recovery.publicKey, fingerprint: recovery.fingerprint } : null,
    jurorKeyChanges: keyChangeStatements(db, eventId),
    rollover: rollover ? (JSON.parse(rollover.statement) as SignedStatement) : null,
  };
}
