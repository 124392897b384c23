/**
 * Reconciling the sheets the secretariat received: per juror, round and category, the section from the
 * sheet with the highest revision is used; an older one is stale; an identical copy is a duplicate; two
 * sheets of the same revision that disagree on a section are a conflict, and neither is used for it
 * until the juror sends a new revision. Only sheets that verified as valid take part.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { FileUse, SectionState } from '../../api/contract.ts';
import { compositeKey } from '../../core/composite-key.ts';
import type { Event } from '../../core/model.ts';
import type { MergeMark } from '../../core/merge.ts';
import { roundNominees } from '../../core/scoring.ts';
import { canonicalJson } from '../keys/signing.ts';
import { isAssigned } from '../../core/quorum.ts';
import { contentFindings } from '../sheets/sheet-content.ts';
import { withoutSetAsidePaper } from '../paper/paper-rule.ts';
import type { SheetSection, SheetPayload } from '../sheets/sheet-payload.ts';

/** How reconciliation uses a file: all current, all superseded, a copy of another, in conflict, or not at all (not valid). */
export type { FileUse };

export interface ReconciledFile {
  file: string;
  /** How the file's sections were used: all current, all superseded, a copy of another, or in conflict. */
  use: FileUse;
}

/**
 * 'unfinished': a section came, but the juror had not finalized it, or it says finalized while a nominee
 * the round admits (and the juror may score) is missing or has a mark missing.
 */
export type Completeness = Exclude<z.infer<typeof SectionState>, 'excused'>; // 'excused' comes later, from attendance

export interface Reconciliation {
  files: ReconciledFile[];
  /** juror id → "roundId/categoryId" → whether a usable section arrived. */
  completeness: Record<string, Record<string, Completeness>>;
  marks: MergeMark[];
  /** Who does not score whom, as the used sheets say: the event's conflicts and those jurors declared on their laptops. */
  conflicts: { jurorId: string; nomineeId: string; reason: string }[];
  /** Each juror's name as typed in their newest sheet used, for the Berita Acara's signature blocks. */
  jurorNames: Record<string, string>;
}

interface Candidate {
  file: string;
  payload: SheetPayload;
  section: SheetSection;
}

/** An event's content as a key (sha-256 of its JSON), computed once per event object. */
const eventKeys = new WeakMap<Event, string>();
export function eventKey(event: Event): string {
  let key = eventKeys.get(event);
  if (key === undefined) eventKeys.set(event, (key = createHash('sha256').update(JSON.stringify(event)).digest('hex')));
  return key;
}

/** Per payload object: the events (by key) its content was checked against, and the outcome. */
const contentChecks = new WeakMap<SheetPayload, Map<string, boolean>>();

/**
 * Records that a payload's content holds under the event: verification (verifyScoreSheet) found a sheet
 * valid against exactly this event, and its checks include every one reconcile makes (those it makes only
 * at the latest package revision come on top). Saves checking the same payload twice.
 */
export function markContentChecked(event: Event, payload: SheetPayload): void {
  const checks = contentChecks.get(payload) ?? new Map<string, boolean>();
  checks.set(eventKey(event), true);
  contentChecks.set(payload, checks);
}

/** Whether a payload's content is possible under the event (sheet-content.ts), checked once per payload and event. */
function contentHolds(event: Event, payload: SheetPayload): boolean {
  const key = eventKey(event);
  let checks = contentChecks.get(payload);
  if (!checks) contentChecks.set(payload, (checks = new Map()));
  let holds = checks.get(key);
  if (holds === undefined) checks.set(key, (holds = contentFindings(event, payload).length === 0));
  return holds;
}

/** A section's canonical JSON, once per section object: needed only to compare two sheets of one revision. */
const canonicalSections = new WeakMap<SheetSection, string>();
function canonicalSection(section: SheetSection): string {
  let json = canonicalSections.get(section);
  if (json === undefined) canonicalSections.set(section, (json = canonicalJson(section)));
  return json;
}

export function reconcile(event: Event, received: readonly { file: string; payload: SheetPayload | null }[]): Reconciliation {
  // Verification already refused impossible content; checked again here (once per payload and event) so
  // that nothing that reaches the merge (a payload stored by an older Timbang, say) can break the event's rules.
  const sheets = received.map((s) => (s.payload && !contentHolds(event, s.payload) ? { ...s, payload: null } : s));
  const valid = sheets.filter((s): s is { file: string; payload: SheetPayload } => s.payload !== null);
  const bySection = Map.groupBy(
    // Paper sheets (provenance 'kertas') never outrank a laptop sheet of the same or a newer revision: those take no part (paper/paper-rule.ts).
    withoutSetAsidePaper(
      valid.flatMap((s) => s.payload.sections.map((section): Candidate => ({ file: s.file, payload: s.payload, section }))),
    ),
    (c) => compositeKey(c.payload.juror.id, c.section.roundId, c.section.categoryId),
  );

  const usedFrom = new Map<string, Set<string>>(); // file → section keys it supplies
  const conflicted = new Set<string>(); // section keys
  const conflictFiles = new Set<string>();
  const duplicateFiles = new Set<string>();
  const chosen = new Map<string, Candidate>();
  for (const [key, candidates] of bySection) {
    const newest = Math.max(...candidates.map((c) => c.payload.sheetRevision));
    const current = candidates.filter((c) => c.payload.sheetRevision === newest);
    // Canonical JSON only where two candidates of the newest revision must be compared.
    if (current.length > 1 && new Set(current.map((c) => canonicalSection(c.section))).size > 1) {
      conflicted.add(key);
      for (const c of current) conflictFiles.add(c.file);
      continue;
    }
    // Identical copies: the first file (in name order, so the choice never depends on import order) supplies it.
    const [first, ...copies] = [...current].sort((a, b) => (a.file < b.file ? -1 : 1));
    chosen.set(key, first);
    usedFrom.set(first.file, (usedFrom.get(first.file) ?? new Set()).add(key));
    for (const copy of copies) if (!usedFrom.has(copy.file)) duplicateFiles.add(copy.file);
  }

  const files = sheets.map(({ file, payload }): ReconciledFile => {
    if (!payload) return { file, use: 'not-used' };
    if (conflictFiles.has(file)) return { file, use: 'conflict' };
    if (usedFrom.has(file)) return { file, use: 'used' };
    if (duplicateFiles.has(file)) return { file, use: 'duplicate' };
    return { file, use: 'stale' };
  });

  const recused = jurorConflicts(event, chosen.values());
  const completeness: Reconciliation['completeness'] = {};
  for (const juror of event.jurors) {
    completeness[juror.id] = {};
    for (const round of event.rounds) {
      for (const categoryId of round.categoryIds) {
        // Issue 16: only the sections the juror is assigned (Penugasan) are owed.
        if (!isAssigned(event, juror.id, round.id, categoryId)) continue;
        const key = compositeKey(juror.id, round.id, categoryId);
        const section = chosen.get(key)?.section;
        completeness[juror.id][`${round.id}/${categoryId}`] = conflicted.has(key)
          ? 'conflict'
          : !section
            ? 'missing'
            : section.finalized && isComplete(event, section, recused.get(juror.id))
              ? 'received'
              : 'unfinished';
      }
    }
  }

  // The marks (720,000 at national scale) are built when first read: the sheet list needs only how files are used.
  let marks: MergeMark[] | undefined;
  const buildMarks = () => {
    const list: MergeMark[] = [];
    for (const { payload, section } of chosen.values()) {
      const jurorId = payload.juror.id;
      const jurorRecused = recused.get(jurorId);
      for (const nominee of section.nominees) {
        // A conflict declared in the juror's newest sheet stands in every section, also one taken from an older sheet.
        if (nominee.conflict !== null || jurorRecused?.has(nominee.nomineeId)) continue;
        for (const criterionCode in nominee.marks) {
          const mark = nominee.marks[criterionCode];
          if (mark !== null)
            list.push({ jurorId, roundId: section.roundId, nomineeId: nominee.nomineeId, criterionCode, value: Number(mark) });
        }
      }
    }
    return list;
  };
  // A conflict stands in each of the juror's sections for that nominee's category: keep it once.
  const conflicts = new Map<string, Reconciliation['conflicts'][number]>();
  for (const { payload, section } of chosen.values()) {
    for (const { nomineeId, conflict } of section.nominees) {
      if (conflict !== null)
        conflicts.set(compositeKey(payload.juror.id, nomineeId), { jurorId: payload.juror.id, nomineeId, reason: conflict });
    }
  }
  for (const [jurorId, nominees] of recused) {
    for (const [nomineeId, reason] of nominees) {
      const key = compositeKey(jurorId, nomineeId);
      if (!conflicts.has(key)) conflicts.set(key, { jurorId, nomineeId, reason });
    }
  }
  const newestFirst = [...chosen.values()].sort((a, b) => b.payload.sheetRevision - a.payload.sheetRevision);
  const jurorNames: Record<string, string> = {};
  for (const { payload } of newestFirst) if (payload.juror.name.trim()) jurorNames[payload.juror.id] ??= payload.juror.name.trim();
  return {
    files,
    completeness,
    get marks() {
      return (marks ??= buildMarks());
    },
    conflicts: [...conflicts.values()],
    jurorNames,
  };
}

/**
 * Whom each juror does not score, nominee id → reason: the event's conflicts and those the juror declared in
 * their newest sheet used. A declaration holds for every section of that juror, also one that came in an
 * older sheet (a juror may send only the round they changed), so none of their marks for that nominee counts.
 */
function jurorConflicts(event: Event, chosen: Iterable<Candidate>): Map<string, Map<string, string>> {
  const newest = new Map<string, SheetPayload>();
  for (const { payload } of chosen) {
    const seen = newest.get(payload.juror.id);
    if (!seen || payload.sheetRevision > seen.sheetRevision) newest.set(payload.juror.id, payload);
  }
  const recused = new Map<string, Map<string, string>>();
  const add = (jurorId: string, nomineeId: string, reason: string) => {
    if (!recused.has(jurorId)) recused.set(jurorId, new Map());
    if (!recused.get(jurorId)!.has(nomineeId)) recused.get(jurorId)!.set(nomineeId, reason);
  };
  for (const c of event.conflicts) add(c.jurorId, c.nomineeId, c.reason);
  for (const [jurorId, payload] of newest) for (const d of payload.declaredConflicts) add(jurorId, d.nomineeId, d.reason);
  return recused;
}

/** Every nominee the round admits, but those the juror is recused from, is in the section with every mark given. */
function isComplete(event: Event, section: SheetSection, recused: ReadonlyMap<string, string> | undefined): boolean {
  const round = event.rounds.find((r) => r.id === section.roundId);
  const admitted = round ? roundNominees(event, round, section.categoryId) : null;
  if (!admitted) return false;
  const rows = new Map(section.nominees.map((n) => [n.nomineeId, n]));
  return admitted.every((nominee) => {
    const row = rows.get(nominee.id);
    if (recused?.has(nominee.id) || row?.conflict) return true;
    return row !== undefined && Object.values(row.marks).every((mark) => mark !== null);
  });
}
