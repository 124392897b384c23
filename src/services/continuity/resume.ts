/**
 * A juror resumes from their own sheet (issue 21, item 2). The old laptop is gone; on the new one the juror
 * imported the package, chose who they are, made a key, enrolled it, and imported the package that carries
 * it. Now they import their own last signed sheet(s): each is verified as the secretariat would (the
 * signature with the key that signed it, which must be this juror's key in the package or an earlier key the
 * package's secretariat-signed key change binds to this juror; the content against the event, sheet-content.ts)
 * and its marks come back as new history rows whose origin names the sheet ("dipulihkan dari lembar J3
 * revisi 4"); notes and declared conflicts come back too, finalized sections are finalized again, and the
 * next sheet this laptop exports has a higher revision than any it resumed from (score-store revisionFloor).
 *
 * Nothing typed on this laptop is overwritten: a mark that differs from the sheet is refused, naming it,
 * unless it was itself restored from a lower revision. All of one import is written in one transaction, or none.
 */
import { createHash } from 'node:crypto';
import type { Bilingual } from '../../core/model.ts';
import { roundNominees } from '../../core/scoring.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { AppError } from '../../api/errors.ts';
import { findEventRecord, getEvent } from '../events/event-store.ts';
import type { KeyStore } from '../keys/key-store.ts';
import { fingerprint } from '../keys/signing.ts';
import { packageJurorKeys, packageKeyFacts } from '../packages/event-package.ts';
import { previousKeysByJuror } from '../packages/key-statements.ts';
import {
  conflictsOf,
  currentNotes,
  finalizeRound,
  isFinalized,
  latestScore,
  recordScore,
  revisionFloor,
  sheetRevision,
  type ScoreOrigin,
} from '../scores/score-store.ts';
import { verifyScoreSheet } from '../sheets/score-sheet.ts';
import type { SheetPayload, SheetSection } from '../sheets/sheet-payload.ts';
import type { Db } from '../workspace/workspace.ts';
import { withPreviousKeys } from './juror-keys.ts';
import { continuityMessages } from '../../core/messages/continuity.ts';

export interface ResumeFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface ResumedSheet {
  fileName: string;
  sheetRevision: number;
  /** Fingerprint of the key that signed it. */
  signedWith: string;
  /** Signed with an earlier key of this juror (bound by the secretariat's key change), not this laptop's. */
  previousKey: boolean;
  marks: number;
  resumedAt: string;
}

export interface ResumeResult {
  sheets: ResumedSheet[];
  /** Marks written as new history rows. */
  marks: number;
  /** Marks that were already here with the same value. */
  unchanged: number;
  /** Marks for nominees the round no longer admits (a shortlist issued since): not restored, as the merge would not count them. */
  notAdmitted: number;
  notes: number;
  conflicts: number;
  /** Sections finalized again, and those the sheet had final but that cannot be final under the event now (with why). */
  finalized: { roundId: string; categoryId: string }[];
  notFinalized: { roundId: string; categoryId: string; reason: Bilingual }[];
  /** The revision this laptop's next sheet will have. */
  nextSheetRevision: number;
}

export interface ResumeStatus {
  jurorId: string | null;
  /** The package carries this laptop's key for the juror: resuming is possible. */
  ready: boolean;
  /** Fingerprints of the juror's earlier keys the package binds to them. */
  previousKeys: string[];
  resumed: ResumedSheet[];
  nextSheetRevision: number | null;
}

function scope(db: Db, eventId: string) {
  const record = findEventRecord(db, eventId);
  if (record?.origin.source !== 'package') {
    throw new AppError('forbidden', continuityMessages.resumeOnlyOnJurorLaptop());
  }
  return { record, origin: record.origin };
}

export function resumeStatus(db: Db, keys: KeyStore, eventId: string): ResumeStatus {
  const { record, origin } = scope(db, eventId);
  const jurorId = record.jurorId;
  const own = keys.status().publicKey;
  const carried = jurorId ? packageJurorKeys(origin.packageText).find((k) => k.jurorId === jurorId) : undefined;
  const previous = jurorId
    ? packageKeyFacts(origin.packageText)
        .jurorKeyChanges.filter((c) => c.jurorId === jurorId)
        .map((c) => c.previous.fingerprint)
    : [];
  return {
    jurorId,
    ready: carried !== undefined && own !== undefined && carried.publicKey === own,
    previousKeys: previous,
    resumed: jurorId ? listResumed(db, eventId, jurorId) : [],
    nextSheetRevision: jurorId ? sheetRevision(db, eventId, jurorId) : null,
  };
}

export function listResumed(db: Db, eventId: string, jurorId: string): ResumedSheet[] {
  const rows = db
    .prepare(
      'SELECT file_name, sheet_revision, signed_with, marks, resumed_at FROM resumed_sheet WHERE event_id = ? AND juror_id = ? ORDER BY seq',
    )
    .all(eventId, jurorId) as { file_name: string; sheet_revision: number; signed_with: string; marks: number; resumed_at: string }[];
  const carried = packageJurorKeys(scope(db, eventId).origin.packageText).find((k) => k.jurorId === jurorId)?.publicKey;
  return rows.map((r) => ({
    fileName: r.file_name,
    sheetRevision: r.sheet_revision,
    signedWith: fingerprint(r.signed_with),
    previousKey: r.signed_with !== carried,
    marks: r.marks,
    resumedAt: r.resumed_at,
  }));
}

/** Verifies, then restores, the juror's own sheets (see the module's comment). */
export async function resumeFromSheets(
  db: Db,
  keys: KeyStore,
  eventId: string,
  files: readonly ResumeFile[],
  now = new Date(),
): Promise<ResumeResult> {
  const { record, origin } = scope(db, eventId);
  const jurorId = record.jurorId;
  if (!jurorId) throw new AppError('not-found', continuityMessages.chooseWhoYouAre());
  const own = keys.status();
  const carried = packageJurorKeys(origin.packageText).find((k) => k.jurorId === jurorId);
  if (!own.publicKey || !carried || carried.publicKey !== own.publicKey) {
    throw new AppError('conflict', continuityMessages.keyNotInPackageYet({ revision: record.revision, jurorId }));
  }
  if (files.length === 0) throw new AppError('invalid-input', continuityMessages.chooseYourSheet());
  const event = getEvent(db, eventId);
  const previous = previousKeysByJuror(packageKeyFacts(origin.packageText).jurorKeyChanges.filter((c) => c.jurorId === jurorId));
  const verify = withPreviousKeys(verifyScoreSheet, previous);
  const context = { event, latestPackageRevision: record.revision, jurorKeys: new Map([[jurorId, carried.publicKey]]) };

  const verified: { file: ResumeFile; payload: SheetPayload; signingKey: string }[] = [];
  for (const file of files) {
    const result = await verify(file.bytes, file.fileName, context);
    if (result.status === 'valid' && result.payload && result.signingKey) {
      verified.push({ file, payload: result.payload, signingKey: result.signingKey });
      continue;
    }
    if (result.juror && result.juror !== jurorId) {
      throw new AppError('forbidden', continuityMessages.notYourSheet({ fileName: file.fileName, juror: result.juror, jurorId }));
    }
    const reasons = result.details.length ? result.details : [continuityMessages.statusOnly({ status: result.status })];
    throw new AppError('invalid-file', continuityMessages.cannotRestore({ fileName: file.fileName, status: result.status, reasons }), {
      status: result.status,
      details: result.details,
    });
  }

  // Per round and category, the section of the highest revision among the files given (as reconciliation would).
  const chosen = new Map<string, { payload: SheetPayload; section: SheetSection; file: ResumeFile }>();
  for (const v of [...verified].sort((a, b) => a.payload.sheetRevision - b.payload.sheetRevision)) {
    for (const section of v.payload.sections)
      chosen.set(compositeKey(section.roundId, section.categoryId), { payload: v.payload, section, file: v.file });
  }
  const newest = verified.reduce((a, b) => (b.payload.sheetRevision > a.payload.sheetRevision ? b : a));

  const result: ResumeResult = {
    sheets: [],
    marks: 0,
    unchanged: 0,
    notAdmitted: 0,
    notes: 0,
    conflicts: 0,
    finalized: [],
    notFinalized: [],
    nextSheetRevision: 0,
  };
  const perFile = new Map<ResumeFile, number>();
  db.transaction(() => {
    // Declared conflicts first: the marks of those nominees are not restored (the sheet has none for them).
    const conflicts = conflictsOf(db, event, jurorId);
    for (const declared of newest.payload.declaredConflicts) {
      if (conflicts.has(declared.nomineeId)) continue;
      db.prepare('INSERT INTO declared_conflict (event_id, juror_id, nominee_id, reason, declared_at) VALUES (?, ?, ?, ?, ?)').run(
        event.id,
        jurorId,
        declared.nomineeId,
        declared.reason,
        now.toISOString(),
      );
      result.conflicts++;
    }
    const clashes: string[] = [];
    const notes = new Map(currentNotes(db, event.id, jurorId).map((n) => [compositeKey(n.roundId, n.nomineeId), n.text]));
    for (const { payload, section, file } of chosen.values()) {
      const origin: ScoreOrigin = {
        kind: 'resumed-sheet',
        jurorId,
        sheetRevision: payload.sheetRevision,
        fileName: file.fileName,
        signedWith: payload.juror.fingerprint,
      };
      const locked = isFinalized(db, event.id, jurorId, section.roundId, section.categoryId);
      const round = event.rounds.find((r) => r.id === section.roundId)!;
      const admitted = new Set((roundNominees(event, round, section.categoryId) ?? []).map((n) => n.id));
      for (const nominee of section.nominees) {
        if (nominee.conflict !== null) continue;
        if (!admitted.has(nominee.nomineeId)) {
          result.notAdmitted += Object.values(nominee.marks).filter((m) => m !== null).length;
          continue;
        }
        for (const [criterionCode, mark] of Object.entries(nominee.marks)) {
          if (mark === null) continue;
          const key = { jurorId, roundId: section.roundId, nomineeId: nominee.nomineeId, criterionCode };
          const value = Number(mark);
          const here = latestScore(db, event.id, key);
          if (here?.value === value) {
            result.unchanged++;
            continue;
          }
          // A mark typed here (or restored from this or a newer revision) is never overwritten by a sheet.
          const supersedable =
            here === undefined || here.value === null || (here.origin !== null && here.origin.sheetRevision < payload.sheetRevision);
          if (!supersedable || locked) {
            clashes.push(`${nominee.name} ${criterionCode}: ${here?.value ?? '—'} ≠ ${mark}`);
            continue;
          }
          recordScore(db, event, key, value, now, origin);
          result.marks++;
          perFile.set(file, (perFile.get(file) ?? 0) + 1);
        }
        const noteKey = compositeKey(section.roundId, nominee.nomineeId);
        if (nominee.note !== '' && notes.get(noteKey) !== nominee.note && !locked) {
          db.prepare('INSERT INTO note (event_id, juror_id, round_id, nominee_id, text, recorded_at) VALUES (?, ?, ?, ?, ?, ?)').run(
            event.id,
            jurorId,
            section.roundId,
            nominee.nomineeId,
            nominee.note,
            now.toISOString(),
          );
          notes.set(noteKey, nominee.note);
          result.notes++;
        }
      }
    }
    if (clashes.length > 0) {
      throw new AppError('conflict', continuityMessages.otherMarksHere({ count: clashes.length, shown: clashes.slice(0, 8).join('; ') }), {
        clashes,
      });
    }
    for (const { section } of chosen.values()) {
      if (!section.finalized || isFinalized(db, event.id, jurorId, section.roundId, section.categoryId)) continue;
      try {
        finalizeRound(db, event, jurorId, section.roundId, section.categoryId, now);
        result.finalized.push({ roundId: section.roundId, categoryId: section.categoryId });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        result.notFinalized.push({ roundId: section.roundId, categoryId: section.categoryId, reason: error.bilingual });
      }
    }
    for (const v of verified) {
      const marks = perFile.get(v.file) ?? 0;
      db.prepare(
        'INSERT INTO resumed_sheet (event_id, juror_id, sheet_revision, file_name, file_hash, signed_with, marks, resumed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        event.id,
        jurorId,
        v.payload.sheetRevision,
        v.file.fileName,
        createHash('sha256').update(v.file.bytes).digest('hex'),
        v.signingKey,
        marks,
        now.toISOString(),
      );
      result.sheets.push({
        fileName: v.file.fileName,
        sheetRevision: v.payload.sheetRevision,
        signedWith: fingerprint(v.signingKey),
        previousKey: v.signingKey !== carried.publicKey,
        marks,
        resumedAt: now.toISOString(),
      });
    }
  })();
  result.nextSheetRevision = sheetRevision(db, event.id, jurorId);
  // By construction above every resumed revision: revisionFloor counts resumed_sheet.
  if (result.nextSheetRevision <= revisionFloor(db, event.id, jurorId))
    throw new AppError('internal', continuityMessages.revisionDidNotRise());
  return result;
}
