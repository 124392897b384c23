/**
 * The secretariat's set-up: the Excel template, the event's basic fields, jurors' key enrolment and
 * the signed event package. Every change to an authored event raises its revision.
 */
import type { Handlers } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import type { Event, MergeRule } from '../core/model.ts';
import { formatIssue, validateEvent } from '../core/validate-event.ts';
import { fileBytes, fileData } from './file-data.ts';
import { authoredEvent, replacementChanges, saveAuthored, withIssuedShortlists } from './events/authored.ts';
import { findEventRecord, getEventSummary } from './events/event-store.ts';
import { readEventTemplate, writeEventTemplate } from './events/event-template.ts';
import { confirmEnrolment, enrol, enrolledKeys, listEnrolments, readEnrolment, removeEnrolment } from './packages/enrolment.ts';
import { PACKAGE_EXTENSION, writePackage } from './packages/event-package.ts';
import { bundleDocuments, documentKey } from './packages/package-documents.ts';
import { packageContinuity } from './continuity/secretariat-keys.ts';
import { withKeyChangeNotes } from './continuity/juror-keys.ts';
import type { Services } from './handlers.ts';
import { deliberation, deliberationSummary, nomineeProtocol, recordDecision, requireMarks } from './merge/deliberation.ts';
import { writeRekapitulasi } from './merge/rekapitulasi.ts';
import { issueShortlist } from './merge/shortlist.ts';
import { localIsoTime } from './report/date-words.ts';
import { backupWorkspace } from './workspace/backup.ts';
import { reportHtml } from './report/report-html.ts';
// Issue 16: the report is final only under a penetapan for exactly these results; a draft otherwise.
import { reportMinutes } from './audit/workspace-audit.ts';
import { absences, excusedCompleteness } from './attendance/attendance.ts';
import {
  withDossierHashes,
  acceptKey,
  acceptedKeys,
  listReceived,
  receiveSheet,
  recheckSheets,
  removedSheets,
  removeSheet,
  type ReceivedSheet,
} from './merge/sheet-inbox.ts';
import { penetapanState } from './penetapan/penetapan.ts';
import { refuseWhileFixed } from './penetapan/guard.ts';
import { verifyPool } from './workers/verify-pool.ts';
import { withPaperLabels } from './paper/paper-labels.ts';

type SecretariatMethods =
  | 'eventTemplate'
  | 'importEventTemplate'
  | 'updateEventBasics'
  | 'importEnrolment'
  | 'confirmEnrolment'
  | 'removeEnrolment'
  | 'listEnrolments'
  | 'exportPackage'
  | 'importSheet'
  | 'listSheets'
  | 'recheckSheets'
  | 'removeSheet'
  | 'listRemovedSheets'
  | 'acceptKey'
  | 'deliberation'
  | 'nomineeProtocol'
  | 'exportRekapitulasi'
  | 'recordDecision'
  | 'issueShortlist'
  | 'reportHtml'
  | 'reportPdf'
  | 'printReport';

export function secretariatHandlers({ workspace, keys, printing }: Services, loadDemo: () => Event): Pick<Handlers, SecretariatMethods> {
  const { db } = workspace;
  /** The workspace's own key signs the packages it issues: pinned by definition. */
  const ownKey = () => {
    const { fingerprint } = keys.status();
    return fingerprint ? { fingerprint, pinned: true } : undefined;
  };
  /** Sheets as listed, shown and printed: paper labels, and (issue 21) what a juror's key change means for each. */
  const labelled = <S extends ReceivedSheet>(eventId: string, sheets: readonly S[]) =>
    withKeyChangeNotes(db, eventId, withPaperLabels(db, eventId, sheets));
  /**
   * A sheet's status hangs on its juror's key: after an enrolment comes or goes, that juror's sheets are checked
   * again (one that came before the enrolment turns valid). Not while a penetapan fixes the results: those
   * sheets wait, as they are, for it to be reopened ("Periksa ulang").
   */
  const recheckAfterKeyChange = async (eventId: string, jurorId: string) => {
    if (penetapanState(db, eventId).inForce) return;
    await recheckSheets(db, authoredEvent(db, eventId), [jurorId]);
  };
  const report = ({ eventId, rule, lang }: { eventId: string; rule: MergeRule; lang: 'id' | 'en' }) => {
    const event = authoredEvent(db, eventId);
    return reportHtml({
      event,
      result: requireMarks(deliberation(db, event, rule)),
      files: withDossierHashes(db, event.id, labelled(event.id, listReceived(db, event).sheets)),
      lang,
      generatedAt: localIsoTime(new Date()),
      secretariat: ownKey(),
      minutes: reportMinutes(db, event, rule),
      absences: absences(db, event.id),
    });
  };
  /**
   * A backup after valid imports: each import returns once a backup holding it is taken, but imports asked
   * for at once share one, taken when the last of them is stored (a backup copies the whole workspace, so one
   * per file would make the 15th import of a national batch cost more than the first).
   */
  let importing = 0;
  let waiting: { done(): void; failed(error: unknown): void }[] = [];
  const backupAfterImports = () => new Promise<void>((done, failed) => waiting.push({ done, failed }));
  const startImportBackup = () => {
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    backupWorkspace(workspace, 'impor-lembar').then(
      () => batch.forEach((w) => w.done()),
      (error: unknown) => batch.forEach((w) => w.failed(error)),
    );
  };
  return {
    eventTemplate: async ({ example }) =>
      fileData(
        example ? `timbang-templat-${loadDemo().id}.xlsx` : 'timbang-templat-acara.xlsx',
        await writeEventTemplate(example ? loadDemo() : null),
      ),

    importEventTemplate: async ({ replace, ...file }) => {
      const result = await readEventTemplate(fileBytes(file), file.fileName);
      if (!result.ok) return { status: 'invalid', fileName: file.fileName, issues: result.issues };
      const event = withIssuedShortlists(db, result.event);
      const changes = replace ? null : replacementChanges(db, event);
      if (changes) return { status: 'needs-confirmation', fileName: file.fileName, changes };
      const outcome = saveAuthored(db, event);
      return { status: 'imported', event: getEventSummary(db, event.id), outcome };
    },

    updateEventBasics: ({ eventId, ...basics }) => {
      const event = authoredEvent(db, eventId);
      const updated = { ...event, ...basics };
      const validation = validateEvent(updated);
      if (!validation.ok) {
        throw new AppError(
          'invalid-input',
          {
            id: validation.issues.map((i) => formatIssue(i, 'id')).join('\n'),
            en: validation.issues.map((i) => formatIssue(i, 'en')).join('\n'),
          },
          validation.issues,
        );
      }
      saveAuthored(db, validation.event);
      return getEventSummary(db, eventId);
    },

    importEnrolment: async (file) => {
      const payload = readEnrolment(fileBytes(file), file.fileName);
      const enrolment = enrol(db, payload, file.fileName);
      await recheckAfterKeyChange(payload.eventId, payload.jurorId);
      return enrolment;
    },
    confirmEnrolment: ({ eventId, jurorId, fingerprint }) => confirmEnrolment(db, eventId, jurorId, fingerprint),
    removeEnrolment: async ({ eventId, jurorId }) => {
      removeEnrolment(db, eventId, jurorId);
      await recheckAfterKeyChange(eventId, jurorId);
      return listEnrolments(db, eventId);
    },
    removeSheet: ({ eventId, sheetId, reason, removedBy }) => {
      removeSheet(db, authoredEvent(db, eventId), sheetId, reason, removedBy);
      return {};
    },
    listRemovedSheets: ({ eventId }) => removedSheets(db, eventId),
    recheckSheets: async ({ eventId }) => {
      const event = authoredEvent(db, eventId);
      refuseWhileFixed(db, eventId, { id: 'Memeriksa ulang lembar nilai', en: 'Checking the score sheets again' });
      return { changed: await recheckSheets(db, event) };
    },
    listEnrolments: ({ eventId }) => listEnrolments(db, eventId),

    importSheet: async ({ eventId, file }) => {
      // Verified in a worker thread of the pool: several files imported at once verify side by side, stored in the order asked.
      importing++;
      const received = await receiveSheet(
        db,
        authoredEvent(db, eventId),
        fileBytes(file),
        file.fileName,
        new Date(),
        verifyPool().verify,
      ).catch((error: unknown) => ({ error }));
      importing--;
      // Only a sheet whose marks can count is worth a backup; a refused file adds nothing to restore.
      const backedUp =
        !('error' in received) && !received.again && received.sheet.status === 'valid' ? backupAfterImports() : Promise.resolve();
      if (importing === 0) startImportBackup();
      if ('error' in received) throw received.error;
      await backedUp;
      return received;
    },
    listSheets: ({ eventId }) => {
      const { sheets, reconciliation } = listReceived(db, authoredEvent(db, eventId));
      // Issue 16: excused sections (berhalangan) read "excused".
      return {
        sheets: labelled(eventId, sheets),
        completeness: excusedCompleteness(db, eventId, reconciliation.completeness),
        acceptedKeys: acceptedKeys(db, eventId),
      };
    },
    acceptKey: async ({ eventId, sheetId, acceptedBy }) => {
      await acceptKey(db, authoredEvent(db, eventId), sheetId, acceptedBy);
      return {};
    },
    deliberation: ({ eventId, rule }) => deliberationSummary(db, authoredEvent(db, eventId), rule),
    nomineeProtocol: ({ eventId, rule, nomineeId }) => nomineeProtocol(db, authoredEvent(db, eventId), rule, nomineeId),
    issueShortlist: ({ eventId, roundId, size }) => {
      const shortlists = issueShortlist(db, authoredEvent(db, eventId), roundId, size);
      return { revision: findEventRecord(db, eventId)!.revision, shortlists };
    },
    reportHtml: (input) => ({ html: report(input) }),
    reportPdf: async (input) => fileData(`laporan-${input.eventId}-${input.rule}.pdf`, await printing.toPdf(report(input))),
    printReport: async (input) => {
      if (!printing.toPrinter) {
        throw new AppError('forbidden', {
          id: 'Cetak langsung hanya di aplikasi desktop. Di sini: simpan PDF, lalu cetak PDF itu.',
          en: 'Direct printing is only in the desktop app. Here: save the PDF, then print it.',
        });
      }
      await printing.toPrinter(report(input));
      return {};
    },
    exportRekapitulasi: async ({ eventId, rule }) => {
      const event = authoredEvent(db, eventId);
      return fileData(
        `rekapitulasi-${eventId}-${rule}.xlsx`,
        await writeRekapitulasi(
          event,
          requireMarks(deliberation(db, event, rule)),
          labelled(event.id, listReceived(db, event).sheets),
          ownKey(),
        ),
      );
    },
    recordDecision: ({ eventId, ...decision }) => {
      recordDecision(db, authoredEvent(db, eventId), decision);
      return {};
    },

    exportPackage: ({ eventId, documents = [] }) => {
      // Issue 17: every document the event lists must come with its file (PDF, JPG, PNG, capped); refused by name otherwise.
      const bundled = bundleDocuments(
        authoredEvent(db, eventId),
        new Map(documents.map((d) => [documentKey(d), new Uint8Array(Buffer.from(d.base64, 'base64'))])),
      );
      const record = findEventRecord(db, eventId)!;
      const key = keys.requireUnlocked();
      // Issue 21: the package also names the recovery key, the jurors' key changes and, after a rollover, its statement.
      const text = writePackage(
        bundled.event,
        record.revision,
        record.revisedAt,
        enrolledKeys(db, eventId),
        key,
        packageContinuity(db, eventId, key.publicKey),
        bundled.documents,
      );
      return fileData(`${eventId}-revisi-${record.revision}${PACKAGE_EXTENSION}`, text);
    },
  };
}
