/**
 * The real Paritrana shape (issue 16; contract in src/api/contract/shape.ts): special awards, the audit
 * before the penetapan, the penetapan, and the panel's attendance.
 */
import type { Handlers } from '../../api/contract.ts';
import type { AuditView, shapeMethods } from '../../api/contract/shape.ts';
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import type { Event, MergeRule } from '../../core/model.ts';
import { recordSpecialAward, specialAwards } from '../awards/special-awards.ts';
import { acknowledgeFlags, auditRecords, confirmVerification, flagKey, samePerson, setAsideSheet } from '../audit/audit.ts';
import { fixWorkspaceResults, workspaceAudit } from '../audit/workspace-audit.ts';
import { authoredEvent } from '../events/authored.ts';
import { fileData } from '../file-data.ts';
import type { Services } from './services.ts';
import { listReceived } from '../merge/sheet-inbox.ts';
import { refuseWhileFixed } from '../events/fixed-results.ts';
import { refuseIfChangesFixed } from '../penetapan/guard.ts';
import { absences, addReplacement, panelOf, recordAbsence, withdrawAbsence } from '../attendance/attendance.ts';
import { findEventRecord } from '../events/event-store.ts';
import { deliberation } from '../merge/deliberation.ts';
import { PENETAPAN_EXTENSION, penetapanFile, penetapanState, reopenPenetapan } from '../penetapan/penetapan.ts';
import { minutesStatus } from '../penetapan/status.ts';
import type { Db } from '../workspace/workspace.ts';

/** The audit screen's data: the checklist, the flags and sheets people act on, the confirmation and the penetapan. */
function auditView(db: Db, event: Event, rule: MergeRule): AuditView {
  const { audit, result } = workspaceAudit(db, event, rule);
  const records = auditRecords(db, event.id);
  const { sheets } = listReceived(db, event);
  return {
    ...audit,
    flags: result.flags.map((f) => ({
      key: flagKey(f),
      jurorId: f.jurorId,
      roundId: f.roundId,
      nomineeId: f.nomineeId,
      criterionCode: f.criterionCode,
      value: f.value,
      median: f.median,
      acknowledged: records.flags.get(flagKey(f)) ?? null,
    })),
    sheets: sheets
      .filter((s) => ['tampered', 'bad-signature', 'unknown-key', 'invalid-content'].includes(s.status) || s.use === 'conflict')
      .map((s) => ({
        id: s.id,
        fileName: s.fileName,
        fileHash: s.fileHash,
        status: s.status,
        use: s.use,
        jurorId: s.jurorId,
        setAside: records.setAside.get(s.fileHash) ?? null,
      })),
    confirmation: records.confirmation,
    penetapan: penetapanState(db, event.id),
    final: minutesStatus(db, event, result).final,
  };
}

export function shapeHandlers({ workspace, keys }: Services): Pick<Handlers, keyof typeof shapeMethods> {
  const { db } = workspace;
  return {
    recordSpecialAward: ({ eventId, ...input }) => {
      const event = authoredEvent(db, eventId);
      // While the results are fixed, a special award that would change them waits for a reopening.
      const kept = specialAwards(db, eventId).filter((a) => !(a.categoryId === input.categoryId && a.name === input.name));
      const next = input.nomineeId === null ? kept : [...kept, { ...input, nomineeId: input.nomineeId, recordedAt: '' }];
      refuseIfChangesFixed(db, event, handlerMessages.specialAward(), { special: next });
      recordSpecialAward(db, event, input);
      return specialAwards(db, eventId);
    },
    listSpecialAwards: ({ eventId }) => {
      authoredEvent(db, eventId);
      return specialAwards(db, eventId);
    },

    audit: ({ eventId, rule }) => auditView(db, authoredEvent(db, eventId), rule),
    acknowledgeFlags: ({ eventId, rule, keys: flagKeys, by, note }) => {
      const event = authoredEvent(db, eventId);
      const known = new Set(workspaceAudit(db, event, rule).result.flags.map(flagKey));
      const unknown = flagKeys.filter((k) => !known.has(k));
      if (unknown.length > 0) {
        throw new AppError('not-found', handlerMessages.flagsNotFound({ keys: unknown }));
      }
      acknowledgeFlags(db, eventId, flagKeys, by, note);
      return auditView(db, event, rule);
    },
    setAsideSheet: ({ eventId, rule, sheetId, by, note }) => {
      const event = authoredEvent(db, eventId);
      const sheet = listReceived(db, event).sheets.find((s) => s.id === sheetId);
      if (!sheet) throw new AppError('not-found', handlerMessages.sheetNotInEvent({ sheetId }));
      if (sheet.status === 'valid' && sheet.use !== 'conflict') {
        throw new AppError('invalid-input', handlerMessages.nothingToSetAside({ fileName: sheet.fileName }));
      }
      setAsideSheet(db, eventId, sheet.fileHash, by, note);
      return auditView(db, event, rule);
    },
    confirmVerification: ({ eventId, rule, operator, confirmedBy }) => {
      const event = authoredEvent(db, eventId);
      if (samePerson(operator, confirmedBy)) {
        throw new AppError('invalid-input', handlerMessages.secondPersonConfirms());
      }
      confirmVerification(db, eventId, operator, confirmedBy, workspaceAudit(db, event, rule).audit.filesHash);
      return auditView(db, event, rule);
    },
    fixResults: ({ eventId, rule, fixedBy }) => {
      const event = authoredEvent(db, eventId);
      fixWorkspaceResults(db, event, rule, fixedBy, keys.requireUnlocked());
      return penetapanState(db, eventId);
    },
    reopenPenetapan: ({ eventId, reason, by }) => {
      authoredEvent(db, eventId);
      return reopenPenetapan(db, eventId, reason, by);
    },
    penetapanState: ({ eventId }) => {
      authoredEvent(db, eventId);
      return penetapanState(db, eventId);
    },
    listAbsences: ({ eventId }) => {
      authoredEvent(db, eventId);
      return absences(db, eventId);
    },
    recordAbsence: ({ eventId, ...input }) => {
      // The penetapan records who was absent: changing that waits for a reopening.
      refuseWhileFixed(db, eventId, handlerMessages.recordingAbsence());
      return recordAbsence(db, authoredEvent(db, eventId), input);
    },
    withdrawAbsence: ({ eventId, ...input }) => {
      refuseWhileFixed(db, eventId, handlerMessages.withdrawingAbsence());
      return withdrawAbsence(db, authoredEvent(db, eventId), input);
    },
    addReplacement: ({ eventId, ...input }) => {
      addReplacement(db, authoredEvent(db, eventId), input);
      return { revision: findEventRecord(db, eventId)!.revision };
    },
    panelChecks: ({ eventId, rule }) => {
      const event = authoredEvent(db, eventId);
      return { sections: panelOf(event, deliberation(db, event, rule)) };
    },
    exportPenetapan: ({ eventId, version }) => {
      authoredEvent(db, eventId);
      const file = penetapanFile(db, eventId, version);
      return fileData(`penetapan-${eventId}-versi-${file.version}${PENETAPAN_EXTENSION}`, file.text);
    },
  };
}
