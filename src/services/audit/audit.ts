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
  tampered: { id: 'diubah setelah ditandatangani', en: 'changed after signing' },
  'bad-signature': { id: 'tanda tangan tidak sah', en: 'signature not valid' },
  'unknown-key': { id: 'ditandatangani kunci yang tidak dikenal', en: 'signed with an unknown key' },
  'invalid-content': { id: 'isi tidak sah', en: 'invalid content' },
  conflict: { id: 'bertentangan dengan lembar lain revisi yang sama', en: 'in conflict with another sheet of the same revision' },
};

const SECTION_WORDS: Record<string, Bilingual> = {
  missing: { id: 'belum diterima', en: 'not received' },
  unfinished: { id: 'belum difinalisasi juri', en: 'not finalized by the juror' },
  conflict: { id: 'lembar bertentangan', en: 'sheets in conflict' },
};

const NAMED = 12;

/** At most NAMED lines, then "… and N more". */
function capped(lines: Bilingual[]): Bilingual[] {
  if (lines.length <= NAMED) return lines;
  const more = lines.length - NAMED;
  return [...lines.slice(0, NAMED), { id: `… dan ${more} lagi`, en: `… and ${more} more` }];
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
    title: { id: 'Ada nilai dari lembar yang sah', en: 'Marks from valid sheets' },
    findings:
      result.marks.length > 0 ? [] : [{ id: 'Belum ada nilai dari lembar nilai yang sah.', en: 'No marks from valid score sheets yet.' }],
    summary: {
      id: `${result.usedSheets} dari ${result.sheets} lembar dipakai`,
      en: `${result.usedSheets} of ${result.sheets} sheets used`,
    },
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
      sectionFindings.push({
        id: `${juror.id} · ${roundName(roundId).id} · ${categoryName(categoryId).id}: ${words.id}`,
        en: `${juror.id} · ${roundName(roundId).en} · ${categoryName(categoryId).en}: ${words.en}`,
      });
    }
  }
  items.push({
    id: 'sections',
    ok: sectionFindings.length === 0,
    title: {
      id: 'Semua bagian yang ditugaskan diterima dan final (atau juri berhalangan)',
      en: 'Every assigned section received and final (or the juror excused)',
    },
    findings: capped(sectionFindings),
    summary: {
      id: `${owed - excused - sectionFindings.length} dari ${owed} bagian diterima${excused ? `, ${excused} berhalangan` : ''}`,
      en: `${owed - excused - sectionFindings.length} of ${owed} sections received${excused ? `, ${excused} excused` : ''}`,
    },
  });

  if (extra.quorum) items.push(extra.quorum);
  if (extra.equal) items.push(extra.equal);

  // Sheets: none pending unless set aside.
  const pending = files.filter((f) => (PENDING_STATUS.has(f.status) || f.use === 'conflict') && !records.setAside.has(f.fileHash));
  items.push({
    id: 'sheets',
    ok: pending.length === 0,
    title: { id: 'Tidak ada lembar yang tertunda', en: 'No sheet pending' },
    findings: capped(
      pending.map((f) => {
        const words = STATUS_WORDS[f.use === 'conflict' ? 'conflict' : f.status];
        return {
          id: `${f.fileName} (${f.jurorId ?? 'juri tidak terbaca'}): ${words.id}`,
          en: `${f.fileName} (${f.jurorId ?? 'juror unreadable'}): ${words.en}`,
        };
      }),
    ),
    summary: {
      id: `${files.length} berkas${records.setAside.size ? `, ${[...records.setAside.keys()].filter((h) => files.some((f) => f.fileHash === h)).length} dikesampingkan dengan catatan` : ''}`,
      en: `${files.length} files${records.setAside.size ? `, ${[...records.setAside.keys()].filter((h) => files.some((f) => f.fileHash === h)).length} set aside with a note` : ''}`,
    },
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
      tieFindings.push({
        id: `${categoryName(category.id).id}: ${names} sama di peringkat ${group[0].rank}; perlu keputusan rapat pleno`,
        en: `${categoryName(category.id).en}: ${names} tie at rank ${group[0].rank}; needs a plenary decision`,
      });
    }
  }
  items.push({
    id: 'ties',
    ok: tieFindings.length === 0,
    title: {
      id: 'Setiap peringkat bersama pada tempat pemenang diputuskan rapat pleno',
      en: 'Every joint rank on a place decided by the plenary',
    },
    findings: tieFindings,
    summary: { id: `${result.decisions.length} keputusan pleno tercatat`, en: `${result.decisions.length} plenary decisions recorded` },
  });

  // Flags: every one acknowledged.
  const open = result.flags.filter((f) => !records.flags.has(flagKey(f)));
  items.push({
    id: 'flags',
    ok: open.length === 0,
    title: { id: 'Setiap tanda beda pendapat sudah dibahas', en: 'Every disagreement flag acknowledged' },
    findings: capped(
      open.map((f) => ({
        id: `${f.jurorId} · ${roundName(f.roundId).id} · ${nomineeName(f.nomineeId)} · ${f.criterionCode}: nilai ${f.value}, median panel ${f.median}`,
        en: `${f.jurorId} · ${roundName(f.roundId).en} · ${nomineeName(f.nomineeId)} · ${f.criterionCode}: mark ${f.value}, panel median ${f.median}`,
      })),
    ),
    summary: {
      id: `${result.flags.length - open.length} dari ${result.flags.length} tanda sudah dibahas`,
      en: `${result.flags.length - open.length} of ${result.flags.length} flags acknowledged`,
    },
  });

  // Verification: a second person confirmed exactly these files.
  const hash = filesHash(files);
  const confirmation = records.confirmation;
  const verificationFindings: Bilingual[] = [];
  if (!confirmation) {
    verificationFindings.push({
      id: 'Lampiran verifikasi belum dikonfirmasi orang kedua.',
      en: 'The verification appendix is not yet confirmed by a second person.',
    });
  } else if (confirmation.filesHash !== hash) {
    verificationFindings.push({
      id: `Berkas berubah sejak dikonfirmasi ${confirmation.confirmedBy}: konfirmasi ulang lampiran verifikasi.`,
      en: `The files changed since ${confirmation.confirmedBy} confirmed them: confirm the verification appendix again.`,
    });
  } else if (samePerson(confirmation.operator, confirmation.confirmedBy)) {
    verificationFindings.push({
      id: 'Yang mengonfirmasi harus orang lain, bukan operator.',
      en: 'The one who confirms must be someone else than the operator.',
    });
  }
  items.push({
    id: 'verification',
    ok: verificationFindings.length === 0,
    title: {
      id: 'Lampiran verifikasi dikonfirmasi orang kedua (bukan operator)',
      en: 'Verification appendix confirmed by a second person (not the operator)',
    },
    findings: verificationFindings,
    summary: confirmation
      ? {
          id: `operator ${confirmation.operator}, dikonfirmasi ${confirmation.confirmedBy}`,
          en: `operator ${confirmation.operator}, confirmed by ${confirmation.confirmedBy}`,
        }
      : { id: 'belum dikonfirmasi', en: 'not confirmed' },
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
