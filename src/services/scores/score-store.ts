/**
 * A juror's marks, notes, declared conflicts and finalizations, all append-only: every change is a new
 * row, so the history (when, old, new) is kept and the current state is the latest row for its key.
 * Every write is checked against the event first and committed (WAL, synchronous=FULL) before it returns,
 * so what the screen shows as saved is on disk.
 */
import { AppError } from '../../api/errors.ts';
import type { Output } from '../../api/contract.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { scoringMessages as say } from '../../core/messages/scoring.ts';
import type { Bilingual, Event } from '../../core/model.ts';
import { isOnScale } from '../../core/scale.ts';
import { roundNominees } from '../../core/scoring.ts';
import { isAssigned } from '../../core/quorum.ts';
import { packageKeyFacts } from '../packages/event-package.ts';
import type { Db } from '../workspace/workspace.ts';

export interface ScoreKey {
  jurorId: string;
  roundId: string;
  nomineeId: string;
  criterionCode: string;
}

export interface ScoreRow extends ScoreKey {
  seq: number;
  /** null when the mark was cleared. */
  value: number | null;
  recordedAt: string;
}

/**
 * One change of a mark, with the value it replaced, as the contract's scoreHistory declares it; origin says
 * where the row came from when it was not typed on this laptop ("dipulihkan dari lembar J3 revisi 4").
 */
export type HistoryEntry = Output<'scoreHistory'>[number];

/**
 * Where a history row came from, when not typed on this laptop: the juror's own signed sheet a new laptop
 * resumed from (continuity/resume.ts). Stored as JSON in score.origin; null for a mark typed here.
 */
export interface ScoreOrigin {
  kind: 'resumed-sheet';
  jurorId: string;
  sheetRevision: number;
  fileName: string;
  /** Fingerprint of the key that signed the sheet. */
  signedWith: string;
}

/** "dipulihkan dari lembar J3 revisi 4" / "restored from sheet J3 revision 4". */
export function describeOrigin(origin: ScoreOrigin): Bilingual {
  return say.resumedFromSheet(origin);
}

export function parseOrigin(text: string | null): ScoreOrigin | null {
  if (!text) return null;
  try {
    const origin = JSON.parse(text) as ScoreOrigin;
    return origin.kind === 'resumed-sheet' ? origin : null;
  } catch {
    return null;
  }
}

const refuse = (message: Bilingual) => new AppError('invalid-input', message);

export function recordScore(
  db: Db,
  event: Event,
  key: ScoreKey,
  value: number | null,
  now = new Date(),
  origin: ScoreOrigin | null = null,
): ScoreRow {
  const criterion = checkScoreKey(db, event, key);
  if (value !== null && !isOnScale(value, criterion.scale)) {
    const { min, max, step } = criterion.scale;
    throw refuse(say.offScale({ value, code: criterion.code, min, max, step }));
  }
  const recordedAt = now.toISOString();
  return { ...key, seq: appendScore(db, event.id, key, value, recordedAt, origin), value, recordedAt };
}

/** One more row of a mark's append-only history (nothing is ever updated or deleted); returns its seq. */
function appendScore(
  db: Db,
  eventId: string,
  key: ScoreKey,
  value: number | null,
  recordedAt: string,
  origin: ScoreOrigin | null = null,
): number {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO score (event_id, juror_id, round_id, nominee_id, criterion_code, value, recorded_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(eventId, key.jurorId, key.roundId, key.nomineeId, key.criterionCode, value, recordedAt, origin ? JSON.stringify(origin) : null);
  return Number(lastInsertRowid);
}

/** The latest history row of one mark, with where it came from (undefined: never touched). */
export function latestScore(db: Db, eventId: string, key: ScoreKey): { value: number | null; origin: ScoreOrigin | null } | undefined {
  const row = db
    .prepare(
      'SELECT value, origin FROM score WHERE event_id = ? AND juror_id = ? AND round_id = ? AND nominee_id = ? AND criterion_code = ? ORDER BY seq DESC LIMIT 1',
    )
    .get(eventId, key.jurorId, key.roundId, key.nomineeId, key.criterionCode) as
    { value: number | null; origin: string | null } | undefined;
  return row && { value: row.value, origin: parseOrigin(row.origin) };
}

/** The current mark for every key this juror has touched (cleared marks included as null). */
export function currentScores(db: Db, eventId: string, jurorId: string): ScoreRow[] {
  return db
    .prepare(
      `SELECT s.seq, s.juror_id AS jurorId, s.round_id AS roundId, s.nominee_id AS nomineeId, s.criterion_code AS criterionCode, s.value, s.recorded_at AS recordedAt
       FROM score s
       WHERE s.event_id = ? AND s.juror_id = ? AND s.seq = (
         SELECT max(seq) FROM score t WHERE t.event_id = s.event_id AND t.juror_id = s.juror_id AND t.round_id = s.round_id
           AND t.nominee_id = s.nominee_id AND t.criterion_code = s.criterion_code)
       ORDER BY s.seq`,
    )
    .all(eventId, jurorId) as ScoreRow[];
}

/** Every change of one mark, oldest first, each with the value it replaced. */
export function scoreHistory(db: Db, eventId: string, key: ScoreKey): HistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT value, recorded_at AS recordedAt, origin FROM score
       WHERE event_id = ? AND juror_id = ? AND round_id = ? AND nominee_id = ? AND criterion_code = ? ORDER BY seq`,
    )
    .all(eventId, key.jurorId, key.roundId, key.nomineeId, key.criterionCode) as {
    value: number | null;
    recordedAt: string;
    origin: string | null;
  }[];
  return rows.map(({ origin, ...row }, i) => {
    const from = parseOrigin(origin);
    return { ...row, previous: i === 0 ? null : rows[i - 1].value, ...(from && { origin: describeOrigin(from) }) };
  });
}

export function saveNote(
  db: Db,
  event: Event,
  jurorId: string,
  roundId: string,
  nomineeId: string,
  text: string,
  now = new Date(),
): string {
  const nominee = requireNominee(event, nomineeId);
  requireUnlocked(db, event, jurorId, roundId, nominee.categoryId);
  const recordedAt = now.toISOString();
  db.prepare('INSERT INTO note (event_id, juror_id, round_id, nominee_id, text, recorded_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    event.id,
    jurorId,
    roundId,
    nomineeId,
    text,
    recordedAt,
  );
  return recordedAt;
}

/** The current note per round and nominee (empty notes left out). */
export function currentNotes(db: Db, eventId: string, jurorId: string): { roundId: string; nomineeId: string; text: string }[] {
  return db
    .prepare(
      `SELECT n.round_id AS roundId, n.nominee_id AS nomineeId, n.text FROM note n
       WHERE n.event_id = ? AND n.juror_id = ? AND n.text <> '' AND n.seq = (
         SELECT max(seq) FROM note m WHERE m.event_id = n.event_id AND m.juror_id = n.juror_id AND m.round_id = n.round_id AND m.nominee_id = n.nominee_id)
       ORDER BY n.seq`,
    )
    .all(eventId, jurorId) as { roundId: string; nomineeId: string; text: string }[];
}

/** Conflicts this juror may not score: those in the event, and those declared on this laptop. */
export function conflictsOf(db: Db, event: Event, jurorId: string): Map<string, { reason: string; declared: boolean }> {
  const conflicts = new Map(
    event.conflicts.filter((c) => c.jurorId === jurorId).map((c) => [c.nomineeId, { reason: c.reason, declared: false }]),
  );
  const declared = db
    .prepare('SELECT nominee_id AS nomineeId, reason FROM declared_conflict WHERE event_id = ? AND juror_id = ?')
    .all(event.id, jurorId) as { nomineeId: string; reason: string }[];
  for (const d of declared) if (!conflicts.has(d.nomineeId)) conflicts.set(d.nomineeId, { reason: d.reason, declared: true });
  return conflicts;
}

/**
 * The juror declares a conflict of interest with a nominee: kept with its reason, and any marks already
 * given to that nominee are cleared (as new history rows, so nothing is erased).
 */
export function declareConflict(db: Db, event: Event, jurorId: string, nomineeId: string, reason: string, now = new Date()): void {
  const nominee = requireNominee(event, nomineeId);
  if (conflictsOf(db, event, jurorId).has(nomineeId)) {
    throw new AppError('conflict', say.conflictAlreadyRecorded({ nominee: nominee.name }));
  }
  for (const round of event.rounds) requireUnlocked(db, event, jurorId, round.id, nominee.categoryId);
  db.transaction(() => {
    db.prepare('INSERT INTO declared_conflict (event_id, juror_id, nominee_id, reason, declared_at) VALUES (?, ?, ?, ?, ?)').run(
      event.id,
      jurorId,
      nomineeId,
      reason,
      now.toISOString(),
    );
    for (const mark of currentScores(db, event.id, jurorId)) {
      if (mark.nomineeId === nomineeId && mark.value !== null) appendScore(db, event.id, mark, null, now.toISOString());
    }
  })();
}

/**
 * The juror withdraws a conflict they declared by mistake, before finalizing: the declaration is moved to
 * withdrawn_conflict (both reasons kept), and the marks it had cleared come back as new history rows.
 * A conflict in the event itself comes from the secretariat and is not the juror's to withdraw.
 * Returns how many marks came back.
 */
export function withdrawConflict(db: Db, event: Event, jurorId: string, nomineeId: string, reason: string, now = new Date()): number {
  const nominee = requireNominee(event, nomineeId);
  const conflict = conflictsOf(db, event, jurorId).get(nomineeId);
  if (!conflict?.declared) {
    throw new AppError(
      conflict ? 'forbidden' : 'not-found',
      (conflict ? say.conflictSetBySecretariat : say.noDeclaredConflict)({ nominee: nominee.name }),
    );
  }
  for (const round of event.rounds) requireUnlocked(db, event, jurorId, round.id, nominee.categoryId);
  const declared = db
    .prepare('SELECT reason, declared_at AS declaredAt FROM declared_conflict WHERE event_id = ? AND juror_id = ? AND nominee_id = ?')
    .get(event.id, jurorId, nomineeId) as { reason: string; declaredAt: string };
  // The marks the declaration cleared: those whose latest row is the clearing one it wrote.
  const cleared = currentScores(db, event.id, jurorId)
    .filter((m) => m.nomineeId === nomineeId && m.value === null)
    .flatMap((m) => {
      const history = scoreHistory(db, event.id, { jurorId, roundId: m.roundId, nomineeId, criterionCode: m.criterionCode });
      const last = history.at(-1);
      return last && last.recordedAt === declared.declaredAt && last.previous !== null ? [{ ...m, value: last.previous }] : [];
    });
  db.transaction(() => {
    db.prepare(
      'INSERT INTO withdrawn_conflict (event_id, juror_id, nominee_id, reason, declared_at, withdrawn_reason, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(event.id, jurorId, nomineeId, declared.reason, declared.declaredAt, reason, now.toISOString());
    db.prepare('DELETE FROM declared_conflict WHERE event_id = ? AND juror_id = ? AND nominee_id = ?').run(event.id, jurorId, nomineeId);
    for (const mark of cleared) appendScore(db, event.id, mark, mark.value, now.toISOString());
  })();
  return cleared.length;
}

export function isFinalized(db: Db, eventId: string, jurorId: string, roundId: string, categoryId: string): boolean {
  const row = db
    .prepare(
      'SELECT action FROM finalization WHERE event_id = ? AND juror_id = ? AND round_id = ? AND category_id = ? ORDER BY seq DESC LIMIT 1',
    )
    .get(eventId, jurorId, roundId, categoryId) as { action: string } | undefined;
  return row?.action === 'finalize';
}

/** What is still unscored in a round and category: per nominee, the criteria without a mark. */
export function missingMarks(
  db: Db,
  event: Event,
  jurorId: string,
  roundId: string,
  categoryId: string,
): { nomineeId: string; name: string; criteria: string[] }[] {
  const conflicts = conflictsOf(db, event, jurorId);
  const marked = new Set(
    currentScores(db, event.id, jurorId)
      .filter((m) => m.roundId === roundId && m.value !== null)
      .map((m) => compositeKey(m.nomineeId, m.criterionCode)),
  );
  const criteria = event.criteria.filter((c) => c.roundId === roundId && c.categoryIds.includes(categoryId));
  const { round } = requireRoundCategory(event, roundId, categoryId);
  return (roundNominees(event, round, categoryId) ?? [])
    .filter((n) => !conflicts.has(n.id))
    .map((n) => ({
      nomineeId: n.id,
      name: n.name,
      criteria: criteria.filter((c) => !marked.has(compositeKey(n.id, c.code))).map((c) => c.code),
    }))
    .filter((n) => n.criteria.length > 0);
}

export function finalizeRound(db: Db, event: Event, jurorId: string, roundId: string, categoryId: string, now = new Date()): void {
  const { round, category } = requireRoundCategory(event, roundId, categoryId);
  requireAssigned(event, jurorId, roundId, categoryId);
  if (isFinalized(db, event.id, jurorId, roundId, categoryId)) return;
  const missing = missingMarks(db, event, jurorId, roundId, categoryId);
  if (missing.length > 0) {
    const list = missing.map((m) => `${m.name}: ${m.criteria.join(', ')}`).join('; ');
    throw new AppError('incomplete', say.cannotFinalizeYet({ round: round.name, category: category.name, missing: list }), missing);
  }
  db.prepare(
    "INSERT INTO finalization (event_id, juror_id, round_id, category_id, action, recorded_at) VALUES (?, ?, ?, ?, 'finalize', ?)",
  ).run(event.id, jurorId, roundId, categoryId, now.toISOString());
}

/** Reopening is deliberate: it needs a reason, is recorded, and raises the juror's sheet revision. */
export function reopenRound(
  db: Db,
  event: Event,
  jurorId: string,
  roundId: string,
  categoryId: string,
  reason: string,
  now = new Date(),
): void {
  requireRoundCategory(event, roundId, categoryId);
  if (!isFinalized(db, event.id, jurorId, roundId, categoryId)) {
    throw new AppError('conflict', say.notFinalized());
  }
  db.prepare(
    "INSERT INTO finalization (event_id, juror_id, round_id, category_id, action, reason, recorded_at) VALUES (?, ?, ?, ?, 'reopen', ?, ?)",
  ).run(event.id, jurorId, roundId, categoryId, reason, now.toISOString());
}

/**
 * The revision the juror's next score sheet gets when its content is new: one above the last sheet
 * exported, above the number of reopenings (a reopening always raises it), and above the revisions this
 * juror's earlier laptop reached (revisionFloor), so a new laptop's sheets supersede the old one's.
 */
export function sheetRevision(db: Db, eventId: string, jurorId: string, last = lastSheetExport(db, eventId, jurorId)): number {
  const reopened = db
    .prepare("SELECT count(*) AS n FROM finalization WHERE event_id = ? AND juror_id = ? AND action = 'reopen'")
    .get(eventId, jurorId) as { n: number };
  return Math.max(last?.revision ?? 0, reopened.n, revisionFloor(db, eventId, jurorId)) + 1;
}

/**
 * Continuity (issue 21): the highest sheet revision a juror reached on an earlier laptop, as this workspace
 * knows it: the sheets it resumed from, and what the secretariat's key change statements in the package say
 * the old key's sheets went up to. 0 when there was no earlier laptop.
 */
export function revisionFloor(db: Db, eventId: string, jurorId: string): number {
  const resumed = db
    .prepare('SELECT max(sheet_revision) AS n FROM resumed_sheet WHERE event_id = ? AND juror_id = ?')
    .get(eventId, jurorId) as { n: number | null };
  const held = db.prepare("SELECT package FROM event WHERE id = ? AND source = 'package'").get(eventId) as
    { package: string | null } | undefined;
  const stated = held?.package
    ? packageKeyFacts(held.package)
        .jurorKeyChanges.filter((c) => c.jurorId === jurorId)
        .map((c) => c.continuesAfterRevision)
    : [];
  return Math.max(resumed.n ?? 0, ...stated);
}

function lastSheetExport(db: Db, eventId: string, jurorId: string): { revision: number; contentHash: string } | undefined {
  return db
    .prepare(
      'SELECT revision, content_hash AS contentHash FROM sheet_export WHERE event_id = ? AND juror_id = ? ORDER BY revision DESC LIMIT 1',
    )
    .get(eventId, jurorId) as { revision: number; contentHash: string } | undefined;
}

/**
 * The revision for a sheet with this content: the last one's again when nothing changed (the secretariat
 * then sees an identical copy), else the next. Recorded, so the next export knows.
 */
export function sheetRevisionFor(db: Db, eventId: string, jurorId: string, contentHash: string, now = new Date()): number {
  const last = lastSheetExport(db, eventId, jurorId);
  if (last?.contentHash === contentHash) return last.revision;
  const revision = sheetRevision(db, eventId, jurorId, last);
  db.prepare('INSERT INTO sheet_export (event_id, juror_id, revision, content_hash, exported_at) VALUES (?, ?, ?, ?, ?)').run(
    eventId,
    jurorId,
    revision,
    contentHash,
    now.toISOString(),
  );
  return revision;
}

/** A mark's key must name a juror, round, nominee and criterion that belong together, open and not locked. */
function checkScoreKey(db: Db, event: Event, key: ScoreKey) {
  const juror = event.jurors.find((j) => j.id === key.jurorId);
  if (!juror) throw refuse(say.jurorNotInEvent({ jurorId: key.jurorId }));
  const nominee = requireNominee(event, key.nomineeId);
  const { round } = requireRoundCategory(event, key.roundId, nominee.categoryId);
  const criterion = event.criteria.find((c) => c.code === key.criterionCode);
  if (!criterion || criterion.roundId !== round.id || !criterion.categoryIds.includes(nominee.categoryId)) {
    throw refuse(say.criterionNotScored({ criterionCode: key.criterionCode, nominee: nominee.name, round: round.name }));
  }
  requireAssigned(event, juror.id, round.id, nominee.categoryId);
  const conflict = conflictsOf(db, event, juror.id).get(nominee.id);
  if (conflict) {
    throw new AppError('forbidden', say.notScoringConflict({ reason: conflict.reason, jurorId: juror.id, nominee: nominee.name }));
  }
  const admitted = roundNominees(event, round, nominee.categoryId);
  if (!admitted) {
    throw new AppError('forbidden', say.roundNotOpen({ round: round.name }));
  }
  if (!admitted.some((n) => n.id === nominee.id)) {
    throw new AppError('forbidden', say.notOnShortlist({ nominee: nominee.name, round: round.name }));
  }
  requireUnlocked(db, event, juror.id, round.id, nominee.categoryId);
  return criterion;
}

/** Issue 16: a juror scores only the sections the secretariat assigned (Penugasan); elsewhere the laptop refuses marks. */
function requireAssigned(event: Event, jurorId: string, roundId: string, categoryId: string): void {
  if (isAssigned(event, jurorId, roundId, categoryId)) return;
  const { round, category } = requireRoundCategory(event, roundId, categoryId);
  throw new AppError('forbidden', say.notAssigned({ jurorId, round: round.name, category: category.name }));
}

function requireUnlocked(db: Db, event: Event, jurorId: string, roundId: string, categoryId: string): void {
  if (isFinalized(db, event.id, jurorId, roundId, categoryId)) {
    const { round, category } = requireRoundCategory(event, roundId, categoryId);
    throw new AppError('forbidden', say.locked({ round: round.name, category: category.name }));
  }
}

function requireNominee(event: Event, nomineeId: string) {
  const nominee = event.nominees.find((n) => n.id === nomineeId);
  if (!nominee) throw refuse(say.nomineeNotInEvent({ nomineeId }));
  return nominee;
}

function requireRoundCategory(event: Event, roundId: string, categoryId: string) {
  const round = event.rounds.find((r) => r.id === roundId);
  if (!round) throw refuse(say.roundNotInEvent({ roundId }));
  const category = event.categories.find((c) => c.id === categoryId);
  if (!category || !round.categoryIds.includes(categoryId)) {
    throw refuse(say.categoryNotInRound({ categoryId, round: round.name }));
  }
  return { round, category };
}
