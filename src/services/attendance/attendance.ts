/**
 * The panel's attendance (issue 16, items 2 and 3), as the secretariat records it in its workspace (not in
 * the template): a juror who could not take part in a round × category (berhalangan, with a reason and a
 * date), which turns that juror's "missing" section into "excused"; and a replacement member (a new juror
 * in a new event revision, appointed by an amended decree) who takes over sections of another without
 * disturbing anyone's marks: the replaced juror is excused from them, the new one is assigned only them.
 */
import { AppError } from '../../api/errors.ts';
import { isAssigned, panelSections, type SectionPanel } from '../../core/quorum.ts';
import type { Assignment, Event, Juror } from '../../core/model.ts';
import { saveAuthored } from '../events/authored.ts';
import { DEMO_ABSENCES } from './demo-attendance.ts';
import type { Db } from '../workspace/workspace.ts';
import { attendanceMessages, sectionMessages } from '../../core/messages/attendance.ts';

export interface Absence {
  jurorId: string;
  roundId: string;
  categoryId: string;
  reason: string;
  /** The day of the absence (YYYY-MM-DD), when known. */
  date: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** The absences in force: the latest record per juror × round × category, unless it withdrew the absence. */
export function absences(db: Db, eventId: string): Absence[] {
  const rows = db
    .prepare(
      `SELECT juror_id AS jurorId, round_id AS roundId, category_id AS categoryId, reason, absent_on AS date, recorded_by AS recordedBy, recorded_at AS recordedAt, withdrawn
     FROM absence a WHERE event_id = ? AND seq = (
       SELECT max(seq) FROM absence b WHERE b.event_id = a.event_id AND b.juror_id = a.juror_id AND b.round_id = a.round_id AND b.category_id = a.category_id)
     ORDER BY seq`,
    )
    .all(eventId) as (Absence & { withdrawn: number })[];
  return rows.filter((r) => r.withdrawn === 0).map(({ withdrawn: _w, ...rest }) => rest);
}

/** "juror/round/category" → reason, for the audit. */
export function excusedSections(db: Db, eventId: string): Map<string, string> {
  return new Map(absences(db, eventId).map((a) => [`${a.jurorId}/${a.roundId}/${a.categoryId}`, a.reason]));
}

/**
 * A completeness matrix with the excused sections marked: a section still missing, or sent without being
 * finalized (a sheet that carries the section empty, say), becomes "excused". One received and final, or in
 * conflict, stays as it is: what the juror did send counts.
 */
export function withAbsences<T extends string>(
  completeness: Record<string, Record<string, T>>,
  list: readonly Absence[],
): Record<string, Record<string, T | 'excused'>> {
  if (list.length === 0) return completeness;
  const out: Record<string, Record<string, T | 'excused'>> = {};
  for (const [jurorId, sections] of Object.entries(completeness)) out[jurorId] = { ...sections };
  for (const a of list) {
    const section = `${a.roundId}/${a.categoryId}`;
    const state = out[a.jurorId]?.[section];
    if (state === 'missing' || state === 'unfinished') out[a.jurorId][section] = 'excused';
  }
  return out;
}

export interface AbsenceInput {
  jurorId: string;
  roundId: string;
  /** Null: every category of the round the juror is assigned. */
  categoryId: string | null;
  reason: string;
  date: string | null;
  by: string;
}

/** Records an absence (one row per section it covers). Returns the absences in force. */
export function recordAbsence(db: Db, event: Event, input: AbsenceInput, now = new Date()): Absence[] {
  const juror = event.jurors.find((j) => j.id === input.jurorId);
  if (!juror) throw new AppError('not-found', sectionMessages.jurorNotInEvent({ jurorId: input.jurorId }));
  const round = event.rounds.find((r) => r.id === input.roundId);
  if (!round) throw new AppError('not-found', sectionMessages.roundNotInEvent({ roundId: input.roundId }));
  const categories =
    input.categoryId === null ? round.categoryIds.filter((c) => isAssigned(event, juror.id, round.id, c)) : [input.categoryId];
  for (const categoryId of categories) {
    if (!round.categoryIds.includes(categoryId)) {
      throw new AppError('invalid-input', sectionMessages.categoryNotInRound({ categoryId, roundName: round.name }));
    }
    if (!isAssigned(event, juror.id, round.id, categoryId)) {
      throw new AppError(
        'invalid-input',
        attendanceMessages.notAssignedNoAbsence({ jurorId: juror.id, roundName: round.name, categoryId }),
      );
    }
  }
  const insert = db.prepare(
    'INSERT INTO absence (event_id, juror_id, round_id, category_id, reason, absent_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const categoryId of categories)
      insert.run(event.id, juror.id, round.id, categoryId, input.reason, input.date, input.by, now.toISOString());
  })();
  return absences(db, event.id);
}

/** Takes an absence back (recorded by mistake): the section is owed again. */
export function withdrawAbsence(
  db: Db,
  event: Event,
  input: { jurorId: string; roundId: string; categoryId: string; reason: string; by: string },
  now = new Date(),
): Absence[] {
  if (
    !absences(db, event.id).some((a) => a.jurorId === input.jurorId && a.roundId === input.roundId && a.categoryId === input.categoryId)
  ) {
    throw new AppError('not-found', attendanceMessages.noAbsenceRecorded());
  }
  db.prepare(
    'INSERT INTO absence (event_id, juror_id, round_id, category_id, reason, absent_on, recorded_by, recorded_at, withdrawn) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 1)',
  ).run(event.id, input.jurorId, input.roundId, input.categoryId, input.reason, input.by, now.toISOString());
  return absences(db, event.id);
}

export interface ReplacementInput {
  juror: Pick<Juror, 'id' | 'title' | 'institution'> & { name?: string };
  replacesJurorId: string;
  /** The amended decree (SK perubahan) that appoints the new member. */
  decree: string;
  /** The sections the new member takes over; the replaced juror is excused from them. */
  sections: { roundId: string; categoryId: string }[];
  by: string;
}

/**
 * Adds a replacement member: a new juror in a new event revision (a new package to issue), assigned exactly
 * the sections taken over; the replaced juror stays in the event with the marks already sent, and is excused
 * from those sections. Nobody's marks change: no assignment of anyone else changes.
 */
export function addReplacement(db: Db, event: Event, input: ReplacementInput, now = new Date()): Event {
  if (event.jurors.some((j) => j.id === input.juror.id)) {
    throw new AppError('conflict', attendanceMessages.jurorAlreadyInEvent({ jurorId: input.juror.id }));
  }
  const replaced = event.jurors.find((j) => j.id === input.replacesJurorId);
  if (!replaced) throw new AppError('not-found', sectionMessages.jurorNotInEvent({ jurorId: input.replacesJurorId }));
  if (input.sections.length === 0) throw new AppError('invalid-input', attendanceMessages.chooseReplacedSections());
  for (const s of input.sections) {
    if (
      !event.rounds.some((r) => r.id === s.roundId && r.categoryIds.includes(s.categoryId)) ||
      !isAssigned(event, replaced.id, s.roundId, s.categoryId)
    ) {
      throw new AppError(
        'invalid-input',
        attendanceMessages.replacedNotAssigned({ replacedId: replaced.id, roundId: s.roundId, categoryId: s.categoryId }),
      );
    }
  }
  const taken = new Set(input.sections.map((s) => `${s.roundId}/${s.categoryId}`));
  const juror: Juror = {
    id: input.juror.id,
    role: 'anggota',
    title: input.juror.title,
    institution: input.juror.institution,
    ...(input.juror.name ? { name: input.juror.name } : {}),
    replaces: replaced.id,
    decree: input.decree,
  };
  const own: Assignment[] = event.rounds.flatMap((r) =>
    r.categoryIds.map((categoryId): Assignment => ({
      jurorId: juror.id,
      roundId: r.id,
      categoryId,
      duty: taken.has(`${r.id}/${categoryId}`) ? 'wajib' : 'tidak',
    })),
  );
  const updated: Event = { ...event, jurors: [...event.jurors, juror], assignments: [...(event.assignments ?? []), ...own] };
  db.transaction(() => {
    saveAuthored(db, updated);
    for (const s of input.sections) {
      recordAbsence(
        db,
        updated,
        {
          jurorId: replaced.id,
          roundId: s.roundId,
          categoryId: s.categoryId,
          by: input.by,
          date: null,
          reason: `Digantikan oleh ${juror.id}${juror.name ? ` (${juror.name})` : ''} berdasarkan ${input.decree}`,
        },
        now,
      );
    }
  })();
  return updated;
}

/** The panel per round × category for a deliberation: quorum, who assessed, who was absent, unequal sets. */
export function panelOf(
  event: Event,
  result: {
    marks: readonly { jurorId: string; roundId: string; nomineeId: string; criterionCode: string }[];
    conflicts: readonly { jurorId: string; nomineeId: string }[];
    completeness: Record<string, Record<string, string>>;
  },
): SectionPanel[] {
  return panelSections(event, result.marks, result.conflicts, result.completeness);
}

/** A deliberation whose completeness says "excused" where a juror is excused (berhalangan). */
export function withExcused<T extends { completeness: Record<string, Record<string, string>> }>(db: Db, eventId: string, result: T): T {
  const list = absences(db, eventId);
  return list.length === 0 ? result : { ...result, completeness: withAbsences(result.completeness, list) };
}

/** A completeness matrix with the workspace's absences applied ("missing" → "excused"). */
export function excusedCompleteness<T extends string>(
  db: Db,
  eventId: string,
  completeness: Record<string, Record<string, T>>,
): Record<string, Record<string, T | 'excused'>> {
  return withAbsences(completeness, absences(db, eventId));
}

/** The demo workspace's absences (demo-attendance.ts), recorded once when the demo event is loaded. */
export function recordDemoAbsences(db: Db, event: Event, now = new Date()): void {
  if (absences(db, event.id).length > 0) return;
  for (const a of DEMO_ABSENCES) {
    if (event.id !== 'paritrana-ntt-2025' || !event.jurors.some((j) => j.id === a.jurorId)) continue;
    recordAbsence(
      db,
      event,
      { jurorId: a.jurorId, roundId: a.roundId, categoryId: a.categoryId, reason: a.reason, date: a.date, by: a.by },
      now,
    );
  }
}
