/**
 * Periksa sebelum penetapan: the checklist that must pass before the plenary fixes the results (issue 16,
 * item 4). Each item names what fails (the juror and section, the file, the nominees, the mark), in both
 * languages:
 * - marks: valid sheets have given marks (nothing can be ranked otherwise);
 * - sections: every section a juror owes is received and final, or the juror is excused (absence);
 * - quorum and equal treatment (quorum.ts): enough jurors per round and category, and every nominee of a
 *   category scored by the same jurors but for recusals;
 * - sheets: no sheet pending (a conflict, tampered, a bad signature, invalid content, an unknown key),
 *   unless the secretariat set it aside with a note;
 * - ties: every joint rank that touches a place settled by a recorded plenary decision;
 * - flags: every disagreement flag acknowledged (discussed), with who;
 * - verification: the verification appendix confirmed by a second person, named, not the operator, for
 *   exactly the files it lists now.
 * The same code serves the app (records from the workspace) and `timbang audit` (records from a workspace
 * given with --db, or none).
 */
import { createHash } from 'node:crypto';
import type { Deliberation } from '../../api/contract.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import { canonicalJson } from '../keys/signing.ts';
import type { Db } from '../workspace/workspace.ts';
import { auditMessages } from '../../core/messages/audit.ts';
import { reportMessages } from '../../core/messages/report.ts';

export type AuditItemId = 'marks' | 'sections' | 'quorum' | 'equal' | 'sheets' | 'ties' | 'flags' | 'verification';

export interface AuditItem {
  id: AuditItemId;
  ok: boolean;
  title: Bilingual;
  /** What fails, one line each (empty when ok). */
  findings: Bilingual[];
  /** A short line on what passed or what is left (e.g. "12 of 14 acknowledged"). */
  summary: Bilingual;
}

export interface AuditResult {
  eventId: string;
  rule: Deliberation['rule'];
  resultsHash: string;
  /** The fingerprint of the files the verification appendix lists (what a confirmation confirms). */
  filesHash: string;
  passed: boolean;
  items: AuditItem[];
}

/** A file as the verification appendix lists it. */
export interface AuditFile {
  fileName: string;
  fileHash: string;
  status: string;
  use: string;
  jurorId: string | null;
  sheetRevision: number | null;
}

/** What people recorded: acknowledged flags, files set aside, the confirmation, absences. */
export interface AuditRecords {
  /** Flag keys (flagKey) acknowledged, with who. */
  flags: Map<string, { by: string; note: string }>;
  /** File hashes of refused or conflicting sheets the secretariat set aside, with who and why. */
  setAside: Map<string, { by: string; note: string }>;
  /** The latest confirmation of the verification appendix. */
  confirmation: { operator: string; confirmedBy: string; filesHash: string; recordedAt: string } | null;
  /** Sections a juror is excused from: "juror/round/category" → the absence's reason. */
  excused: Map<string, string>;
}

export const NO_RECORDS: AuditRecords = { flags: new Map(), setAside: new Map(), confirmation: null, excused: new Map() };

/** Further items computed elsewhere (quorum.ts), added to the checklist in their place. */
export type ExtraItems = Partial<Record<'quorum' | 'equal', AuditItem>>;

type Flag = Deliberation['flags'][number];

/** A disagreement flag's identity: juror, round, nominee, criterion and the mark itself (a changed mark is a new flag). */
export function flagKey(flag: Pick<Flag, 'jurorId' | 'roundId' | 'nomineeId' | 'criterionCode' | 'value'>): string {
  return `${flag.jurorId}/${flag.roundId}/${flag.nomineeId}/${flag.criterionCode}/${flag.value}`;
}

/** The files of the verification appendix as one fingerprint: their hashes, statuses and uses, in hash order. */
export function filesHash(files: readonly AuditFile[]): string {
  const list = files
    .map((f) => ({ fileHash: f.fileHash, status: f.status, use: f.use }))
    .sort((a, b) => (a.fileHash < b.fileHash ? -1 : a.fileHash > b.fileHash ? 1 : a.use < b.use ? -1 : 1));
  return createHash('sha256').update(canonicalJson(list)).digest('hex');
}

/** A sheet that needs someone's attention before the results can be fixed. */
const PENDING_STATUS = new Set(['tampered', 'bad-signature', 'unknown-key', 'invalid-content']);

const STATUS_WORDS: Record<string, Bilingual> = {
  tampered: auditMessages.changedAfterSigning(),
  'bad-signature': auditMessages.badSignature(),
  'unknown-key': auditMessages.signedUnknownKey(),
  'invalid-content': auditMessages.invalidContent(),
  conflict: auditMessages.conflictSameRevision(),
};

const SECTION_WORDS: Record<string, Bilingual> = {
  missing: auditMessages.notReceived(),
  unfinished: reportMessages.unfinishedSections(), // the report's words for the same state
  conflict: auditMessages.sheetsConflict(),
};

const NAMED = 12;

/** At most NAMED lines, then "… and N more". */
function capped(lines: Bilingual[]): Bilingual[] {
  if (lines.length <= NAMED) return lines;
  const more = lines.length - NAMED;
  return [...lines.slice(0, NAMED), auditMessages.andMore({ more })];
}

/** The checklist for a deliberation, its files and what people recorded. */
export function auditChecklist(
  event: Event,
  result: Deliberation,
  files: readonly AuditFile[],
  records: AuditRecords,
  extra: ExtraItems = {},
): AuditResult {
  const roundName = (id: string) => event.rounds.find((r) => r.id === id)?.name ?? { id, en: id };
  const categoryName = (id: string) => event.categories.find((c) => c.id === id)?.name ?? { id, en: id };
  const nomineeName = (id: string) => {
    const nominee = event.nominees.find((n) => n.id === id);
    return nominee ? `${nominee.name}${nominee.fictional ? '†' : ''}` : id;
  };
  const items: AuditItem[] = [];

  // Marks: nothing can be fixed before a valid sheet has given marks.
  items.push({
    id: 'marks',
    ok: result.marks.length > 0,
    title: auditMessages.marksTitle(),
    findings: result.marks.length > 0 ? [] : [auditMessages.noMarksYet()],
    summary: auditMessages.sheetsUsed({ usedSheets: result.usedSheets, sheets: result.sheets }),
  });

  // Sections: each one owed, received and final, or excused. (Completeness lists only the sections a juror owes.)
  const sectionFindings: Bilingual[] = [];
  let owed = 0;
  let excused = 0;
  for (const juror of event.jurors) {
    for (const [section, state] of Object.entries(result.completeness[juror.id] ?? {})) {
      owed++;
      if (state === 'received') continue;
      const [roundId, categoryId] = section.split('/');
      if (
        (state as string) === 'excused' ||
        ((state === 'missing' || state === 'unfinished') && records.excused.has(`${juror.id}/${section}`))
      ) {
        excused++;
        continue;
      }
      const words = SECTION_WORDS[state] ?? { id: state, en: state };
      sectionFindings.push(
        auditMessages.sectionFinding({ jurorId: juror.id, roundName: roundName(roundId), categoryName: categoryName(categoryId), words }),
      );
    }
  }
  items.push({
    id: 'sections',
    ok: sectionFindings.length === 0,
    title: auditMessages.sectionsTitle(),
    findings: capped(sectionFindings),
    summary: auditMessages.sectionsSummary({ received: owed - excused - sectionFindings.length, owed, excused }),
  });

  if (extra.quorum) items.push(extra.quorum);
  if (extra.equal) items.push(extra.equal);

  // Sheets: none pending unless set aside.
  const pending = files.filter((f) => (PENDING_STATUS.has(f.status) || f.use === 'conflict') && !records.setAside.has(f.fileHash));
  items.push({
    id: 'sheets',
    ok: pending.length === 0,
    title: auditMessages.sheetsTitle(),
    findings: capped(
      pending.map((f) => {
        const words = STATUS_WORDS[f.use === 'conflict' ? 'conflict' : f.status];
        return auditMessages.pendingSheet({ fileName: f.fileName, jurorId: f.jurorId, words });
      }),
    ),
    summary: auditMessages.filesSetAside({
      files: files.length,
      // Counted only when anything was set aside at all (a note can name a file that is gone since).
      setAside: records.setAside.size ? [...records.setAside.keys()].filter((h) => files.some((f) => f.fileHash === h)).length : null,
    }),
  });

  // Ties: a joint rank that touches a place must be settled by a plenary decision.
  const tieFindings: Bilingual[] = [];
  for (const category of result.categories) {
    const size = result.awards.find((a) => a.categoryId === category.id)?.size ?? event.merge.winnersPerCategory;
    for (const group of Map.groupBy(
      category.ranking.filter((n) => n.joint && n.rank <= size),
      (n) => n.rank,
    ).values()) {
      const names = group.map((n) => nomineeName(n.nomineeId)).join(', ');
      tieFindings.push(auditMessages.tieNeedsDecision({ categoryName: categoryName(category.id), names, groupRank: group[0].rank }));
    }
  }
  items.push({
    id: 'ties',
    ok: tieFindings.length === 0,
    title: auditMessages.tiesTitle(),
    findings: tieFindings,
    summary: auditMessages.tiesSummary({ decisions: result.decisions.length }),
  });

  // Flags: every one acknowledged.
  const open = result.flags.filter((f) => !records.flags.has(flagKey(f)));
  items.push({
    id: 'flags',
    ok: open.length === 0,
    title: auditMessages.flagsTitle(),
    findings: capped(
      open.map((f) =>
        auditMessages.openFlag({
          jurorId: f.jurorId,
          roundName: roundName(f.roundId),
          nomineeName: nomineeName(f.nomineeId),
          criterionCode: f.criterionCode,
          value: f.value,
          median: f.median,
        }),
      ),
    ),
    summary: auditMessages.flagsSummary({ acknowledged: result.flags.length - open.length, flags: result.flags.length }),
  });

  // Verification: a second person confirmed exactly these files.
  const hash = filesHash(files);
  const confirmation = records.confirmation;
  const verificationFindings: Bilingual[] = [];
  if (!confirmation) {
    verificationFindings.push(auditMessages.notConfirmed());
  } else if (confirmation.filesHash !== hash) {
    verificationFindings.push(auditMessages.filesChangedSinceConfirmation({ confirmedBy: confirmation.confirmedBy }));
  } else if (samePerson(confirmation.operator, confirmation.confirmedBy)) {
    verificationFindings.push(auditMessages.confirmerIsOperator());
  }
  items.push({
    id: 'verification',
    ok: verificationFindings.length === 0,
    title: auditMessages.verificationTitle(),
    findings: verificationFindings,
    summary: confirmation
      ? auditMessages.confirmedBy({ operator: confirmation.operator, confirmedBy: confirmation.confirmedBy })
      : auditMessages.notConfirmedSummary(),
  });

  return {
    eventId: event.id,
    rule: result.rule,
    resultsHash: result.resultsHash,
    filesHash: hash,
    passed: items.every((i) => i.ok),
    items,
  };
}

/** Two names for one person: the same letters, whatever the case and spacing. */
export function samePerson(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}

// ---------------------------------------------------------------------------------------------------
// What the secretariat records (append-only, migration 11).

export function acknowledgeFlags(db: Db, eventId: string, keys: readonly string[], by: string, note: string, now = new Date()): void {
  const insert = db.prepare(
    "INSERT INTO audit_acknowledgment (event_id, kind, item, acknowledged_by, note, recorded_at) VALUES (?, 'flag', ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (const key of keys) insert.run(eventId, key, by, note, now.toISOString());
  })();
}

export function setAsideSheet(db: Db, eventId: string, fileHash: string, by: string, note: string, now = new Date()): void {
  db.prepare(
    "INSERT INTO audit_acknowledgment (event_id, kind, item, acknowledged_by, note, recorded_at) VALUES (?, 'sheet', ?, ?, ?, ?)",
  ).run(eventId, fileHash, by, note, now.toISOString());
}

export function confirmVerification(db: Db, eventId: string, operator: string, confirmedBy: string, hash: string, now = new Date()): void {
  db.prepare('INSERT INTO audit_confirmation (event_id, operator, confirmed_by, files_hash, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
    eventId,
    operator,
    confirmedBy,
    hash,
    now.toISOString(),
  );
}

/** Everything recorded for an event, as the checklist reads it. Absences come from attendance (quorum.ts's caller). */
export function auditRecords(db: Db, eventId: string, excused: Map<string, string> = new Map()): AuditRecords {
  const rows = db
    .prepare('SELECT kind, item, acknowledged_by AS by, note FROM audit_acknowledgment WHERE event_id = ? ORDER BY seq')
    .all(eventId) as { kind: 'flag' | 'sheet'; item: string; by: string; note: string }[];
  const flags = new Map<string, { by: string; note: string }>();
  const setAside = new Map<string, { by: string; note: string }>();
  for (const row of rows) (row.kind === 'flag' ? flags : setAside).set(row.item, { by: row.by, note: row.note });
  const confirmation = db
    .prepare(
      'SELECT operator, confirmed_by AS confirmedBy, files_hash AS filesHash, recorded_at AS recordedAt FROM audit_confirmation WHERE event_id = ? ORDER BY seq DESC LIMIT 1',
    )
    .get(eventId) as AuditRecords['confirmation'] | undefined;
  return { flags, setAside, confirmation: confirmation ?? null, excused };
}
