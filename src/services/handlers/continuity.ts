/**
 * Continuity (issue 21; src/services/continuity/): moving a workspace to another laptop, a juror resuming from
 * their own sheet, a juror's key change and the secretariat's recovery key and rollover, and the runbook,
 * printed through the same printing service as the report.
 */
import type { Handlers } from '../../api/contract.ts';
import type { continuityMethods } from '../../api/contract/continuity.ts';
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import { runbookMessages } from '../../core/messages/continuity.ts';
import { authoredEvent } from '../events/authored.ts';
import { listEvents } from '../events/event-store.ts';
import { fileBytes, fileData } from '../file-data.ts';
import { printer, type Services } from './services.ts';
import { listKeyChanges, reenrol } from '../continuity/juror-keys.ts';
import { resumeFromSheets, resumeStatus } from '../continuity/resume.ts';
import { recoveryCodeHtml } from '../continuity/recovery-page.ts';
import { runbookHtml } from '../continuity/runbook.ts';
import {
  createRecoveryKey,
  currentRecoveryKey,
  listRollovers,
  recoveryFileText,
  recoveryKeyFromCode,
  takeOverEvent,
} from '../continuity/secretariat-keys.ts';
import { exportWorkspace, importWorkspace, MOVE_EXTENSION } from '../continuity/workspace-move.ts';
import { listReceived } from '../merge/sheet-inbox.ts';
import { readPackage } from '../packages/event-package.ts';
import { readEnrolment } from '../packages/enrolment.ts';

export function continuityHandlers({ workspace, keys, printing, withBackup }: Services): Pick<Handlers, keyof typeof continuityMethods> {
  const { db } = workspace;
  const stamp = (at: Date) => at.toISOString().slice(0, 16).replaceAll(':', '');
  return {
    exportMovedWorkspace: ({ passphrase }) => {
      const now = new Date();
      const name = listEvents(db)[0]?.id ?? 'berkas-kerja';
      return fileData(`${name}-pindahan-${stamp(now)}${MOVE_EXTENSION}`, exportWorkspace(workspace, keys, passphrase, now));
    },
    importMovedWorkspace: async ({ file, passphrase, replace }) =>
      importWorkspace(workspace, keys, fileBytes(file), file.fileName, passphrase, { replace }),

    resumeStatus: ({ eventId }) => resumeStatus(db, keys, eventId),
    resumeFromSheets: withBackup('lanjut-dari-lembar', ({ eventId, files }) =>
      resumeFromSheets(
        db,
        keys,
        eventId,
        files.map((f) => ({ fileName: f.fileName, bytes: fileBytes(f) })),
      ),
    ),

    reenrolJuror: async ({ eventId, file, reason }) => {
      const payload = readEnrolment(fileBytes(file), file.fileName);
      if (payload.eventId !== eventId) {
        throw new AppError('conflict', handlerMessages.enrolmentForOtherEvent({ fileName: file.fileName, eventId: payload.eventId }));
      }
      authoredEvent(db, eventId);
      const { enrolment, change } = await reenrol(db, payload, file.fileName, reason);
      return { enrolment, changed: change !== null };
    },
    jurorKeyChanges: ({ eventId }) => {
      const event = authoredEvent(db, eventId);
      const changes = listKeyChanges(db, eventId);
      if (changes.length === 0) return [];
      const { sheets } = listReceived(db, event);
      return changes.map((c) => ({
        jurorId: c.jurorId,
        previousFingerprint: c.previousFingerprint,
        nextFingerprint: c.nextFingerprint,
        continuesAfterRevision: c.continuesAfterRevision,
        reason: c.reason,
        changedAt: c.changedAt,
        sheets: sheets
          .filter((s) => s.jurorId === c.jurorId && (s.signedWith === c.previousFingerprint || s.signedWith === c.nextFingerprint))
          .map((s) => ({
            fileName: s.fileName,
            sheetRevision: s.sheetRevision,
            key: s.signedWith === c.previousFingerprint ? ('previous' as const) : ('next' as const),
            status: s.status,
            use: s.use,
          })),
      }));
    },

    recoveryKeyStatus: () => {
      const recovery = currentRecoveryKey(db);
      return { recovery: recovery && { fingerprint: recovery.fingerprint, createdAt: recovery.createdAt } };
    },
    createRecoveryKey: ({ eventId }) => {
      if (keys.status().state === 'none') {
        throw new AppError('not-found', handlerMessages.recoveryNeedsSigningKey());
      }
      const made = createRecoveryKey(db);
      const eventName = eventId ? (listEvents(db).find((e) => e.id === eventId)?.name ?? null) : null;
      return {
        fingerprint: made.fingerprint,
        createdAt: made.createdAt,
        code: made.code,
        file: fileData(`kode-pemulihan-sekretariat-${made.fingerprint.slice(0, 5)}.txt`, recoveryFileText(made, eventName)),
      };
    },
    recoveryCodePdf: async ({ code, lang }) => {
      const recovery = currentRecoveryKey(db);
      const key = recoveryKeyFromCode(code);
      if (!recovery || recovery.publicKey !== key.publicKey) {
        throw new AppError('forbidden', handlerMessages.notThisRecoveryCode());
      }
      const events = listEvents(db).filter((e) => e.source === 'authored');
      return fileData(
        `kode-pemulihan-sekretariat-${recovery.fingerprint.slice(0, 5)}.pdf`,
        await printing.toPdf(
          recoveryCodeHtml(
            { ...recovery, code },
            events.map((e) => e.name),
            lang,
          ),
        ),
      );
    },
    takeOverEvent: ({ package: file, recoveryCode, reason }) => {
      const pkg = readPackage(fileBytes(file), file.fileName);
      return takeOverEvent(db, keys.requireUnlocked(), pkg, { kind: 'recovery', code: recoveryCode }, reason);
    },
    secretariatRollovers: ({ eventId }) => listRollovers(db, eventId),

    runbookHtml: ({ lang }) => ({ html: runbookHtml(lang) }),
    runbookPdf: async ({ lang }) => fileData(runbookMessages.fileName()[lang], await printing.toPdf(runbookHtml(lang))),
    printRunbook: async ({ lang }) => {
      const print = printer(printing);
      await print(runbookHtml(lang));
      return {};
    },
  };
}
