/**
 * Assembling the signed payload of a juror's score sheet: from the juror's workspace (the app and
 * `timbang sheet export`), or from generated marks (`timbang demo`). One builder serves both.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../api/errors.ts';
import { compositeKey } from '../../core/composite-key.ts';
import { eventTimeZone } from '../../core/local-time.ts';
import { sheetWritingMessages } from '../../core/messages/sheet-writing.ts';
import type { Event } from '../../core/model.ts';
import { canonicalScore } from '../../core/scale.ts';
import { roundNominees } from '../../core/scoring.ts';
import { isAssigned } from '../../core/quorum.ts';
import type { UnlockedKey } from '../keys/key-store.ts';
import { canonicalJson } from '../keys/signing.ts';
import { conflictsOf, currentNotes, currentScores, isFinalized, sheetRevisionFor } from '../scores/score-store.ts';
import type { Db } from '../workspace/workspace.ts';
import { SHEET_FORMAT, type SheetPayload } from './sheet-payload.ts';
import { dossierHash } from '../packages/package-documents.ts';

export interface SheetContent {
  event: Event;
  jurorId: string;
  jurorName: string;
  roundIds: readonly string[];
  marks: readonly { roundId: string; nomineeId: string; criterionCode: string; value: number }[];
  notes: readonly { roundId: string; nomineeId: string; text: string }[];
  /** Every conflict of this juror (event and declared), nominee id → reason. */
  conflicts: ReadonlyMap<string, string>;
  declaredConflicts: readonly { nomineeId: string; reason: string }[];
  isFinalized(roundId: string, categoryId: string): boolean;
  packageRevision: number;
  sheetRevision: number;
  exportedAt: string;
  key: UnlockedKey;
}

export function sheetPayload(content: SheetContent): SheetPayload {
  const { event } = content;
  const juror = event.jurors.find((j) => j.id === content.jurorId);
  if (!juror) throw new AppError('not-found', sheetWritingMessages.exportJurorNotInEvent({ jurorId: content.jurorId }));
  const mark = new Map(content.marks.map((m) => [compositeKey(m.roundId, m.nomineeId, m.criterionCode), m.value]));
  const note = new Map(content.notes.map((n) => [compositeKey(n.roundId, n.nomineeId), n.text]));
  const rounds = event.rounds.filter((r) => content.roundIds.includes(r.id)).sort((a, b) => a.order - b.order);
  return {
    format: SHEET_FORMAT,
    formatVersion: 1,
    eventId: event.id,
    eventName: event.name,
    place: event.place,
    packageRevision: content.packageRevision,
    sheetRevision: content.sheetRevision,
    exportedAt: content.exportedAt,
    timeZone: eventTimeZone(event),
    juror: {
      id: juror.id,
      name: content.jurorName,
      role: juror.role,
      title: juror.title,
      institution: juror.institution,
      publicKey: content.key.publicKey,
      fingerprint: content.key.fingerprint,
    },
    declaredConflicts: [...content.declaredConflicts],
    sections: rounds.flatMap((round) =>
      event.categories
        // Issue 16: only the sections the juror is assigned (Penugasan).
        .filter(
          (category) =>
            round.categoryIds.includes(category.id) &&
            roundNominees(event, round, category.id) !== null &&
            isAssigned(event, juror.id, round.id, category.id),
        )
        .map((category) => {
          const criteria = event.criteria.filter((c) => c.roundId === round.id && c.categoryIds.includes(category.id));
          return {
            roundId: round.id,
            roundOrder: round.order,
            roundName: round.name.id,
            categoryId: category.id,
            categoryName: category.name.id,
            finalized: content.isFinalized(round.id, category.id),
            criteria: criteria.map((c) => ({ code: c.code, label: c.label.id, weight: c.weight, scaleMax: c.scale.max })),
            nominees: roundNominees(event, round, category.id)!.map((nominee) => {
              const conflict = content.conflicts.get(nominee.id) ?? null;
              return {
                nomineeId: nominee.id,
                // † as everywhere else: a demo sheet passed around must not pass for a real one.
                name: nominee.fictional ? `${nominee.name}†` : nominee.name,
                region: nominee.region,
                conflict,
                marks: Object.fromEntries(
                  criteria.map((c) => {
                    const value = conflict === null ? mark.get(compositeKey(round.id, nominee.id, c.code)) : undefined;
                    return [c.code, value === undefined ? null : canonicalScore(value, c.scale)];
                  }),
                ),
                note: note.get(compositeKey(round.id, nominee.id)) ?? '',
              };
            }),
          };
        }),
    ),
  };
}

/** The payload of the sheet a juror's laptop exports now, from what is stored in its workspace. */
export function sheetPayloadFromWorkspace(
  db: Db,
  event: Event,
  jurorId: string,
  jurorName: string,
  roundIds: readonly string[],
  packageRevision: number,
  key: UnlockedKey,
  now = new Date(),
): SheetPayload {
  const conflicts = conflictsOf(db, event, jurorId);
  const payload = sheetPayload({
    event,
    jurorId,
    jurorName,
    roundIds,
    marks: currentScores(db, event.id, jurorId).flatMap((m) => (m.value === null ? [] : [{ ...m, value: m.value }])),
    notes: currentNotes(db, event.id, jurorId),
    conflicts: new Map([...conflicts].map(([id, c]) => [id, c.reason])),
    declaredConflicts: [...conflicts].filter(([, c]) => c.declared).map(([nomineeId, c]) => ({ nomineeId, reason: c.reason })),
    isFinalized: (roundId, categoryId) => isFinalized(db, event.id, jurorId, roundId, categoryId),
    packageRevision,
    sheetRevision: 0, // below: it depends on whether this content was exported before
    exportedAt: now.toISOString(),
    key,
  });
  // Issue 17: the dossier of the package revision seen, so the sheet says what evidence was in front of the juror.
  const dossier = dossierHash(event);
  if (dossier) payload.dossierHash = dossier;
  const { sheetRevision: _revision, exportedAt: _at, timeZone: _zone, ...content } = payload;
  const contentHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return { ...payload, sheetRevision: sheetRevisionFor(db, event.id, jurorId, contentHash, now) };
}
