/**
 * The event: listing and reading it, the demo, the secretariat's set-up (the Excel template, the basic
 * fields, the signed package out; every change to an authored event raises its revision), and the juror's
 * side of the package (importing it, choosing who I am, its documents).
 */
import type { Handlers } from '../../api/contract.ts';
import type { eventMethods } from '../../api/contract/events.ts';
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import { validateEvent } from '../../core/validate-event.ts';
import { recordDemoAbsences } from '../attendance/attendance.ts';
import { packageContinuity } from '../continuity/secretariat-keys.ts';
import { saveAuthored } from '../events/authored.ts';
import { importTemplate } from '../events/event-import.ts';
import { readDemoEvent } from '../events/event-file.ts';
import { findEventRecord, getEvent, getEventSummary, listCategories, listEvents, listNominees } from '../events/event-store.ts';
import { writeEventTemplate } from '../events/event-template.ts';
import { fileBytes, fileData } from '../file-data.ts';
import { enrolledKeys } from '../packages/enrolment.ts';
import { applyPackage, demoPackage, PACKAGE_EXTENSION, packageDocument, readPackage, writePackage } from '../packages/event-package.ts';
import { bundleDocuments, documentKey } from '../packages/package-documents.ts';
import type { Services } from './services.ts';

export function eventHandlers({ context, workspace, keys, secretariat }: Services): Pick<Handlers, keyof typeof eventMethods> {
  const { db } = workspace;
  const demo = () => readDemoEvent(context.resourcesDir);
  return {
    listEvents: () => listEvents(db),
    loadDemoEvent: ({ role }) => {
      const event = demo();
      if (!listEvents(db).some((e) => e.id === event.id)) {
        if (role === 'sekretariat') {
          saveAuthored(db, event);
          recordDemoAbsences(db, event); // issue 16: the demo juror absent from one category's interviews
        } else applyPackage(db, demoPackage(event));
      }
      return getEventSummary(db, event.id);
    },
    getEvent: ({ eventId }) => getEvent(db, eventId),
    listCategories: ({ eventId }) => listCategories(db, eventId),
    listNominees: ({ eventId, categoryId }) => listNominees(db, eventId, categoryId),

    eventTemplate: async ({ example }) =>
      fileData(
        example ? `timbang-templat-${demo().id}.xlsx` : 'timbang-templat-acara.xlsx',
        await writeEventTemplate(example ? demo() : null),
      ),

    importEventTemplate: async ({ replace, ...file }) => {
      // The same import as `timbang event import` (events/event-import.ts).
      const result = await importTemplate(db, fileBytes(file), file.fileName, { replace });
      return result.status === 'imported' ? { ...result, event: getEventSummary(db, result.event.id) } : result;
    },

    updateEventBasics: ({ eventId, ...basics }) => {
      const validation = validateEvent({ ...secretariat.event(eventId), ...basics });
      if (!validation.ok)
        throw new AppError('invalid-input', handlerMessages.eventIssues({ issues: validation.issues }), validation.issues);
      saveAuthored(db, validation.event);
      return getEventSummary(db, eventId);
    },

    exportPackage: ({ eventId, documents = [] }) => {
      // Issue 17: every document the event lists must come with its file (PDF, JPG, PNG, capped); refused by name otherwise.
      const bundled = bundleDocuments(
        secretariat.event(eventId),
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

    importPackage: (file) => {
      const pkg = readPackage(fileBytes(file), file.fileName);
      const { outcome, previousRevision, rollover } = applyPackage(db, pkg);
      // rollover (issue 21): the package moved the laptop's pin to a new secretariat key.
      return {
        event: getEventSummary(db, pkg.event.id),
        outcome,
        previousRevision,
        secretariatFingerprint: pkg.secretariat.fingerprint,
        secretariatRollover: rollover ?? null,
      };
    },

    chooseJuror: ({ eventId, jurorId }) => {
      const record = findEventRecord(db, eventId);
      if (record?.origin.source !== 'package') throw new AppError('forbidden', handlerMessages.identityOnPackageOnly());
      const event = getEvent(db, eventId);
      if (!event.jurors.some((j) => j.id === jurorId)) throw new AppError('not-found', handlerMessages.jurorNotInEvent({ jurorId }));
      const scoredAs = db
        .prepare('SELECT DISTINCT juror_id AS id FROM score WHERE event_id = ? AND juror_id <> ?')
        .get(eventId, jurorId) as { id: string } | undefined;
      if (scoredAs) throw new AppError('conflict', handlerMessages.identityFixed({ scoredAs: scoredAs.id }));
      db.prepare('UPDATE event SET juror_id = ? WHERE id = ?').run(jurorId, eventId);
      return getEventSummary(db, eventId);
    },

    openDocument: ({ eventId, nomineeId, fileName }) => {
      const doc = packageDocument(db, eventId, nomineeId, fileName);
      return {
        fileName: doc.fileName,
        base64: Buffer.from(doc.bytes).toString('base64'),
        mime: doc.mime as 'application/pdf' | 'image/jpeg' | 'image/png',
        sha256: doc.sha256,
      };
    },
  };
}
