/**
 * The real Paritrana shape (issue 16): awards per category and special awards, the audit before the
 * penetapan, the penetapan itself, and the panel's attendance.
 */
import { z } from 'zod';
import { Bilingual, Id, IsoDate, MergeRule } from '../../core/model.ts';
import { ForEvent, method, PersonName, typed } from './common.ts';

const Reason = typed(z.string().trim().min(3).max(2000));

/** One place of a category (src/core/awards.ts): its holders, or why it stays empty. */
export const PlaceAward = z.strictObject({
  place: z.number().int(),
  nomineeIds: z.array(Id),
  vacant: z.enum(['below-minimum', 'incomplete', 'no-nominee', 'shared']).nullable(),
});
export const CategoryAwards = z.strictObject({
  categoryId: Id,
  size: z.number().int(),
  minimum: z.number().nullable(),
  places: z.array(PlaceAward),
});
export type CategoryAwards = z.infer<typeof CategoryAwards>;

/** A special award the plenary recorded, as the deliberation carries it. */
export const SpecialAwardRecord = z.strictObject({
  categoryId: Id.nullable(),
  name: z.string(),
  nomineeId: Id,
  reason: z.string(),
  decidedBy: z.string(),
  recordedAt: z.string(),
});
export type SpecialAwardRecord = z.infer<typeof SpecialAwardRecord>;

/** One item of the checklist before the penetapan (src/services/audit/audit.ts). */
export const AuditItem = z.strictObject({
  id: z.enum(['marks', 'sections', 'quorum', 'equal', 'sheets', 'ties', 'flags', 'verification']),
  ok: z.boolean(),
  title: Bilingual,
  findings: z.array(Bilingual),
  summary: Bilingual,
});

const PenetapanVersion = z.strictObject({
  version: z.number().int(),
  rule: MergeRule,
  resultsHash: z.string(),
  fixedAt: z.string(),
  fixedBy: z.string(),
  supersedes: z.number().int().nullable(),
  reopened: z.strictObject({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export const PenetapanState = z.strictObject({ inForce: PenetapanVersion.nullable(), versions: z.array(PenetapanVersion) });
export type PenetapanState = z.infer<typeof PenetapanState>;

/** The audit screen: the checklist, and what it is made of that people act on. */
export const AuditView = z.strictObject({
  eventId: Id,
  rule: MergeRule,
  resultsHash: z.string(),
  filesHash: z.string(),
  passed: z.boolean(),
  items: z.array(AuditItem),
  /** Every disagreement flag, with whether (and by whom) it was acknowledged. */
  flags: z.array(
    z.strictObject({
      key: z.string(),
      jurorId: Id,
      roundId: Id,
      nomineeId: Id,
      criterionCode: Id,
      value: z.number(),
      median: z.number(),
      acknowledged: z.strictObject({ by: z.string(), note: z.string() }).nullable(),
    }),
  ),
  /** Sheets that need attention (refused or in conflict), and whether they were set aside. */
  sheets: z.array(
    z.strictObject({
      id: z.number().int(),
      fileName: z.string(),
      fileHash: z.string(),
      status: z.string(),
      use: z.string(),
      jurorId: z.string().nullable(),
      setAside: z.strictObject({ by: z.string(), note: z.string() }).nullable(),
    }),
  ),
  confirmation: z.strictObject({ operator: z.string(), confirmedBy: z.string(), filesHash: z.string(), recordedAt: z.string() }).nullable(),
  penetapan: PenetapanState,
  /** Whether the report prints as final now (a penetapan in force for exactly these results). */
  final: z.boolean(),
});
export type AuditView = z.infer<typeof AuditView>;

const RuleInput = z.strictObject({ eventId: Id, rule: MergeRule });

/** A juror excused from a section (berhalangan), as the secretariat recorded it. */
export const Absence = z.strictObject({
  jurorId: Id,
  roundId: Id,
  categoryId: Id,
  reason: z.string(),
  date: IsoDate.nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Absence = z.infer<typeof Absence>;

/** The panel of one round × category (src/core/quorum.ts): assigned, present, excused, quorum, who assessed, unequal sets. */
export const SectionPanel = z.strictObject({
  roundId: Id,
  categoryId: Id,
  assigned: z.array(Id),
  present: z.array(Id),
  excused: z.array(Id),
  required: z.number().int().nullable(),
  quorumMet: z.boolean(),
  assessedBy: z.array(Id),
  unequal: z.array(z.strictObject({ nomineeId: Id, scoredBy: z.array(Id), missing: z.array(Id), partial: z.array(Id) })),
});
export type SectionPanel = z.infer<typeof SectionPanel>;

export const shapeMethods = {
  /** The plenary names a special award (a nominee), or withdraws one (nomineeId null); recorded with who and why. */
  recordSpecialAward: method(
    z.strictObject({
      eventId: Id,
      categoryId: Id.nullable(),
      name: typed(z.string().trim().min(3).max(120)),
      nomineeId: Id.nullable(),
      reason: Reason,
      decidedBy: PersonName,
    }),
    z.array(SpecialAwardRecord),
    { errors: ['conflict', 'forbidden', 'not-found'] },
  ),
  listSpecialAwards: method(ForEvent, z.array(SpecialAwardRecord), { errors: ['forbidden', 'not-found'] }),

  // Periksa sebelum penetapan (audit gate) and Tetapkan hasil (penetapan).
  audit: method(RuleInput, AuditView, { errors: ['forbidden', 'not-found'] }),
  /** Disagreement flags discussed by the plenary, with who and a note (keys from `audit`). */
  acknowledgeFlags: method(
    RuleInput.extend({ keys: z.array(z.string().max(400)).min(1).max(100_000), by: PersonName, note: typed(z.string().trim().max(2000)) }),
    AuditView,
    { errors: ['forbidden', 'not-found'] },
  ),
  /** A refused or conflicting sheet set aside (it will not count), with who and why. */
  setAsideSheet: method(RuleInput.extend({ sheetId: z.number().int(), by: PersonName, note: Reason }), AuditView, {
    errors: ['forbidden', 'not-found'],
  }),
  /** A second person (not the operator) confirms the verification appendix as it lists the files now. */
  confirmVerification: method(RuleInput.extend({ operator: PersonName, confirmedBy: PersonName }), AuditView, {
    errors: ['forbidden', 'not-found'],
  }),
  /** Fixes the results by the rule (the audit must pass): a penetapan record signed with the secretariat's key. */
  fixResults: method(RuleInput.extend({ fixedBy: PersonName }), PenetapanState, {
    errors: ['conflict', 'forbidden', 'incomplete', 'key-locked', 'not-found'],
  }),
  /** Reopens the penetapan in force, with a reason (recorded); the next one gets a new version. */
  reopenPenetapan: method(z.strictObject({ eventId: Id, reason: Reason, by: PersonName }), PenetapanState, {
    errors: ['conflict', 'forbidden', 'not-found'],
  }),
  penetapanState: method(ForEvent, PenetapanState, { errors: ['forbidden', 'not-found'] }),

  // The panel's attendance: absences (berhalangan), a replacement member, quorum and equal treatment.
  listAbsences: method(ForEvent, z.array(Absence), { errors: ['forbidden', 'not-found'] }),
  /** A juror excused from a round × category (categoryId null: every category of the round they are assigned). */
  recordAbsence: method(
    z.strictObject({
      eventId: Id,
      jurorId: Id,
      roundId: Id,
      categoryId: Id.nullable(),
      reason: Reason,
      date: IsoDate.nullable(),
      by: PersonName,
    }),
    z.array(Absence),
    { errors: ['conflict', 'forbidden', 'not-found'] },
  ),
  withdrawAbsence: method(
    z.strictObject({ eventId: Id, jurorId: Id, roundId: Id, categoryId: Id, reason: Reason, by: PersonName }),
    z.array(Absence),
    { errors: ['conflict', 'forbidden', 'not-found'] },
  ),
  /** A replacement member: a new juror (a new package revision) who takes over sections of another, who is excused from them. */
  addReplacement: method(
    z.strictObject({
      eventId: Id,
      juror: z.strictObject({
        id: Id,
        title: typed(z.string().trim().min(1).max(200)),
        institution: typed(z.string().trim().min(1).max(200)),
        name: typed(z.string().trim().max(200)).optional(),
      }),
      replacesJurorId: Id,
      decree: typed(z.string().trim().min(3).max(300)),
      sections: z
        .array(z.strictObject({ roundId: Id, categoryId: Id }))
        .min(1)
        .max(1000),
      by: PersonName,
    }),
    z.strictObject({ revision: z.number().int() }),
    { errors: ['conflict', 'forbidden', 'not-found'] },
  ),
  /** Per round × category: quorum, who assessed it, who was excused, and nominees scored by other juror sets. */
  panelChecks: method(RuleInput, z.strictObject({ sections: z.array(SectionPanel) }), { errors: ['forbidden', 'not-found'] }),
  /** The signed penetapan record of a version (the latest by default), for `timbang verify --penetapan`. */
  exportPenetapan: method(
    z.strictObject({ eventId: Id, version: z.number().int().min(1).optional() }),
    z.strictObject({ fileName: z.string(), base64: z.string() }),
    { errors: ['forbidden', 'not-found'] },
  ),
};
