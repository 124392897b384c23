/**
 * Continuity (issue 21): a laptop dies, a workspace moves, a key is lost — and nobody's marks are. Moving a
 * workspace, a juror resuming from their own sheet, jurors' key changes at the secretariat, the secretariat's
 * recovery key and rollover, and the printed runbook.
 */
import { z } from 'zod';
import { Bilingual, Id } from '../../core/model.ts';
import { FileData, FileUse, ForEvent, Lang, method, typed } from './common.ts';
import { Enrolment } from './enrolment.ts';

const Passphrase = z.string().max(1024);
const Reason = typed(z.string().trim().min(3).max(500));

export const MovedWorkspace = z.strictObject({
  events: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      source: z.enum(['authored', 'package']),
      revision: z.number().int(),
      jurorId: z.string().nullable(),
    }),
  ),
  /** The key's fingerprint: the same as on the old laptop. Null when the workspace had no key. */
  fingerprint: z.string().nullable(),
  /** How the key is sealed here now: this laptop's keychain, or the move passphrase. */
  protection: z.enum(['os', 'passphrase']).nullable(),
  /** The backup keeping what this workspace held before (null when it held nothing). */
  keptAs: z.string().nullable(),
});
export type MovedWorkspace = z.infer<typeof MovedWorkspace>;

const ResumedSheet = z.strictObject({
  fileName: z.string(),
  sheetRevision: z.number().int(),
  signedWith: z.string(),
  /** Signed with an earlier key of this juror (bound by the secretariat's key change). */
  previousKey: z.boolean(),
  marks: z.number().int(),
  resumedAt: z.string(),
});

export const ResumeStatus = z.strictObject({
  jurorId: Id.nullable(),
  /** The package carries this laptop's key for the juror: their own sheets can be restored. */
  ready: z.boolean(),
  previousKeys: z.array(z.string()),
  resumed: z.array(ResumedSheet),
  nextSheetRevision: z.number().int().nullable(),
});
export type ResumeStatus = z.infer<typeof ResumeStatus>;

const Section = z.strictObject({ roundId: Id, categoryId: Id });
export const ResumeResult = z.strictObject({
  sheets: z.array(ResumedSheet),
  marks: z.number().int(),
  unchanged: z.number().int(),
  notAdmitted: z.number().int(),
  notes: z.number().int(),
  conflicts: z.number().int(),
  finalized: z.array(Section),
  notFinalized: z.array(Section.extend({ reason: Bilingual })),
  nextSheetRevision: z.number().int(),
});
export type ResumeResult = z.infer<typeof ResumeResult>;

/** A juror's key change at the secretariat, with the sheets each key signed and how reconciliation uses them. */
export const KeyChange = z.strictObject({
  jurorId: Id,
  previousFingerprint: z.string(),
  nextFingerprint: z.string(),
  continuesAfterRevision: z.number().int(),
  reason: z.string(),
  changedAt: z.string(),
  sheets: z.array(
    z.strictObject({
      fileName: z.string(),
      sheetRevision: z.number().int().nullable(),
      key: z.enum(['previous', 'next']),
      status: z.string(),
      use: FileUse,
    }),
  ),
});
export type KeyChange = z.infer<typeof KeyChange>;

export const RecoveryKeyInfo = z.strictObject({ fingerprint: z.string(), createdAt: z.string() });

export const RolloverRecord = z.strictObject({
  previousFingerprint: z.string(),
  nextFingerprint: z.string(),
  signedBy: z.enum(['previous', 'recovery']),
  signerFingerprint: z.string(),
  reason: z.string(),
  recordedAt: z.string(),
});
export type RolloverRecord = z.infer<typeof RolloverRecord>;

export const continuityMethods = {
  // Moving a workspace to another laptop ("Pindahkan berkas kerja"): one file, the key re-sealed under a passphrase.
  exportMovedWorkspace: method(z.strictObject({ passphrase: Passphrase }), FileData, {
    errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'],
  }),
  /** Puts a moved workspace here; refused while this one holds an event or a key unless `replace` (then kept as a backup first). */
  importMovedWorkspace: method(
    z.strictObject({ file: FileData, passphrase: Passphrase, replace: z.boolean().optional() }),
    MovedWorkspace,
    { errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'] },
  ),

  // A juror resumes from their own signed sheet(s) on a new laptop.
  resumeStatus: method(ForEvent, ResumeStatus, { errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'] }),
  resumeFromSheets: method(z.strictObject({ eventId: Id, files: z.array(FileData).min(1).max(20) }), ResumeResult, {
    errors: ['conflict', 'forbidden', 'incomplete', 'invalid-file', 'key-locked', 'not-found'],
  }),

  // The secretariat: a juror re-enrolled from a new laptop (key change statement in the next package).
  reenrolJuror: method(
    z.strictObject({ eventId: Id, file: FileData, reason: Reason }),
    z.strictObject({ enrolment: Enrolment, changed: z.boolean() }),
    { errors: ['conflict', 'forbidden', 'invalid-file', 'not-found'] },
  ),
  jurorKeyChanges: method(ForEvent, z.array(KeyChange), { errors: ['forbidden', 'not-found'] }),

  // The secretariat's recovery key (its code is given once) and key rollover.
  recoveryKeyStatus: method(z.strictObject({}), z.strictObject({ recovery: RecoveryKeyInfo.nullable() })),
  createRecoveryKey: method(z.strictObject({ eventId: Id.optional() }), RecoveryKeyInfo.extend({ code: z.string(), file: FileData }), {
    errors: ['invalid-file', 'not-found'],
  }),
  /** The recovery code as a printable page (PDF); the code must be the current recovery key's. */
  recoveryCodePdf: method(z.strictObject({ code: z.string().max(200), lang: Lang }), FileData, { errors: ['forbidden', 'invalid-file'] }),
  /** A new secretariat workspace takes over the event from the last package, with the recovery code. */
  takeOverEvent: method(
    z.strictObject({ package: FileData, recoveryCode: z.string().max(200), reason: Reason }),
    z.strictObject({
      eventId: Id,
      revision: z.number().int(),
      previousFingerprint: z.string(),
      nextFingerprint: z.string(),
      signedBy: z.enum(['previous', 'recovery']),
    }),
    { errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'] },
  ),
  secretariatRollovers: method(ForEvent, z.array(RolloverRecord)),

  // The runbook "Laptop hilang atau rusak / Lupa frasa sandi / Pindah laptop", printed like the report.
  runbookHtml: method(z.strictObject({ lang: Lang }), z.strictObject({ html: z.string() })),
  runbookPdf: method(z.strictObject({ lang: Lang }), FileData, { errors: ['forbidden'] }),
  printRunbook: method(z.strictObject({ lang: Lang }), z.strictObject({}), { errors: ['forbidden'] }),
};
