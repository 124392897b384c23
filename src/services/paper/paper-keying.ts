/**
 * Blind double entry of a paper Lembar Penilaian Juri in the secretariat's workspace.
 *
 * 1. Operator A keys the form: its number and checksum (which must match the layout the event has now,
 *    paper-form.ts), the juror's name as written, and every mark (a blank box stays blank). That opens a
 *    keying of the form.
 * 2. Operator B, another person, keys the same form without seeing A's entry: nothing in the API returns a
 *    keyed value before both entries are in (the list and the form give only who keyed and when).
 * 3. Then the cells they keyed differently are shown side by side; each is resolved against the paper, with
 *    the value read there, a reason and who resolved it.
 * 4. Only when nothing is left unresolved does the keying become a sheet (paper-sheet.ts).
 * Everything is appended (migration 10 refuses UPDATE and DELETE on these tables); the latest resolution of
 * a cell counts.
 */
import { AppError } from '../../api/errors.ts';
import type { Event } from '../../core/model.ts';
import { canonicalScore, isOnScale } from '../../core/scale.ts';
import type { Db } from '../workspace/workspace.ts';
import { findPaperForm, paperFormLayout, type PaperFormLayout } from './paper-form.ts';
import { paperMessages } from '../../core/messages/paper.ts';

/** nominee id → criterion code → canonical mark, or null for a box left blank (conflicted nominees have none). */
export type KeyedMarks = Record<string, Record<string, string | null>>;

/** The cell of the juror's name as written on the form (mark cells are "nominee/criterion"). */
export const NAME_CELL = 'nama-juri';

export type KeyingState = 'awaiting-second' | 'differences' | 'ready' | 'signed' | 'outdated';

export interface KeyingRow {
  id: number;
  eventId: string;
  formNumber: string;
  checksum: string;
  jurorId: string;
  roundId: string;
  categoryId: string;
  startedAt: string;
}

interface EntryRow {
  position: 1 | 2;
  operator: string;
  jurorName: string;
  marks: KeyedMarks;
  enteredAt: string;
}

export interface Resolution {
  value: string | null;
  reason: string;
  resolvedBy: string;
  resolvedAt: string;
}

export interface DifferingCell {
  cell: string;
  nomineeId: string | null;
  criterionCode: string | null;
  a: string | null;
  b: string | null;
  resolution: Resolution | null;
}

export interface KeyingSummary extends Omit<KeyingRow, 'eventId'> {
  /** Who keyed it, in order: names only, never what they keyed. */
  operators: string[];
  state: KeyingState;
  /** How many cells differ and how many of those are still unresolved: known only once both entries are in. */
  differences: number | null;
  unresolved: number | null;
  sheet: { id: number; fileName: string; sheetRevision: number } | null;
}

export interface EntryInput {
  formNumber: string;
  checksum: string;
  operator: string;
  jurorName: string;
  /** As typed: "4", "3,5" or "3.5"; empty for a box left blank. */
  marks: readonly { nomineeId: string; criterionCode: string; value: string }[];
}

/** People's names compare without case and extra spaces: "ani  w." and "Ani W." are one operator. */
const samePerson = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLocaleLowerCase('id') === b.replace(/\s+/g, ' ').trim().toLocaleLowerCase('id');
const cleanName = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A typed mark as the canonical decimal string of its criterion's scale, null for a blank; a figure off the
 * scale is refused at once, naming the nominee and criterion, so a slip of the finger ("55") is caught by
 * the operator who made it rather than by the comparison.
 */
export function parseMark(form: PaperFormLayout, nomineeId: string, criterionCode: string, typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const criterion = form.criteria.find((c) => c.code === criterionCode)!;
  const nominee = form.nominees.find((n) => n.id === nomineeId)!;
  const value = /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  if (!isOnScale(value, criterion.scale)) {
    const { min, max, step } = criterion.scale;
    throw new AppError(
      'invalid-input',
      paperMessages.markNotOnScale({
        nomineeName: nominee.name,
        code: criterion.code,
        text,
        min,
        max,
        step,
      }),
      { nomineeId, criterionCode },
    );
  }
  return canonicalScore(value, criterion.scale);
}

/** Every box of the form, as keyed: unknown nominees or criteria, or marks for a crossed-out row, are refused. */
function keyedMarks(form: PaperFormLayout, typed: EntryInput['marks']): KeyedMarks {
  const marks: KeyedMarks = {};
  for (const n of form.nominees) if (n.conflict === null) marks[n.id] = Object.fromEntries(form.criteria.map((c) => [c.code, null]));
  for (const { nomineeId, criterionCode, value } of typed) {
    const nominee = form.nominees.find((n) => n.id === nomineeId);
    if (!nominee || !form.criteria.some((c) => c.code === criterionCode)) {
      throw new AppError('invalid-input', paperMessages.noSuchBox({ formNumber: form.formNumber, nomineeId, criterionCode }));
    }
    if (nominee.conflict !== null) {
      if (value.trim() === '') continue;
      throw new AppError(
        'invalid-input',
        paperMessages.crossedOut({ nomineeName: nominee.name, formNumber: form.formNumber, conflict: nominee.conflict }),
      );
    }
    marks[nomineeId][criterionCode] = parseMark(form, nomineeId, criterionCode, value);
  }
  return marks;
}

export function keyingRow(db: Db, eventId: string, keyingId: number): KeyingRow {
  const row = db
    .prepare(
      `SELECT id, event_id AS eventId, form_number AS formNumber, checksum, juror_id AS jurorId, round_id AS roundId, category_id AS categoryId, started_at AS startedAt
     FROM paper_keying WHERE id = ? AND event_id = ?`,
    )
    .get(keyingId, eventId) as KeyingRow | undefined;
  if (!row) throw new AppError('not-found', paperMessages.noSuchKeying({ keyingId }));
  return row;
}

function entries(db: Db, keyingId: number): EntryRow[] {
  return (
    db
      .prepare(
        'SELECT position, operator, juror_name AS jurorName, marks, entered_at AS enteredAt FROM paper_entry WHERE keying_id = ? ORDER BY position',
      )
      .all(keyingId) as (Omit<EntryRow, 'marks'> & { marks: string })[]
  ).map((e) => ({ ...e, marks: JSON.parse(e.marks) as KeyedMarks }));
}

function resolutions(db: Db, keyingId: number): Map<string, Resolution> {
  const rows = db
    .prepare(
      'SELECT cell, value, reason, resolved_by AS resolvedBy, resolved_at AS resolvedAt FROM paper_resolution WHERE keying_id = ? ORDER BY seq',
    )
    .all(keyingId) as (Resolution & { cell: string })[];
  return new Map(rows.map(({ cell, ...r }) => [cell, r]));
}

function signedSheet(db: Db, keyingId: number): KeyingSummary['sheet'] {
  return (
    (db
      .prepare(
        'SELECT s.received_sheet_id AS id, r.file_name AS fileName, s.sheet_revision AS sheetRevision FROM paper_sheet s JOIN received_sheet r ON r.id = s.received_sheet_id WHERE s.keying_id = ?',
      )
      .get(keyingId) as KeyingSummary['sheet'] | undefined) ?? null
  );
}

/** The cells the two entries keyed differently, the juror's name first, then row by row as printed. */
function differingCells(form: PaperFormLayout, a: EntryRow, b: EntryRow, resolved: Map<string, Resolution>): DifferingCell[] {
  const cells: DifferingCell[] = [];
  if (cleanName(a.jurorName) !== cleanName(b.jurorName)) {
    cells.push({
      cell: NAME_CELL,
      nomineeId: null,
      criterionCode: null,
      a: cleanName(a.jurorName),
      b: cleanName(b.jurorName),
      resolution: resolved.get(NAME_CELL) ?? null,
    });
  }
  for (const n of form.nominees) {
    if (n.conflict !== null) continue;
    for (const c of form.criteria) {
      const [va, vb] = [a.marks[n.id]?.[c.code] ?? null, b.marks[n.id]?.[c.code] ?? null];
      const cell = `${n.id}/${c.code}`;
      if (va !== vb) cells.push({ cell, nomineeId: n.id, criterionCode: c.code, a: va, b: vb, resolution: resolved.get(cell) ?? null });
    }
  }
  return cells;
}

/** The form of a keying as the event lays it out now; null when the layout changed since it was keyed. */
function currentForm(event: Event, revision: number, keying: KeyingRow): PaperFormLayout | null {
  try {
    const form = paperFormLayout(event, revision, keying);
    return form.checksum === keying.checksum ? form : null;
  } catch {
    return null;
  }
}

export function summarize(db: Db, event: Event, revision: number, keying: KeyingRow): KeyingSummary {
  const keyed = entries(db, keying.id);
  const sheet = signedSheet(db, keying.id);
  const form = currentForm(event, revision, keying);
  let differences: number | null = null;
  let unresolved: number | null = null;
  if (keyed.length === 2 && form) {
    const cells = differingCells(form, keyed[0], keyed[1], resolutions(db, keying.id));
    differences = cells.length;
    unresolved = cells.filter((c) => c.resolution === null).length;
  }
  const state: KeyingState = sheet
    ? 'signed'
    : !form
      ? 'outdated'
      : keyed.length < 2
        ? 'awaiting-second'
        : unresolved! > 0
          ? 'differences'
          : 'ready';
  const { eventId: _event, ...row } = keying;
  return { ...row, operators: keyed.map((e) => e.operator), state, differences, unresolved, sheet };
}

/** Every keying of the event, newest first: who keyed, the state, never a keyed value. */
export function listKeyings(db: Db, event: Event, revision: number): KeyingSummary[] {
  const rows = db
    .prepare(
      `SELECT id, event_id AS eventId, form_number AS formNumber, checksum, juror_id AS jurorId, round_id AS roundId, category_id AS categoryId, started_at AS startedAt
     FROM paper_keying WHERE event_id = ? ORDER BY id DESC`,
    )
    .all(event.id) as KeyingRow[];
  return rows.map((k) => summarize(db, event, revision, k));
}

/** The keying of a form still open (not signed, layout unchanged), if any. */
function openKeying(db: Db, event: Event, form: PaperFormLayout): KeyingRow | null {
  const rows = db
    .prepare(
      `SELECT id, event_id AS eventId, form_number AS formNumber, checksum, juror_id AS jurorId, round_id AS roundId, category_id AS categoryId, started_at AS startedAt
     FROM paper_keying k WHERE event_id = ? AND form_number = ? AND checksum = ? AND NOT EXISTS (SELECT 1 FROM paper_sheet s WHERE s.keying_id = k.id) ORDER BY id DESC`,
    )
    .all(event.id, form.formNumber, form.checksum) as KeyingRow[];
  return rows[0] ?? null;
}

/** The form a number and checksum name, with its open keying's operators (names only), for the keying screen. */
export function formForKeying(
  db: Db,
  event: Event,
  revision: number,
  formNumber: string,
  checksum: string,
): { form: PaperFormLayout; keying: KeyingSummary | null } {
  const form = findPaperForm(event, revision, formNumber, checksum);
  const keying = openKeying(db, event, form);
  return { form, keying: keying ? summarize(db, event, revision, keying) : null };
}

/**
 * One operator's entry of a paper form. The first entry opens a keying; the second must come from another
 * operator; a third is refused until the two are resolved and signed. Returns who keyed and the state only.
 */
export function submitEntry(db: Db, event: Event, revision: number, input: EntryInput, now = new Date()): KeyingSummary {
  const form = findPaperForm(event, revision, input.formNumber, input.checksum);
  const operator = cleanName(input.operator);
  const marks = keyedMarks(form, input.marks);
  const keyingId = db.transaction(() => {
    let keying = openKeying(db, event, form);
    if (!keying) {
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO paper_keying (event_id, form_number, checksum, juror_id, round_id, category_id, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(event.id, form.formNumber, form.checksum, form.juror.id, form.round.id, form.category.id, now.toISOString());
      keying = keyingRow(db, event.id, Number(lastInsertRowid));
    }
    const keyed = entries(db, keying.id);
    if (keyed.length >= 2) {
      throw new AppError(
        'conflict',
        paperMessages.keyedTwiceAlready({ formNumber: form.formNumber, first: keyed[0].operator, second: keyed[1].operator }),
      );
    }
    if (keyed.length === 1 && samePerson(keyed[0].operator, operator)) {
      throw new AppError('conflict', paperMessages.sameOperatorTwice({ formNumber: form.formNumber, operator: keyed[0].operator }));
    }
    db.prepare('INSERT INTO paper_entry (keying_id, position, operator, juror_name, marks, entered_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      keying.id,
      keyed.length + 1,
      operator,
      cleanName(input.jurorName),
      JSON.stringify(marks),
      now.toISOString(),
    );
    return keying.id;
  })();
  return summarize(db, event, revision, keyingRow(db, event.id, keyingId));
}

export interface Comparison {
  keying: KeyingSummary;
  form: PaperFormLayout;
  operators: [string, string];
  /** Only the cells keyed differently, each with its resolution once made. */
  cells: DifferingCell[];
  /** How many boxes (and the name) both keyed alike, of how many. */
  agreed: number;
  total: number;
}

/**
 * Both entries side by side, where they differ. Refused while only one entry is in: the first operator's
 * values are never shown before the second operator has submitted.
 */
export function compare(db: Db, event: Event, revision: number, keyingId: number): Comparison {
  const keying = keyingRow(db, event.id, keyingId);
  const keyed = entries(db, keyingId);
  if (keyed.length < 2) {
    throw new AppError('forbidden', paperMessages.keyedOnceOnly({ formNumber: keying.formNumber, operator: keyed[0]?.operator ?? null }));
  }
  const form = currentForm(event, revision, keying);
  if (!form) {
    throw new AppError('conflict', paperMessages.layoutChanged({ formNumber: keying.formNumber, checksum: keying.checksum }));
  }
  const cells = differingCells(form, keyed[0], keyed[1], resolutions(db, keyingId));
  const total = 1 + form.nominees.filter((n) => n.conflict === null).length * form.criteria.length;
  return {
    keying: summarize(db, event, revision, keying),
    form,
    operators: [keyed[0].operator, keyed[1].operator],
    cells,
    agreed: total - cells.length,
    total,
  };
}

export interface ResolutionInput {
  cell: string;
  /** As read on the paper (a mark as typed, or the juror's name); empty for a box left blank. */
  value: string;
  reason: string;
  resolvedBy: string;
}

/** Settles one differing cell against the paper; a later resolution of the same cell replaces it (both kept). */
export function resolveCell(
  db: Db,
  event: Event,
  revision: number,
  keyingId: number,
  input: ResolutionInput,
  now = new Date(),
): Comparison {
  const { keying, form, cells } = compare(db, event, revision, keyingId);
  if (keying.state === 'signed' || keying.state === 'outdated') {
    throw new AppError('conflict', paperMessages.nothingToResolve({ formNumber: keying.formNumber, state: keying.state }));
  }
  const cell = cells.find((c) => c.cell === input.cell);
  if (!cell) {
    throw new AppError('invalid-input', paperMessages.cellNotDiffering({ cell: input.cell, formNumber: keying.formNumber }));
  }
  const value =
    cell.cell === NAME_CELL ? cleanName(input.value) || null : parseMark(form, cell.nomineeId!, cell.criterionCode!, input.value);
  db.prepare('INSERT INTO paper_resolution (keying_id, cell, value, reason, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    keyingId,
    cell.cell,
    value,
    input.reason.trim(),
    cleanName(input.resolvedBy),
    now.toISOString(),
  );
  return compare(db, event, revision, keyingId);
}

/** What the paper says, once both entries are in and every difference is resolved: the marks and the name. */
export function settledEntry(
  comparison: Comparison,
  keyed: { marks: KeyedMarks; jurorName: string },
): { marks: KeyedMarks; jurorName: string } {
  const marks: KeyedMarks = structuredClone(keyed.marks);
  let jurorName = cleanName(keyed.jurorName);
  for (const c of comparison.cells) {
    if (c.cell === NAME_CELL) jurorName = c.resolution!.value ?? '';
    else marks[c.nomineeId!][c.criterionCode!] = c.resolution!.value;
  }
  return { marks, jurorName };
}

/** The first entry as keyed (both agree everywhere the comparison does not list). */
export function firstEntry(db: Db, keyingId: number): { marks: KeyedMarks; jurorName: string } {
  const [first] = entries(db, keyingId);
  return { marks: first.marks, jurorName: first.jurorName };
}
