/**
 * The event: listing and reading it, the demo, the secretariat's set-up (Excel template, basic fields, the
 * signed package out) and the juror's side of the package (importing it, choosing who I am, its documents).
 */
import { z } from 'zod';
import { Bilingual, Event, Id } from '../../core/model.ts';
import { FileData, ForEvent, method, NoInput } from './common.ts';

export const EventSummary = z.strictObject({
  id: Id,
  name: z.string(),
  yearHeld: z.number().int(),
  place: z.string(),
  revision: z.number().int(),
  revisedAt: z.string(),
  /** For a package: the fingerprint of the secretariat key it is pinned to. */
  secretariatFingerprint: z.string().nullable(),
  /** Prepared here by the secretariat, or received as a signed package on a juror's laptop. */
  source: z.enum(['authored', 'package']),
  /** The juror this laptop scores as, once chosen (package events only), and the name they typed. */
  jurorId: Id.nullable(),
  jurorName: z.string().nullable(),
  categoryCount: z.number().int(),
  nomineeCount: z.number().int(),
  jurorCount: z.number().int(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const CategorySummary = z.strictObject({
  id: Id,
  name: Bilingual,
  nomineeCount: z.number().int(),
});
export type CategorySummary = z.infer<typeof CategorySummary>;

export const NomineeRow = z.strictObject({
  id: Id,
  categoryId: Id,
  name: z.string(),
  region: z.string(),
  fictional: z.boolean(),
});
export type NomineeRow = z.infer<typeof NomineeRow>;

export const TemplateIssue = z.strictObject({
  sheet: z.string(),
  cell: z.string().nullable(),
  message: Bilingual,
});
export type TemplateIssue = z.infer<typeof TemplateIssue>;

const Outcome = z.enum(['new', 'updated', 'unchanged']);

/** What replacing an existing event would change: shown to the secretariat before anything is replaced. */
export const EventChanges = z.strictObject({
  eventId: Id,
  name: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
  yearHeld: z.strictObject({ from: z.number(), to: z.number() }).nullable(),
  removed: z.strictObject({
    categories: z.array(z.string()),
    criteria: z.array(z.string()),
    nominees: z.array(z.string()),
    jurors: z.array(z.string()),
  }),
  added: z.strictObject({
    categories: z.array(z.string()),
    criteria: z.array(z.string()),
    nominees: z.array(z.string()),
    jurors: z.array(z.string()),
  }),
  /** Jurors whose enrolled laptop key the replacement would drop (they are no longer in the event). */
  droppedKeys: z.array(Id),
});
export type EventChanges = z.infer<typeof EventChanges>;

export const TemplateImportResult = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('imported'), event: EventSummary, outcome: Outcome }),
  z.strictObject({ status: z.literal('invalid'), fileName: z.string(), issues: z.array(TemplateIssue) }),
  /** The file is valid but would replace an event already here: nothing changed until the secretariat confirms. */
  z.strictObject({ status: z.literal('needs-confirmation'), fileName: z.string(), changes: EventChanges }),
]);
export type TemplateImportResult = z.infer<typeof TemplateImportResult>;

export const PackageImportResult = z.strictObject({
  event: EventSummary,
  outcome: Outcome,
  previousRevision: z.number().int().nullable(),
  secretariatFingerprint: z.string(),
  /** Issue 21: the package rolled the secretariat key over (signed by the pinned key or its recovery key); the laptop pins the new one. */
  secretariatRollover: z
    .strictObject({ previousFingerprint: z.string(), nextFingerprint: z.string(), signedBy: z.enum(['previous', 'recovery']) })
    .nullable()
    .optional(),
});
export type PackageImportResult = z.infer<typeof PackageImportResult>;

export const EventBasics = z.strictObject({
  eventId: Id,
  name: Event.shape.name,
  yearHeld: Event.shape.yearHeld,
  place: Event.shape.place,
  periodAssessed: Event.shape.periodAssessed,
  schedule: Event.shape.schedule,
});
export type EventBasics = z.infer<typeof EventBasics>;

export const eventMethods = {
  listEvents: method(NoInput, z.array(EventSummary)),
  /** Puts the embedded demo event ("Paritrana Award Tingkat Provinsi NTT 2025") into the workspace. */
  loadDemoEvent: method(z.strictObject({ role: z.enum(['juri', 'sekretariat']) }), EventSummary, {
    errors: ['conflict', 'forbidden', 'invalid-event', 'invalid-file', 'not-found'],
  }),
  getEvent: method(ForEvent, Event, { errors: ['not-found'] }),
  listCategories: method(ForEvent, z.array(CategorySummary), { errors: ['not-found'] }),
  listNominees: method(z.strictObject({ eventId: Id, categoryId: Id.optional() }), z.array(NomineeRow), { errors: ['not-found'] }),

  // Secretariat: event set-up in Excel, the basic fields, the signed package.
  eventTemplate: method(z.strictObject({ example: z.boolean() }), FileData),
  importEventTemplate: method(FileData.extend({ replace: z.boolean().optional() }), TemplateImportResult, {
    errors: ['conflict', 'forbidden', 'invalid-file', 'not-found'],
  }),
  updateEventBasics: method(EventBasics, EventSummary, { errors: ['conflict', 'forbidden', 'not-found'] }),
  /** documents (issue 17): the bytes of the event's listed documents (PDF, JPG, PNG), bundled and hash-pinned. */
  exportPackage: method(
    ForEvent.extend({
      documents: z
        .array(z.strictObject({ nomineeId: Id, fileName: z.string().trim().min(1).max(200), base64: z.base64() }))
        .max(1000)
        .optional(),
    }),
    FileData,
    { errors: ['forbidden', 'key-locked', 'not-found'] },
  ),

  // Juror: the package and who I am.
  importPackage: method(FileData, PackageImportResult, { errors: ['conflict', 'forbidden', 'invalid-file', 'not-found'] }),
  chooseJuror: method(z.strictObject({ eventId: Id, jurorId: Id }), EventSummary, { errors: ['conflict', 'forbidden', 'not-found'] }),
  /**
   * Issue 17: a nominee's document from the package on this laptop, offline: its bytes (checked against the
   * package's pinned SHA-256) and its type, for the renderer to show as a blob: URL in a sandboxed frame or image.
   */
  openDocument: method(
    z.strictObject({ eventId: Id, nomineeId: Id, fileName: z.string().trim().min(1).max(200) }),
    FileData.extend({ mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']), sha256: z.string() }),
    { errors: ['conflict', 'not-found'] },
  ),
};
