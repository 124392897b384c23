/**
 * Tetapkan hasil: the penetapan record that fixes an event's results (issue 16, item 5).
 *
 * Fixing writes a record signed with the secretariat's key (Ed25519 over RFC 8785 canonical JSON, the
 * envelope of every signed Timbang file, signed-file.ts): the results hash, the set of sheets (file hashes)
 * with their statuses and uses, the rule, the plenary's decisions and special awards, the absences, who
 * fixed it and when. Only when the audit passes. The Berita Acara then prints as final, with its number and
 * version. While a penetapan is in force, an import or a decision that would change the results is refused
 * (guard.ts) until someone reopens it with a reason (recorded); the next penetapan gets the next version and
 * says which one it supersedes. Records and reopenings are append-only (migration 11).
 * The format is documented in docs/formats.md (§12); `timbang verify --penetapan` reads and checks it.
 */
import { z } from 'zod';
import { AppError } from '../../api/errors.ts';
import { Id, MergeRule, type Event } from '../../core/model.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { fingerprint } from '../keys/signing.ts';
import { readSignedFile, writeSignedFile } from '../packages/signed-file.ts';
import type { Db } from '../workspace/workspace.ts';
import type { AuditFile, AuditResult } from '../audit/audit.ts';
import { penetapanMessages } from '../../core/messages/penetapan.ts';

export const PENETAPAN_FORMAT = 'timbang.penetapan';
export const PENETAPAN_EXTENSION = '.timbang-penetapan';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Text = z.string();

/** The signed payload of a penetapan record (docs/formats.md §12). */
export const PenetapanPayload = z.strictObject({
  format: z.literal(PENETAPAN_FORMAT),
  formatVersion: z.literal(1),
  eventId: Id,
  eventName: Text,
  /** The event's revision (the package revision the sheets were checked against). */
  eventRevision: z.number().int().min(1),
  /** 1 for the first penetapan of the event, then 2, 3, … after each reopening. */
  version: z.number().int().min(1),
  /** The version this one supersedes (reopened before it), or null for the first. */
  supersedes: z.number().int().min(1).nullable(),
  minutesNumber: Text.nullable(),
  rule: MergeRule,
  resultsHash: Hex64,
  /** Every file received, as the verification appendix lists it, in file-hash order. */
  sheets: z.array(
    z.strictObject({
      fileName: Text,
      fileHash: z.union([Hex64, z.literal('')]),
      jurorId: Id.nullable(),
      sheetRevision: z.number().int().nullable(),
      status: Text,
      use: Text,
    }),
  ),
  decisions: z.array(z.strictObject({ categoryId: Id, nomineeIds: z.array(Id), text: Text, decidedBy: Text, recordedAt: Text })),
  specialAwards: z.array(
    z.strictObject({ categoryId: Id.nullable(), name: Text, nomineeId: Id, reason: Text, decidedBy: Text, recordedAt: Text }),
  ),
  /** The places each category awards, as hashed (§9.4). */
  awards: z.array(
    z.strictObject({
      categoryId: Id,
      size: z.number().int(),
      minimum: z.number().nullable(),
      places: z.array(z.strictObject({ place: z.number().int(), nomineeIds: z.array(Id), vacant: Text.nullable() })),
    }),
  ),
  /** Jurors excused from a section (berhalangan), with the reason. */
  absences: z.array(z.strictObject({ jurorId: Id, roundId: Id, categoryId: Id, reason: Text, date: Text.nullable() })),
  /** The audit that passed: the operator and the second person who confirmed the verification appendix. */
  audit: z.strictObject({ operator: Text, confirmedBy: Text, filesHash: Hex64 }),
  fixedBy: Text,
  fixedAt: Text,
  secretariat: z.strictObject({ publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/), fingerprint: Text }),
});
export type PenetapanPayload = z.infer<typeof PenetapanPayload>;

const KIND = { ...penetapanMessages.record(), format: PENETAPAN_FORMAT };

/** Reads a penetapan file: its shape and its signature (by the key it names; pinning is the caller's). */
export function readPenetapan(bytes: Uint8Array, fileName: string): PenetapanPayload {
  const payload = readSignedFile(bytes, fileName, KIND, PenetapanPayload, (p) => p.secretariat.publicKey);
  if (fingerprint(payload.secretariat.publicKey) !== payload.secretariat.fingerprint) {
    throw new AppError('invalid-file', penetapanMessages.fingerprintNotTheKeys({ fileName }));
  }
  return payload;
}

export interface PenetapanVersion {
  version: number;
  rule: MergeRule;
  resultsHash: string;
  fixedAt: string;
  fixedBy: string;
  supersedes: number | null;
  reopened: { reason: string; by: string; at: string } | null;
}

export interface PenetapanState {
  /** The penetapan in force (the latest, not reopened), or null. */
  inForce: PenetapanVersion | null;
  /** Every version, oldest first. */
  versions: PenetapanVersion[];
}

export function penetapanState(db: Db, eventId: string): PenetapanState {
  const rows = db
    .prepare(
      `SELECT p.version, p.rule, p.results_hash AS resultsHash, p.fixed_at AS fixedAt, p.record, r.reason, r.reopened_by AS reopenedBy, r.reopened_at AS reopenedAt
     FROM penetapan p LEFT JOIN penetapan_reopening r ON r.event_id = p.event_id AND r.version = p.version
     WHERE p.event_id = ? ORDER BY p.version`,
    )
    .all(eventId) as {
    version: number;
    rule: MergeRule;
    resultsHash: string;
    fixedAt: string;
    record: string;
    reason: string | null;
    reopenedBy: string | null;
    reopenedAt: string | null;
  }[];
  const versions = rows.map((r): PenetapanVersion => {
    const payload = (JSON.parse(r.record) as { payload: PenetapanPayload }).payload;
    return {
      version: r.version,
      rule: r.rule,
      resultsHash: r.resultsHash,
      fixedAt: r.fixedAt,
      fixedBy: payload.fixedBy,
      supersedes: payload.supersedes,
      reopened: r.reason === null ? null : { reason: r.reason, by: r.reopenedBy!, at: r.reopenedAt! },
    };
  });
  const latest = versions.at(-1);
  return { inForce: latest && !latest.reopened ? latest : null, versions };
}

/** The signed file of one version (the latest by default), as stored. */
export function penetapanFile(db: Db, eventId: string, version?: number): { version: number; text: string } {
  const row = (
    version === undefined
      ? db.prepare('SELECT version, record FROM penetapan WHERE event_id = ? ORDER BY version DESC LIMIT 1').get(eventId)
      : db.prepare('SELECT version, record FROM penetapan WHERE event_id = ? AND version = ?').get(eventId, version)
  ) as { version: number; record: string } | undefined;
  if (!row) {
    throw new AppError('not-found', version === undefined ? penetapanMessages.neverFixed() : penetapanMessages.noSuchVersion({ version }));
  }
  return { version: row.version, text: row.record };
}

export interface FixInput {
  event: Event;
  eventRevision: number;
  audit: AuditResult;
  files: readonly AuditFile[];
  decisions: PenetapanPayload['decisions'];
  specialAwards: PenetapanPayload['specialAwards'];
  awards: PenetapanPayload['awards'];
  absences: PenetapanPayload['absences'];
  operator: string;
  confirmedBy: string;
  fixedBy: string;
}

/** Fixes the results: refused unless the audit passes and no penetapan is in force. Returns the new version. */
export function fixResults(db: Db, input: FixInput, key: UnlockedKey, now = new Date()): PenetapanVersion {
  const { event, audit } = input;
  if (!audit.passed) {
    const failing = audit.items.filter((i) => !i.ok);
    throw new AppError('incomplete', penetapanMessages.auditNotPassed({ failing: failing.map((i) => i.title) }), failing);
  }
  const state = penetapanState(db, event.id);
  if (state.inForce) {
    throw new AppError('conflict', penetapanMessages.alreadyFixed({ inForceVersion: state.inForce.version }));
  }
  const previous = state.versions.at(-1);
  const version = (previous?.version ?? 0) + 1;
  const payload: PenetapanPayload = {
    format: PENETAPAN_FORMAT,
    formatVersion: 1,
    eventId: event.id,
    eventName: event.name,
    eventRevision: input.eventRevision,
    version,
    supersedes: previous?.version ?? null,
    minutesNumber: event.minutes?.number ?? null,
    rule: audit.rule,
    resultsHash: audit.resultsHash,
    sheets: input.files
      .map((f) => ({
        fileName: f.fileName,
        fileHash: f.fileHash,
        jurorId: f.jurorId,
        sheetRevision: f.sheetRevision,
        status: f.status,
        use: f.use,
      }))
      .sort((a, b) => (a.fileHash < b.fileHash ? -1 : a.fileHash > b.fileHash ? 1 : a.fileName < b.fileName ? -1 : 1)),
    decisions: input.decisions.map((d) => ({
      categoryId: d.categoryId,
      nomineeIds: [...d.nomineeIds],
      text: d.text,
      decidedBy: d.decidedBy,
      recordedAt: d.recordedAt,
    })),
    specialAwards: input.specialAwards.map((a) => ({ ...a })),
    awards: input.awards,
    absences: input.absences,
    audit: { operator: input.operator, confirmedBy: input.confirmedBy, filesHash: audit.filesHash },
    fixedBy: input.fixedBy,
    fixedAt: now.toISOString(),
    secretariat: { publicKey: key.publicKey, fingerprint: key.fingerprint },
  };
  const text = writeSignedFile(PenetapanPayload.parse(payload), key);
  db.prepare('INSERT INTO penetapan (event_id, version, results_hash, rule, fixed_at, record) VALUES (?, ?, ?, ?, ?, ?)').run(
    event.id,
    version,
    payload.resultsHash,
    payload.rule,
    payload.fixedAt,
    text,
  );
  return penetapanState(db, event.id).inForce!;
}

/** Reopens the penetapan in force, with a reason: the results may change again until the next one. */
export function reopenPenetapan(db: Db, eventId: string, reason: string, by: string, now = new Date()): PenetapanState {
  const { inForce } = penetapanState(db, eventId);
  if (!inForce) throw new AppError('conflict', penetapanMessages.nothingToReopen());
  db.prepare('INSERT INTO penetapan_reopening (event_id, version, reason, reopened_by, reopened_at) VALUES (?, ?, ?, ?, ?)').run(
    eventId,
    inForce.version,
    reason,
    by,
    now.toISOString(),
  );
  return penetapanState(db, eventId);
}
