/**
 * The event model: everything the secretariat prepares before a juror scores anything.
 * Pure zod schemas and types, shared by every layer (renderer included), so no Node or DOM imports here.
 * Structural rules live in the schemas; rules that relate one part of the event to another
 * (weights summing to 100, references to known ids) live in validate-event.ts.
 */
import { z } from 'zod';
import { isTimeZone } from './local-time.ts';

/** Text shown to people in both of the app's languages: Bahasa Indonesia first, English second. */
export const Bilingual = z.strictObject({
  id: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** Identifiers appear in file names, sheet names and cell references, so they stay short and plain. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'huruf, angka, titik, garis bawah atau tanda hubung / letters, digits, dot, underscore or hyphen');

export const IsoDate = z.iso.date();

export const DateRange = z.strictObject({ start: IsoDate, end: IsoDate });

export const Category = z.strictObject({
  id: Id,
  name: Bilingual,
  /** Terbaik 1..places awarded in this category (NTT 2023: 12 for Pemerintah Kabupaten/Kota, 3 for Manufaktur); absent = merge.winnersPerCategory. */
  places: z.number().int().min(1).max(50).optional(),
  /**
   * The lowest Nilai Akhir (0–100) that earns a place: a place whose nominee scores below it stays empty
   * ("Terbaik 3: tidak ditetapkan"), and nobody below is promoted into it. Absent: no minimum.
   */
  minimumScore: z.number().min(0).max(100).optional(),
});
export type Category = z.infer<typeof Category>;

export const Round = z.strictObject({
  id: Id,
  /** 1 for the first round (Seleksi Administrasi), 2 for the next, ... */
  order: z.number().int().min(1),
  name: Bilingual,
  /** Share of this round in the final score (Nilai Akhir), in percent; all rounds sum to 100. */
  weight: z.number().min(0).max(100),
  categoryIds: z.array(Id).min(1),
  /** How many nominees per category go on from the previous round into this one; null = everyone. */
  shortlistSize: z.number().int().min(1).nullable(),
  /**
   * The quorum of the round (issue 16): at least this many jurors, or this share of the jurors assigned to a
   * category (e.g. 2/3), must have their section of a category used; absent: none.
   */
  quorum: z
    .union([
      z.number().int().min(1).max(100),
      z.strictObject({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) }),
    ])
    .optional(),
  /** Interview timing for rounds where nominees present; absent for desk rounds. */
  interview: z
    .strictObject({
      presentationMinutes: z.number().int().min(1).max(240),
      questionsMinutes: z.number().int().min(1).max(240),
    })
    .optional(),
});
export type Round = z.infer<typeof Round>;

export const Scale = z.strictObject({
  min: z.number().int(),
  max: z.number().int(),
  /** Smallest difference between two scores a juror may give (1 = whole points, 0.5 = half points). */
  step: z.number().positive(),
});
export type Scale = z.infer<typeof Scale>;

/** The written anchor for one whole-number level of a criterion's scale. */
export const RubricLevel = z.strictObject({
  score: z.number().int(),
  text: Bilingual,
});
export type RubricLevel = z.infer<typeof RubricLevel>;

export const Criterion = z.strictObject({
  /** Short code printed on sheets, e.g. "W1" or "BU3"; unique in the event. */
  code: Id,
  roundId: Id,
  /** The categories this criterion is scored in (a criterion can serve several categories). */
  categoryIds: z.array(Id).min(1),
  label: Bilingual,
  /** Weight within its round and category, in percent; a round's criteria sum to 100 per category. */
  weight: z.number().positive().max(100),
  scale: Scale,
  rubric: z.array(RubricLevel).min(2),
});
export type Criterion = z.infer<typeof Criterion>;

export const AttributeValue = z.union([z.string(), z.number(), z.boolean()]);

export const Nominee = z.strictObject({
  id: Id,
  categoryId: Id,
  name: z.string().trim().min(1).max(200),
  region: z.string().trim().max(200),
  /** True for demo nominees that do not exist; their scores must never pass for real results. */
  fictional: z.boolean(),
  attributes: z.record(z.string(), AttributeValue),
});
export type Nominee = z.infer<typeof Nominee>;

/**
 * A figure from a nominee's dossier (issue 17, Data sheet): an indicator with its value, unit, source and date,
 * e.g. "Cakupan kepesertaan 34,90 % — BPJS Ketenagakerjaan per 2024-12-31"; optionally the criteria it informs.
 * Evidence for the juror, never a mark: it takes no part in any score or results hash.
 */
export const EvidenceFigure = z.strictObject({
  nomineeId: Id,
  label: Bilingual,
  value: z.number().finite(),
  /** "%", "orang", "bulan", "Rp"; empty for a plain count. */
  unit: z.string().trim().max(40),
  source: z.string().trim().min(1).max(300),
  date: IsoDate,
  /** Codes of the criteria this figure informs (PD3, BU1, ...); absent or empty: shown with the nominee only. */
  criterionCodes: z.array(Id).optional(),
});
export type EvidenceFigure = z.infer<typeof EvidenceFigure>;

export const DocumentKind = z.enum(['perda', 'sk', 'kuesioner', 'presentasi', 'foto']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A document a nominee submitted (issue 17, Dokumen sheet): PDF, JPG or PNG; hash and size once bundled. */
export const EvidenceDocument = z.strictObject({
  nomineeId: Id,
  /** A PDF, JPG or PNG file name without folders (checked in validate-event.ts, in both languages). */
  fileName: z.string().trim().min(1).max(200),
  kind: DocumentKind,
  /** SHA-256 of the bytes, lowercase hex: set when the package bundles the file. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  size: z.number().int().min(0).optional(),
});
export type EvidenceDocument = z.infer<typeof EvidenceDocument>;

export const JurorRole = z.enum(['ketua', 'sekretaris', 'anggota']);
export type JurorRole = z.infer<typeof JurorRole>;

export const Juror = z.strictObject({
  id: Id,
  role: JurorRole,
  /** The position the juror sits for, e.g. "Sekretaris Daerah Provinsi NTT". */
  title: z.string().trim().min(1).max(200),
  institution: z.string().trim().min(1).max(200),
  /** Personal name, often unknown until the juror enrols their laptop. */
  name: z.string().trim().max(200).optional(),
  /** A replacement member (issue 16): the juror this one replaces, and the (amended) decree that says so. */
  replaces: Id.optional(),
  decree: z.string().trim().min(1).max(300).optional(),
});
export type Juror = z.infer<typeof Juror>;

/**
 * Who scores what (Penugasan, issue 16): a juror × round × category is "wajib" (assigned) or "tidak" (not).
 * Absent rows mean wajib: an event without assignments has every juror score everything, as before.
 */
export const Assignment = z.strictObject({
  jurorId: Id,
  roundId: Id,
  categoryId: Id,
  duty: z.enum(['wajib', 'tidak']),
});
export type Assignment = z.infer<typeof Assignment>;

export const Conflict = z.strictObject({
  jurorId: Id,
  nomineeId: Id,
  reason: z.string().trim().min(1).max(500),
});
export type Conflict = z.infer<typeof Conflict>;

export const MergeRule = z.enum(['mean', 'trimmed', 'median', 'zscore']);
export type MergeRule = z.infer<typeof MergeRule>;

/** One step of the tie-break cascade, tried in order until the tie is broken. */
export const TieBreakStep = z.discriminatedUnion('kind', [
  /** Higher score in the given round (demo: Wawancara). */
  z.strictObject({ kind: z.literal('round'), roundId: Id }),
  /** Higher score on the round's highest-weighted criterion (demo: Seleksi Administrasi). */
  z.strictObject({ kind: z.literal('topCriterion'), roundId: Id }),
  /** Decided by the plenary and recorded in the Berita Acara (or joint winners). */
  z.strictObject({ kind: z.literal('plenary') }),
]);
export type TieBreakStep = z.infer<typeof TieBreakStep>;

export const MergeSettings = z.strictObject({
  rule: MergeRule,
  tieBreak: z.array(TieBreakStep),
  /** A mark this far or further from the panel median is flagged for deliberation. */
  disagreementThreshold: z.number().positive(),
  /** Terbaik 1..N awarded per category. */
  winnersPerCategory: z.number().int().min(1).max(10),
  /** The overall ranking (Terbaik Umum): among the winners of these categories. */
  overall: z
    .strictObject({
      name: Bilingual,
      categoryIds: z.array(Id).min(1),
      size: z.number().int().min(1).max(10),
    })
    .nullable(),
});
export type MergeSettings = z.infer<typeof MergeSettings>;

/** The nominees of a category admitted to a round with a shortlist, as the secretariat issued them. */
export const Shortlist = z.strictObject({
  roundId: Id,
  categoryId: Id,
  nomineeIds: z.array(Id).min(1),
});
export type Shortlist = z.infer<typeof Shortlist>;

/**
 * The legal basis of the Berita Acara ("Dasar"): the decrees the award and its committee rest on (e.g. the
 * Kepmenko PMK on the award's committee), the SK that appointed the Tim Penilai, and the minutes' own number.
 */
export const MinutesBasis = z.strictObject({
  decrees: z.array(z.string().trim().min(1).max(600)).max(12).optional(),
  panelDecree: z.string().trim().min(1).max(300).optional(),
  number: z.string().trim().min(1).max(200).optional(),
});
export type MinutesBasis = z.infer<typeof MinutesBasis>;

export const EVENT_FORMAT = 'timbang.event';
export const EVENT_FORMAT_VERSION = 1;

export const Event = z.strictObject({
  format: z.literal(EVENT_FORMAT),
  formatVersion: z.literal(EVENT_FORMAT_VERSION),
  id: Id,
  name: z.string().trim().min(1).max(300),
  /** Tahun penyelenggaraan. */
  yearHeld: z.number().int().min(2000).max(2200),
  /** Periode penilaian: usually the previous calendar year. */
  periodAssessed: DateRange,
  /** City where the panel sits, used in the Berita Acara ("bertempat di Kupang"). */
  place: z.string().trim().min(1).max(200),
  /**
   * The IANA time zone where the panel sits, for every time a person reads (sheet cover, report, history):
   * absent means Asia/Makassar (WITA), so events and packages made before it stay valid; see eventTimeZone.
   */
  timeZone: z
    .string()
    .refine(
      isTimeZone,
      'zona waktu IANA, mis. Asia/Makassar (WITA), Asia/Jakarta (WIB) atau Asia/Jayapura (WIT) / an IANA time zone, e.g. Asia/Makassar (WITA), Asia/Jakarta (WIB) or Asia/Jayapura (WIT)',
    )
    .optional(),
  schedule: z.strictObject({
    interviews: DateRange.extend({ venue: z.string().trim().min(1).optional() }).optional(),
    plenary: IsoDate.optional(),
    ceremony: z.strictObject({ date: IsoDate, venue: z.string().trim().min(1) }).optional(),
  }),
  categories: z.array(Category).min(1),
  rounds: z.array(Round).min(1),
  criteria: z.array(Criterion).min(1),
  nominees: z.array(Nominee),
  jurors: z.array(Juror).min(1),
  conflicts: z.array(Conflict),
  merge: MergeSettings,
  /** Issued after the earlier round (absent until then); see roundNominees in scoring.ts. */
  shortlists: z.array(Shortlist).optional(),
  /** What the Berita Acara rests on and its number (absent in events made before; printed only when given). */
  minutes: MinutesBasis.optional(),
  /** Who scores what; absent (or a triple not listed) means every juror scores every section. */
  assignments: z.array(Assignment).optional(),
  /** Issue 17: the nominees' figures and documents (absent in events made before: none). */
  figures: z.array(EvidenceFigure).optional(),
  documents: z.array(EvidenceDocument).optional(),
});
export type Event = z.infer<typeof Event>;
