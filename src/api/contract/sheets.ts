/**
 * Score sheets: the juror's signed sheet out, and at the secretariat the inbox of sheets in (verified,
 * reconciled, rechecked, removed), with the completeness of what came in.
 */
import { z } from 'zod';
import { Bilingual, Id } from '../../core/model.ts';
import { FileData, FileUse, ForEvent, method, typed } from './common.ts';

export const SheetStatus = z.enum(['valid', 'tampered', 'bad-signature', 'unknown-key', 'wrong-event', 'invalid-content', 'malformed']);
export type SheetStatus = z.infer<typeof SheetStatus>;

export const ReceivedSheet = z.strictObject({
  id: z.number().int(),
  fileName: z.string(),
  fileHash: z.string(),
  status: SheetStatus,
  jurorId: z.string().nullable(),
  sheetRevision: z.number().int().nullable(),
  signedWith: z.string().nullable(),
  details: z.array(Bilingual),
  receivedAt: z.string(),
  /** How reconciliation uses the file: current, superseded by a newer revision, a copy, or in conflict. */
  use: FileUse,
  /** A paper sheet (provenance 'kertas'): its form, who keyed it, a scan's hash, the section it covers. */
  paper: z
    .strictObject({
      formNumber: z.string(),
      operators: z.tuple([z.string(), z.string()]),
      scanSha256: z.string().nullable(),
      roundId: Id,
      categoryId: Id,
    })
    .nullable()
    .optional(),
  /** Where paper took part: why reconciliation uses (or does not use) the file's sections as it does. */
  notes: z.array(Bilingual).optional(),
});
export type ReceivedSheet = z.infer<typeof ReceivedSheet>;

/** Per juror, "round/category" → state; only the sections a juror is assigned (issue 16), "excused" where the juror is berhalangan. */
export const SectionState = z.enum(['received', 'unfinished', 'missing', 'conflict', 'excused']);
export const Completeness = z.record(z.string(), z.record(z.string(), SectionState));
export type Completeness = z.infer<typeof Completeness>;

export const sheetMethods = {
  // Juror: my signed sheet of the rounds asked.
  exportSheet: method(
    z.strictObject({ eventId: Id, name: typed(z.string().trim().min(1).max(200)), roundIds: z.array(Id).min(1) }),
    FileData,
    { errors: ['invalid-file', 'key-locked', 'not-found'] },
  ),

  // Secretariat: jurors' sheets in.
  importSheet: method(z.strictObject({ eventId: Id, file: FileData }), z.strictObject({ sheet: ReceivedSheet, again: z.boolean() }), {
    errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'],
  }),
  listSheets: method(
    ForEvent,
    z.strictObject({
      sheets: z.array(ReceivedSheet),
      completeness: Completeness,
      acceptedKeys: z.array(z.strictObject({ jurorId: Id, fingerprint: z.string(), acceptedBy: z.string(), acceptedAt: z.string() })),
    }),
    { errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'] },
  ),
  acceptKey: method(
    z.strictObject({ eventId: Id, sheetId: z.number().int(), acceptedBy: z.string().trim().min(2).max(200) }),
    z.strictObject({}),
    { errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'] },
  ),
  /** Every kept sheet verified again against the keys and the event as they are now ("Periksa ulang"). */
  recheckSheets: method(ForEvent, z.strictObject({ changed: z.number().int() }), {
    errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'],
  }),
  /** A refused, unused file taken off the inbox list; kept in the audit trail with the reason, who and when. */
  removeSheet: method(
    z.strictObject({
      eventId: Id,
      sheetId: z.number().int(),
      reason: typed(z.string().trim().min(3).max(500)),
      removedBy: typed(z.string().trim().min(2).max(200)),
    }),
    z.strictObject({}),
    { errors: ['conflict', 'forbidden', 'not-found'] },
  ),
  listRemovedSheets: method(
    ForEvent,
    z.array(
      z.strictObject({
        fileName: z.string(),
        fileHash: z.string(),
        status: z.string(),
        reason: z.string(),
        removedBy: z.string(),
        removedAt: z.string(),
      }),
    ),
  ),
};
