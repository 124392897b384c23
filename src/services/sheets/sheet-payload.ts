/**
 * What a juror's signed score sheet says, as data: the payload that is canonicalised (RFC 8785) and
 * signed with the juror's key, and carried in the sheet's hidden signature sheet. The visible cells are
 * a rendering of it; verification compares every visible cell with it.
 *
 * Marks are canonical decimal strings at the criterion's step ("4", "3.5"), never floats: a LibreOffice
 * re-save rounds floats to 15 significant digits, and a signature must not depend on that.
 */
import { z } from 'zod';
import { isTimeZone } from '../../core/local-time.ts';
import { Id, JurorRole } from '../../core/model.ts';

export const SHEET_FORMAT = 'timbang.sheet';

export const SheetNominee = z.strictObject({
  nomineeId: Id,
  name: z.string(),
  region: z.string(),
  /** The reason when this juror does not score the nominee (from the event or declared); null otherwise. */
  conflict: z.string().nullable(),
  /** criterion code → canonical decimal mark, or null when unscored (always null when conflicted). */
  marks: z.record(
    z.string(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .nullable(),
  ),
  note: z.string(),
});
export type SheetNominee = z.infer<typeof SheetNominee>;

export const SheetCriterion = z.strictObject({
  code: Id,
  label: z.string(),
  weight: z.number(),
  scaleMax: z.number(),
});
export type SheetCriterion = z.infer<typeof SheetCriterion>;

export const SheetSection = z.strictObject({
  roundId: Id,
  /** The round's order in the event (1 = Seleksi Administrasi), so a sheet of Wawancara alone still names it 2. */
  roundOrder: z.number().int().min(1),
  roundName: z.string(),
  categoryId: Id,
  categoryName: z.string(),
  finalized: z.boolean(),
  criteria: z.array(SheetCriterion),
  nominees: z.array(SheetNominee),
});
export type SheetSection = z.infer<typeof SheetSection>;

/**
 * Where a sheet's marks come from when not from the juror's own laptop: 'kertas', a paper Lembar Penilaian
 * Juri keyed twice, blind, by two secretariat operators (src/services/paper/). Such a sheet is signed with the
 * secretariat's key, not the juror's; verification accepts exactly that (paper/paper-verify.ts). Optional, so
 * every sheet made before it still parses and verifies.
 */
export const SheetProvenance = z.strictObject({
  kind: z.literal('kertas'),
  /** The printed form's number ("LPJ-J3-1-03") and its layout checksum ("7F3A-91C2"). */
  formNumber: z.string().min(1).max(100),
  checksum: z.string().min(1).max(20),
  /** The two operators who keyed it, in the order they keyed it. */
  operators: z.tuple([z.string().min(1).max(200), z.string().min(1).max(200)]),
  /** SHA-256 (hex) of a scan or photo of the paper, when one was taken. */
  scanSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type SheetProvenance = z.infer<typeof SheetProvenance>;

export const SheetPayload = z.strictObject({
  format: z.literal(SHEET_FORMAT),
  formatVersion: z.literal(1),
  eventId: Id,
  eventName: z.string(),
  /** The city of the panel, printed beside the date of the juror's signature. */
  place: z.string(),
  /** The event package revision the juror scored against. */
  packageRevision: z.number().int().min(1),
  /** 1, plus one for each reopening: a newer sheet revision supersedes an older one. */
  sheetRevision: z.number().int().min(1),
  exportedAt: z.iso.datetime(),
  /** The event's IANA time zone, in which the cover prints exportedAt ("… pukul 21.11 WITA"); absent in older sheets (then UTC, as they printed). */
  timeZone: z.string().refine(isTimeZone, 'unknown time zone').optional(),
  juror: z.strictObject({
    id: Id,
    name: z.string(),
    role: JurorRole,
    title: z.string(),
    institution: z.string(),
    publicKey: z.string().min(1),
    fingerprint: z.string().min(1),
  }),
  /** Conflicts the juror declared on their laptop (those in the event are in the package already). */
  declaredConflicts: z.array(z.strictObject({ nomineeId: Id, reason: z.string() })),
  sections: z.array(SheetSection).min(1),
  /** Absent for a sheet from the juror's laptop; see SheetProvenance. */
  provenance: SheetProvenance.optional(),
  /**
   * Issue 17: SHA-256 of the dossier (the nominees' figures and documents) of the package revision the juror
   * scored with (dossierHash in packages/package-documents.ts); absent in older sheets and for events without evidence.
   */
  dossierHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type SheetPayload = z.infer<typeof SheetPayload>;
