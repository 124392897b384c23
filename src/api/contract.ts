/**
 * The API contract: every method the renderer may call, with zod schemas for its input and output.
 * The single source of truth for the Electron preload (which exposes exactly these names), the main
 * process (which validates inputs again), the browser bridge used in development and tests, and the
 * renderer's types.
 */
import { z } from 'zod';
import { Bilingual, Event, Id, MergeRule, Scale } from '../core/model.ts';
import type { Envelope } from './errors.ts';
// Issue 16: awards per category, the audit, the penetapan, the panel's attendance.
import { CategoryAwards, shapeMethods, SpecialAwardRecord } from './shape-contract.ts';
// Issue 21: continuity (moving a workspace, resuming from one's own sheet, key changes and rollover, the runbook).
import { continuityMethods } from './continuity-contract.ts';

/**
 * Text a person types that ends up signed: a lone surrogate (half an emoji pasted from elsewhere) has no
 * canonical JSON form, so it becomes U+FFFD here rather than making the signing fail later.
 */
const typed = (schema: z.ZodString) => schema.transform((text) => text.toWellFormed());

export const AppInfo = z.strictObject({
  version: z.string(),
  schemaVersion: z.number().int(),
  workspacePath: z.string(),
});

/** The workspace this app serves: a problem when it could not be opened (a damaged file), else null. */
export const WorkspaceStatus = z.strictObject({
  path: z.string(),
  problem: Bilingual.nullable(),
});

/** A copy of the workspace taken at a moment that mattered (finalize, sheet export or import). */
export const BackupInfo = z.strictObject({
  name: z.string(),
  takenAt: z.string(),
  /** Why it was taken: 'finalisasi', 'ekspor-lembar', 'impor-lembar', … */
  reason: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

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

export const KeyStatus = z.strictObject({
  state: z.enum(['none', 'locked', 'unlocked']),
  /** 'os': sealed by the operating system's keychain (the app); 'passphrase': needs the passphrase. */
  protection: z.enum(['os', 'passphrase']),
  publicKey: z.string().optional(),
  fingerprint: z.string().optional(),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

/** A file crossing the API: a name and its bytes in base64 (the renderer has no file system). */
export const FileData = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  base64: z.base64(),
});
export type FileData = z.infer<typeof FileData>;

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

export const Enrolment = z.strictObject({
  jurorId: Id,
  name: z.string(),
  fingerprint: z.string(),
  receivedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const RoundAssignment = z.strictObject({
  roundId: Id,
  name: Bilingual,
  order: z.number().int(),
  categories: z.array(
    z.strictObject({
      categoryId: Id,
      name: Bilingual,
      /** False while the round waits for the shortlist of this category. */
      open: z.boolean(),
      nominees: z.number().int(),
      conflicted: z.number().int(),
      criteria: z.number().int(),
      /** Marks this juror owes here (nominees they may score × criteria) and how many are given. */
      required: z.number().int(),
      scored: z.number().int(),
      finalized: z.boolean(),
    }),
  ),
});
export type RoundAssignment = z.infer<typeof RoundAssignment>;

export const EventBasics = z.strictObject({
  eventId: Id,
  name: Event.shape.name,
  yearHeld: Event.shape.yearHeld,
  place: Event.shape.place,
  periodAssessed: Event.shape.periodAssessed,
  schedule: Event.shape.schedule,
});
export type EventBasics = z.infer<typeof EventBasics>;

const ScoreValue = z.number().finite().nullable();

export const ScoringState = z.strictObject({
  jurorId: Id,
  marks: z.array(z.strictObject({ nomineeId: Id, criterionCode: Id, value: z.number() })),
  notes: z.array(z.strictObject({ nomineeId: Id, text: z.string() })),
  conflicts: z.array(z.strictObject({ nomineeId: Id, reason: z.string(), declared: z.boolean() })),
  finalized: z.boolean(),
  sheetRevision: z.number().int(),
});
export type ScoringState = z.infer<typeof ScoringState>;

const ScoreTarget = z.strictObject({ eventId: Id, roundId: Id, nomineeId: Id, criterionCode: Id });
const RoundCategory = z.strictObject({ eventId: Id, roundId: Id, categoryId: Id });

const SheetStatus = z.enum(['valid', 'tampered', 'bad-signature', 'unknown-key', 'wrong-event', 'invalid-content', 'malformed']);

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
  use: z.enum(['used', 'stale', 'duplicate', 'conflict', 'not-used']),
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

// The paper fallback (src/services/paper/): the printed Lembar Penilaian Juri, its blind double entry, the paper sheet.

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

const PaperFormRequest = z.strictObject({ eventId: Id, jurorId: Id, roundId: Id, categoryId: Id, lang: z.enum(['id', 'en']) });
const PersonName = typed(z.string().trim().min(2).max(200));

/** Per juror, "round/category" → state; only the sections a juror is assigned (issue 16), "excused" where the juror is berhalangan. */
const Completeness = z.record(z.string(), z.record(z.string(), z.enum(['received', 'unfinished', 'missing', 'conflict', 'excused'])));

const RankedNominee = z.strictObject({
  rank: z.number().int(),
  nomineeId: Id,
  name: z.string(),
  rounds: z.record(z.string(), z.number().nullable()),
  final: z.number().nullable(),
  joint: z.boolean(),
});

const Mark = z.strictObject({ jurorId: Id, roundId: Id, nomineeId: Id, criterionCode: Id, value: z.number() });

export const Deliberation = z.strictObject({
  resultsHash: z.string(),
  eventId: Id,
  rule: MergeRule,
  categories: z.array(z.strictObject({ id: Id, name: z.string(), ranking: z.array(RankedNominee) })),
  overall: z.array(RankedNominee.extend({ categoryId: Id })),
  sheets: z.number().int(),
  usedSheets: z.number().int(),
  completeness: Completeness,
  flags: z.array(Mark.extend({ median: z.number() })),
  agreement: z.array(z.strictObject({ roundId: Id, categoryId: Id, w: z.number().nullable(), jurors: z.number().int() })),
  leaveOneOut: z.array(z.strictObject({ jurorId: Id, changes: z.array(z.strictObject({ categoryId: Id, podium: z.array(Id) })) })),
  decisions: z.array(
    z.strictObject({ categoryId: Id, nomineeIds: z.array(Id), text: z.string(), decidedBy: z.string(), recordedAt: z.string() }),
  ),
  marks: z.array(Mark),
  /** Who did not score whom and why: from the event, or declared by the juror on the laptop (it came in their sheet). */
  conflicts: z.array(z.strictObject({ jurorId: Id, nomineeId: Id, reason: z.string(), declared: z.boolean() })),
  /** Juror id → name as typed in their newest sheet used (the event may not carry names). */
  jurorNames: z.record(Id, z.string()),
  /** Issue 16: the places each category awards (holders, or why a place stays empty) and the plenary's special awards. */
  awards: z.array(CategoryAwards),
  specialAwards: z.array(SpecialAwardRecord),
});
export type Deliberation = z.infer<typeof Deliberation>;

/**
 * What the deliberation screen opens with (`deliberation`): the rankings and everything about the panel,
 * but per nominee only how many marks are flagged. The marks and flags themselves (720,000 marks at
 * national scale) come one nominee at a time, when the nominee is opened (`nomineeProtocol`).
 */
export const DeliberationSummary = Deliberation.omit({ marks: true, flags: true }).extend({
  /** How many marks the merge used: none means nothing may be ranked, exported or printed yet. */
  markCount: z.number().int(),
  /** Nominee id → how many of their marks are flagged (nominees without flags are absent). */
  flagCounts: z.record(Id, z.number().int()),
});
export type DeliberationSummary = z.infer<typeof DeliberationSummary>;

/** One nominee's protocol: every juror's mark per round and criterion, and the flagged ones, by the rule asked. */
export const NomineeProtocol = z.strictObject({
  nomineeId: Id,
  rule: MergeRule,
  marks: z.array(Mark),
  flags: z.array(Mark.extend({ median: z.number() })),
});
export type NomineeProtocol = z.infer<typeof NomineeProtocol>;

const NoInput = z.strictObject({});
const ForEvent = z.strictObject({ eventId: Id });

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  /** Version of the app and where its workspace database lives. */
  appInfo: method(NoInput, AppInfo),
  /** Whether the workspace opened; the only calls that work when it did not are these four. */
  workspaceStatus: method(NoInput, WorkspaceStatus),
  listBackups: method(NoInput, z.array(BackupInfo)),
  /** Puts a backup in place of the workspace (the current file is kept aside) and reopens it. */
  restoreBackup: method(z.strictObject({ name: z.string().regex(/^[\w.-]+\.sqlite$/) }), WorkspaceStatus),
  /** Only for a workspace that could not be opened: keeps the damaged file aside and starts an empty one. */
  startNewWorkspace: method(NoInput, WorkspaceStatus.extend({ keptAs: z.string() })),
  listEvents: method(NoInput, z.array(EventSummary)),
  /** Puts the embedded demo event ("Paritrana Award Tingkat Provinsi NTT 2025") into the workspace. */
  loadDemoEvent: method(z.strictObject({ role: z.enum(['juri', 'sekretariat']) }), EventSummary),
  getEvent: method(ForEvent, Event),
  listCategories: method(ForEvent, z.array(CategorySummary)),
  listNominees: method(z.strictObject({ eventId: Id, categoryId: Id.optional() }), z.array(NomineeRow)),

  // This workspace's signing key.
  keyStatus: method(NoInput, KeyStatus),
  createKey: method(z.strictObject({ passphrase: z.string().max(1024).optional() }), KeyStatus),
  unlockKey: method(z.strictObject({ passphrase: z.string().max(1024).optional() }), KeyStatus),

  // Secretariat: event set-up in Excel, basic fields, enrolment of jurors' keys, the signed package.
  eventTemplate: method(z.strictObject({ example: z.boolean() }), FileData),
  importEventTemplate: method(FileData.extend({ replace: z.boolean().optional() }), TemplateImportResult),
  updateEventBasics: method(EventBasics, EventSummary),
  importEnrolment: method(FileData, Enrolment),
  confirmEnrolment: method(z.strictObject({ eventId: Id, jurorId: Id, fingerprint: z.string().max(100) }), Enrolment),
  removeEnrolment: method(z.strictObject({ eventId: Id, jurorId: Id }), z.array(Enrolment)),
  listEnrolments: method(ForEvent, z.array(Enrolment)),
  /** documents (issue 17): the bytes of the event's listed documents (PDF, JPG, PNG), bundled and hash-pinned. */
  exportPackage: method(
    ForEvent.extend({
      documents: z
        .array(z.strictObject({ nomineeId: Id, fileName: z.string().trim().min(1).max(200), base64: z.base64() }))
        .max(1000)
        .optional(),
    }),
    FileData,
  ),

  // Secretariat: jurors' sheets in, rankings out.
  importSheet: method(z.strictObject({ eventId: Id, file: FileData }), z.strictObject({ sheet: ReceivedSheet, again: z.boolean() })),
  listSheets: method(
    ForEvent,
    z.strictObject({
      sheets: z.array(ReceivedSheet),
      completeness: Completeness,
      acceptedKeys: z.array(z.strictObject({ jurorId: Id, fingerprint: z.string(), acceptedBy: z.string(), acceptedAt: z.string() })),
    }),
  ),
  acceptKey: method(
    z.strictObject({ eventId: Id, sheetId: z.number().int(), acceptedBy: z.string().trim().min(2).max(200) }),
    z.strictObject({}),
  ),
  /** Every kept sheet verified again against the keys and the event as they are now ("Periksa ulang"). */
  recheckSheets: method(ForEvent, z.strictObject({ changed: z.number().int() })),
  /** A refused, unused file taken off the inbox list; kept in the audit trail with the reason, who and when. */
  removeSheet: method(
    z.strictObject({
      eventId: Id,
      sheetId: z.number().int(),
      reason: typed(z.string().trim().min(3).max(500)),
      removedBy: typed(z.string().trim().min(2).max(200)),
    }),
    z.strictObject({}),
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
  deliberation: method(z.strictObject({ eventId: Id, rule: MergeRule }), DeliberationSummary),
  /** One nominee's marks and flags, fetched when the nominee is opened on the deliberation screen. */
  nomineeProtocol: method(z.strictObject({ eventId: Id, rule: MergeRule, nomineeId: Id }), NomineeProtocol),
  issueShortlist: method(
    z.strictObject({ eventId: Id, roundId: Id, size: z.number().int().min(1).max(1000) }),
    z.strictObject({
      revision: z.number().int(),
      shortlists: z.array(z.strictObject({ roundId: Id, categoryId: Id, nomineeIds: z.array(Id) })),
    }),
  ),
  /** The deliberation report (Rekapitulasi + Berita Acara) as HTML for the print preview, as a PDF, or printed. */
  reportHtml: method(z.strictObject({ eventId: Id, rule: MergeRule, lang: z.enum(['id', 'en']) }), z.strictObject({ html: z.string() })),
  reportPdf: method(z.strictObject({ eventId: Id, rule: MergeRule, lang: z.enum(['id', 'en']) }), FileData),
  printReport: method(z.strictObject({ eventId: Id, rule: MergeRule, lang: z.enum(['id', 'en']) }), z.strictObject({})),
  exportRekapitulasi: method(z.strictObject({ eventId: Id, rule: MergeRule }), FileData),
  recordDecision: method(
    z.strictObject({
      eventId: Id,
      categoryId: Id,
      nomineeIds: z.array(Id).min(2),
      text: z.string().trim().min(3).max(2000),
      decidedBy: z.string().trim().min(2).max(200),
    }),
    z.strictObject({}),
  ),

  // Juror: the package, who I am, what I score, my enrolment file.
  importPackage: method(FileData, PackageImportResult),
  chooseJuror: method(z.strictObject({ eventId: Id, jurorId: Id }), EventSummary),
  jurorAssignments: method(ForEvent, z.array(RoundAssignment)),
  exportEnrolment: method(z.strictObject({ eventId: Id, name: typed(z.string().trim().min(1).max(200)) }), FileData),
  /** Whether the package already carries this laptop's key for its juror (enrolment done). */
  enrolmentStatus: method(ForEvent, z.strictObject({ enrolledFingerprint: z.string().nullable(), matchesThisLaptop: z.boolean() })),

  /**
   * Issue 17: a nominee's document from the package on this laptop, offline: its bytes (checked against the
   * package's pinned SHA-256) and its type, for the renderer to show as a blob: URL in a sandboxed frame or image.
   */
  openDocument: method(
    z.strictObject({ eventId: Id, nomineeId: Id, fileName: z.string().trim().min(1).max(200) }),
    FileData.extend({ mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']), sha256: z.string() }),
  ),

  // Juror: scoring. Always as the juror this laptop was set up for; every write is on disk when it returns.
  scoringState: method(RoundCategory, ScoringState),
  recordScore: method(ScoreTarget.extend({ value: ScoreValue }), z.strictObject({ value: ScoreValue, recordedAt: z.string() })),
  /** origin (issue 21): where a row came from when not typed on this laptop, e.g. "dipulihkan dari lembar J3 revisi 4". */
  scoreHistory: method(
    ScoreTarget,
    z.array(z.strictObject({ value: ScoreValue, previous: ScoreValue, recordedAt: z.string(), origin: Bilingual.optional() })),
  ),
  saveNote: method(
    z.strictObject({ eventId: Id, roundId: Id, nomineeId: Id, text: typed(z.string().max(5000)) }),
    z.strictObject({ recordedAt: z.string() }),
  ),
  declareConflict: method(
    z.strictObject({ eventId: Id, nomineeId: Id, reason: typed(z.string().trim().min(3).max(500)) }),
    z.strictObject({}),
  ),
  /** A conflict this juror declared by mistake, withdrawn before finalizing; the marks it cleared come back. */
  withdrawConflict: method(
    z.strictObject({ eventId: Id, nomineeId: Id, reason: typed(z.string().trim().min(3).max(500)) }),
    z.strictObject({ restoredMarks: z.number().int() }),
  ),
  finalizeRound: method(RoundCategory, z.strictObject({ finalized: z.literal(true) })),
  exportSheet: method(
    z.strictObject({ eventId: Id, name: typed(z.string().trim().min(1).max(200)), roundIds: z.array(Id).min(1) }),
    FileData,
  ),
  reopenRound: method(
    RoundCategory.extend({ reason: typed(z.string().trim().min(3).max(500)) }),
    z.strictObject({ sheetRevision: z.number().int() }),
  ),

  // Secretariat: the paper fallback. The printed form; blind double entry (no call returns a keyed value
  // before both operators have keyed the form); differences resolved against the paper; the signed sheet.
  paperForms: method(ForEvent, z.array(PaperForm)),
  paperFormPdf: method(PaperFormRequest, FileData),
  printPaperForm: method(PaperFormRequest, z.strictObject({})),
  paperForm: method(
    z.strictObject({ eventId: Id, formNumber: z.string().trim().min(1).max(100), checksum: z.string().trim().max(20) }),
    z.strictObject({ form: PaperForm, keying: PaperKeying.nullable() }),
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
  ),
  paperKeyings: method(ForEvent, z.array(PaperKeying)),
  paperComparison: method(z.strictObject({ eventId: Id, keyingId: z.number().int() }), PaperComparison),
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
  ),
  /** A signed paper sheet as its .xlsx file: for timbang verify, merge and report, and anyone re-running the merge. */
  paperSheetFile: method(z.strictObject({ eventId: Id, keyingId: z.number().int() }), FileData),
  // Issue 16 (src/api/shape-contract.ts): special awards, audit, penetapan, attendance.
  ...shapeMethods,
  // Issue 21 (src/api/continuity-contract.ts): continuity.
  ...continuityMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** What a transport exposes (the preload's `window.timbang`, or the browser bridge): envelopes, never throws. */
export type TimbangTransport = { [M in MethodName]: (input: Input<M>) => Promise<Envelope<Output<M>>> };

/** What the renderer calls: values, or a thrown AppError. */
export type TimbangApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** Handlers implement the contract on the Node side; they receive inputs already validated. */
export type Handlers = { [M in MethodName]: (input: z.output<Contract[M]['input']>) => Output<M> | Promise<Output<M>> };

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The IPC channel that carries one method between preload and main. */
export const ipcChannel = (method: MethodName) => `timbang:${method}`;
