/**
 * The paper fallback (src/services/paper/): the printed Lembar Penilaian Juri, its blind double entry (no call
 * returns a keyed value before both operators have keyed the form), differences resolved against the paper,
 * and the signed paper sheet.
 */
import { z } from 'zod';
import { Bilingual, Id, Scale } from '../../core/model.ts';
import { FileData, ForEvent, Lang, method, PersonName, typed } from './common.ts';
import { ReceivedSheet } from './sheets.ts';

/** One form: a juror × round × category as printed, with its number and layout checksum. */
export const PaperForm = z.strictObject({
  formNumber: z.string(),
  checksum: z.string(),
  packageRevision: z.number().int(),
  jurorId: Id,
  jurorName: z.string().nullable(),
  roundId: Id,
  roundName: Bilingual,
  categoryId: Id,
  categoryName: Bilingual,
  criteria: z.array(z.strictObject({ code: Id, label: Bilingual, weight: z.number(), scale: Scale })),
  nominees: z.array(z.strictObject({ id: Id, name: z.string(), region: z.string(), conflict: z.string().nullable() })),
});
export type PaperForm = z.infer<typeof PaperForm>;

/** A keying of a form: who keyed it and its state, never what was keyed. */
export const PaperKeying = z.strictObject({
  id: z.number().int(),
  formNumber: z.string(),
  checksum: z.string(),
  jurorId: Id,
  roundId: Id,
  categoryId: Id,
  startedAt: z.string(),
  operators: z.array(z.string()),
  /** awaiting-second: keyed once; differences: keyed twice, cells to resolve; ready: to sign; signed; outdated: the layout changed since. */
  state: z.enum(['awaiting-second', 'differences', 'ready', 'signed', 'outdated']),
  differences: z.number().int().nullable(),
  unresolved: z.number().int().nullable(),
  sheet: z.strictObject({ id: z.number().int(), fileName: z.string(), sheetRevision: z.number().int() }).nullable(),
});
export type PaperKeying = z.infer<typeof PaperKeying>;

/** Both entries side by side where they differ (only once both are in), with each resolution. */
export const PaperComparison = z.strictObject({
  keying: PaperKeying,
  form: PaperForm,
  operators: z.tuple([z.string(), z.string()]),
  cells: z.array(
    z.strictObject({
      /** "nominee/criterion", or "nama-juri" for the juror's name as written. */
      cell: z.string(),
      nomineeId: Id.nullable(),
      criterionCode: Id.nullable(),
      a: z.string().nullable(),
      b: z.string().nullable(),
      resolution: z
        .strictObject({ value: z.string().nullable(), reason: z.string(), resolvedBy: z.string(), resolvedAt: z.string() })
        .nullable(),
    }),
  ),
  agreed: z.number().int(),
  total: z.number().int(),
  /** The revision the sheet gets if signed now, and the valid sheets of that section it would supersede. */
  nextRevision: z.number().int(),
  supersedes: z.array(z.strictObject({ fileName: z.string(), sheetRevision: z.number().int(), paper: z.boolean() })),
});
export type PaperComparison = z.infer<typeof PaperComparison>;

const PaperFormRequest = z.strictObject({ eventId: Id, jurorId: Id, roundId: Id, categoryId: Id, lang: Lang });

export const paperMethods = {
  paperForms: method(ForEvent, z.array(PaperForm), { errors: ['forbidden', 'incomplete', 'not-found'] }),
  paperFormPdf: method(PaperFormRequest, FileData, { errors: ['forbidden', 'incomplete', 'not-found'] }),
  printPaperForm: method(PaperFormRequest, z.strictObject({}), { errors: ['forbidden', 'incomplete', 'not-found'] }),
  paperForm: method(
    z.strictObject({ eventId: Id, formNumber: z.string().trim().min(1).max(100), checksum: z.string().trim().max(20) }),
    z.strictObject({ form: PaperForm, keying: PaperKeying.nullable() }),
    { errors: ['conflict', 'forbidden', 'incomplete', 'not-found'] },
  ),
  paperSubmitEntry: method(
    z.strictObject({
      eventId: Id,
      formNumber: z.string().trim().min(1).max(100),
      checksum: z.string().trim().max(20),
      operator: PersonName,
      jurorName: typed(z.string().trim().max(200)),
      marks: z.array(z.strictObject({ nomineeId: Id, criterionCode: Id, value: z.string().trim().max(20) })).max(100_000),
    }),
    PaperKeying,
    { errors: ['conflict', 'forbidden', 'incomplete', 'not-found'] },
  ),
  paperKeyings: method(ForEvent, z.array(PaperKeying), { errors: ['forbidden', 'incomplete', 'not-found'] }),
  paperComparison: method(z.strictObject({ eventId: Id, keyingId: z.number().int() }), PaperComparison, {
    errors: ['conflict', 'forbidden', 'incomplete', 'not-found'],
  }),
  paperResolve: method(
    z.strictObject({
      eventId: Id,
      keyingId: z.number().int(),
      cell: z.string().min(1).max(200),
      value: typed(z.string().trim().max(200)),
      reason: typed(z.string().trim().min(3).max(500)),
      resolvedBy: PersonName,
    }),
    PaperComparison,
    { errors: ['conflict', 'forbidden', 'incomplete', 'not-found'] },
  ),
  paperSign: method(
    z.strictObject({
      eventId: Id,
      keyingId: z.number().int(),
      scanSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
    z.strictObject({
      keying: PaperKeying,
      sheet: ReceivedSheet,
      supersedes: z.array(z.strictObject({ fileName: z.string(), sheetRevision: z.number().int(), paper: z.boolean() })),
    }),
    { errors: ['conflict', 'forbidden', 'incomplete', 'invalid-file', 'key-locked', 'not-found'] },
  ),
  /** A signed paper sheet as its .xlsx file: for timbang verify, merge and report, and anyone re-running the merge. */
  paperSheetFile: method(z.strictObject({ eventId: Id, keyingId: z.number().int() }), FileData, { errors: ['forbidden', 'not-found'] }),
};
