/**
 * Score sheets. The juror exports a signed sheet of the rounds asked (a backup after); the secretariat's
 * inbox takes sheets in (verified in a worker thread of the pool; a backup after the valid ones, shared
 * among imports at once), lists them with the completeness of what came in, rechecks, removes, and accepts
 * a key a sheet was signed with.
 */
import type { Handlers } from '../../api/contract.ts';
import type { sheetMethods } from '../../api/contract/sheets.ts';
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import { excusedCompleteness } from '../attendance/attendance.ts';
import { findEventRecord } from '../events/event-store.ts';
import { fileBytes, fileData } from '../file-data.ts';
import { acceptedKeys, acceptKey, listReceived, receiveSheet, recheckSheets, removedSheets, removeSheet } from '../merge/sheet-inbox.ts';
import { refuseWhileFixed } from '../events/fixed-results.ts';
import { writeScoreSheet } from '../sheets/score-sheet.ts';
import { sheetPayloadFromWorkspace } from '../sheets/sheet-export.ts';
import { verifyPool } from '../workers/verify-pool.ts';
import type { Services } from './services.ts';

export function sheetHandlers({
  workspace,
  keys,
  juror,
  secretariat,
  withBackup,
  withSharedBackup,
}: Services): Pick<Handlers, keyof typeof sheetMethods> {
  const { db } = workspace;
  return {
    exportSheet: withBackup(
      'ekspor-lembar',
      juror.asJuror(async ({ event, jurorId }, { eventId, name, roundIds }) => {
        const unknown = roundIds.filter((id) => !event.rounds.some((r) => r.id === id));
        if (unknown.length) throw new AppError('invalid-input', handlerMessages.unknownRounds({ roundIds: unknown }));
        const key = keys.requireUnlocked();
        juror.rememberName(eventId, name);
        const payload = sheetPayloadFromWorkspace(db, event, jurorId, name, roundIds, findEventRecord(db, eventId)!.revision, key);
        return fileData(`lembar-nilai-${jurorId}-revisi-${payload.sheetRevision}.xlsx`, await writeScoreSheet(payload, key));
      }),
    ),

    // Verified in a worker thread of the pool: several files imported at once verify side by side, stored in the order asked.
    importSheet: withSharedBackup(
      'impor-lembar',
      ({ eventId, file }) => receiveSheet(db, secretariat.event(eventId), fileBytes(file), file.fileName, new Date(), verifyPool().verify),
      // Only a sheet whose marks can count is worth a backup; a refused file adds nothing to restore.
      (received) => !received.again && received.sheet.status === 'valid',
    ),
    listSheets: ({ eventId }) => {
      const { sheets, reconciliation } = listReceived(db, secretariat.event(eventId));
      // Issue 16: excused sections (berhalangan) read "excused".
      return {
        sheets: secretariat.labelled(eventId, sheets),
        completeness: excusedCompleteness(db, eventId, reconciliation.completeness),
        acceptedKeys: acceptedKeys(db, eventId),
      };
    },
    acceptKey: async ({ eventId, sheetId, acceptedBy }) => {
      await acceptKey(db, secretariat.event(eventId), sheetId, acceptedBy);
      return {};
    },
    recheckSheets: async ({ eventId }) => {
      const event = secretariat.event(eventId);
      refuseWhileFixed(db, eventId, handlerMessages.recheckingSheets());
      return { changed: await recheckSheets(db, event) };
    },
    removeSheet: ({ eventId, sheetId, reason, removedBy }) => {
      removeSheet(db, secretariat.event(eventId), sheetId, reason, removedBy);
      return {};
    },
    listRemovedSheets: ({ eventId }) => removedSheets(db, eventId),
  };
}
