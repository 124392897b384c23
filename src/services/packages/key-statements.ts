/**
 * Signed statements about keys that an event package carries (issue 21, continuity):
 *
 * - A **juror key change** (`timbang.juror-key-change`): the secretariat binds a juror's new laptop key to the
 *   old one (the old laptop was lost or died). Signed by the secretariat key that signs the package it rides
 *   in. Sheets signed by either key are that juror's; the new laptop numbers its sheets above
 *   `continuesAfterRevision`, so the old key's sheets are superseded, never in conflict.
 * - A **secretariat rollover** (`timbang.secretariat-rollover`): the secretariat's key is replaced. Signed by
 *   the key being replaced, or by the recovery key that packages signed by it named. A juror's laptop accepts
 *   a package signed by a new key only with such a statement, once; from then on it pins the new key.
 *
 * Both use the envelope of signed-file.ts ({payload, signature}, Ed25519 over RFC 8785 canonical JSON).
 */
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { keyStatementMessages, signedFileKinds, signedFileMessages } from '../../core/messages/package.ts';
import type { Bilingual } from '../../core/model.ts';
import { Id } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { fingerprint, signCanonical, verifyCanonical } from '../keys/signing.ts';

export const KeyRef = z.strictObject({ publicKey: z.string().min(1), fingerprint: z.string().min(1) });
export type KeyRef = z.infer<typeof KeyRef>;

export const JurorKeyChangePayload = z.strictObject({
  format: z.literal('timbang.juror-key-change'),
  formatVersion: z.literal(1),
  eventId: Id,
  jurorId: Id,
  /** The key the juror's lost laptop held. */
  previous: KeyRef,
  /** The key of the juror's new laptop (the one the package enrols). */
  next: KeyRef,
  /** The highest sheet revision the secretariat had from the previous key (0: none): the new laptop continues above it. */
  continuesAfterRevision: z.number().int().min(0),
  reason: z.string().min(1).max(500),
  changedAt: z.iso.datetime(),
  /** The secretariat key that signs this statement. */
  secretariat: KeyRef,
});
export type JurorKeyChangePayload = z.infer<typeof JurorKeyChangePayload>;

export const SecretariatRolloverPayload = z.strictObject({
  format: z.literal('timbang.secretariat-rollover'),
  formatVersion: z.literal(1),
  eventId: Id,
  /** The secretariat key being replaced: the one juror laptops pinned. */
  previous: KeyRef,
  /** The new secretariat key: it signs every package from now on. */
  next: KeyRef,
  /** Who signed this statement: the previous key itself, or the recovery key named by packages it signed. */
  signedBy: z.enum(['previous', 'recovery']),
  signer: KeyRef,
  reason: z.string().min(1).max(500),
  issuedAt: z.iso.datetime(),
});
export type SecretariatRolloverPayload = z.infer<typeof SecretariatRolloverPayload>;

/** A statement as it travels: the envelope of signed-file.ts. */
export const SignedStatement = z.strictObject({ payload: z.unknown(), signature: z.string().min(1) });
export type SignedStatement = z.infer<typeof SignedStatement>;

export interface VerifiedJurorKeyChange extends JurorKeyChangePayload {
  signature: string;
}
export interface VerifiedRollover extends SecretariatRolloverPayload {
  signature: string;
}

export function signStatement<T>(payload: T, key: UnlockedKey): { payload: T; signature: string } {
  return { payload, signature: signCanonical(payload, key.privateKey) };
}

/** A key reference whose fingerprint is the key's, or null. */
const keyRefHolds = (ref: KeyRef) => {
  try {
    return fingerprint(ref.publicKey) === ref.fingerprint;
  } catch {
    return false;
  }
};

/** A refusal naming the package file: "Paket acara x.timbang: …". */
const refuse = (fileName: string, problem: Bilingual) =>
  new AppError('invalid-file', signedFileMessages.inFile({ kind: signedFileKinds.eventPackage(), fileName, problem }));

/**
 * A juror key change as a package carries it: well formed, about this event, signed by the package's own
 * secretariat key. Every refusal names the package file and the juror.
 */
export function readJurorKeyChange(
  statement: SignedStatement,
  eventId: string,
  secretariatKey: string,
  fileName: string,
): VerifiedJurorKeyChange {
  const where = fileName;
  const parsed = JurorKeyChangePayload.safeParse(statement.payload);
  if (!parsed.success) {
    throw refuse(where, keyStatementMessages.jurorChangeMalformed());
  }
  const p = parsed.data;
  if (p.eventId !== eventId) throw refuse(where, keyStatementMessages.jurorChangeOtherEvent({ jurorId: p.jurorId, eventId: p.eventId }));
  if (!keyRefHolds(p.previous) || !keyRefHolds(p.next) || !keyRefHolds(p.secretariat)) {
    throw refuse(where, keyStatementMessages.jurorChangeFingerprint({ jurorId: p.jurorId }));
  }
  if (p.previous.publicKey === p.next.publicKey) throw refuse(where, keyStatementMessages.jurorChangeSameKey({ jurorId: p.jurorId }));
  if (p.secretariat.publicKey !== secretariatKey || !verifyCanonical(p, statement.signature, secretariatKey)) {
    throw refuse(where, keyStatementMessages.jurorChangeNotSigned({ jurorId: p.jurorId }));
  }
  return { ...p, signature: statement.signature };
}

/**
 * A secretariat rollover as a package carries it: well formed, about this event, naming the package's
 * signer as the new key, and signed by the key it says signed it. Whether that signer is one the reader
 * trusts (the key it pinned, or that key's recovery key) is the reader's question: applyPackage asks it.
 */
export function readRollover(statement: SignedStatement, eventId: string, packageSigner: string, fileName: string): VerifiedRollover {
  const where = fileName;
  const parsed = SecretariatRolloverPayload.safeParse(statement.payload);
  if (!parsed.success) {
    throw refuse(where, keyStatementMessages.rolloverMalformed());
  }
  const p = parsed.data;
  if (p.eventId !== eventId) throw refuse(where, keyStatementMessages.rolloverOtherEvent({ eventId: p.eventId }));
  if (!keyRefHolds(p.previous) || !keyRefHolds(p.next) || !keyRefHolds(p.signer)) {
    throw refuse(where, keyStatementMessages.rolloverFingerprint());
  }
  if (p.next.publicKey !== packageSigner) {
    throw refuse(where, keyStatementMessages.rolloverNotPackageSigner({ next: p.next.fingerprint }));
  }
  if (p.signedBy === 'previous' && p.signer.publicKey !== p.previous.publicKey) {
    throw refuse(where, keyStatementMessages.rolloverSignerNotPrevious());
  }
  if (p.previous.publicKey === p.next.publicKey) throw refuse(where, keyStatementMessages.rolloverSameKey());
  if (!verifyCanonical(p, statement.signature, p.signer.publicKey)) {
    throw refuse(where, keyStatementMessages.rolloverBadSignature());
  }
  return { ...p, signature: statement.signature };
}

/** Each juror's earlier keys, as the key changes in a package (or the secretariat's workspace) bind them: juror id → public keys. */
export function previousKeysByJuror(changes: readonly Pick<JurorKeyChangePayload, 'jurorId' | 'previous'>[]): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const change of changes) {
    let set = keys.get(change.jurorId);
    if (!set) keys.set(change.jurorId, (set = new Set()));
    set.add(change.previous.publicKey);
  }
  return keys;
}
