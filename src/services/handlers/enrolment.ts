/**
 * Enrolment. The juror's laptop writes its key into an enrolment file and sees whether the package already
 * carries it; the secretariat takes the file in, confirms the fingerprint read aloud, or removes it. A
 * sheet's status hangs on its juror's key, so after an enrolment comes or goes that juror's sheets are
 * checked again (one that came before the enrolment turns valid) — not while a penetapan fixes the results:
 * those sheets wait, as they are, for it to be reopened ("Periksa ulang").
 */
import type { Handlers } from '../../api/contract.ts';
import type { enrolmentMethods } from '../../api/contract/enrolment.ts';
import { findEventRecord } from '../events/event-store.ts';
import { fileBytes, fileData } from '../file-data.ts';
import { recheckSheets } from '../merge/sheet-inbox.ts';
import {
  confirmEnrolment,
  enrol,
  ENROLMENT_EXTENSION,
  listEnrolments,
  readEnrolment,
  removeEnrolment,
  writeEnrolment,
} from '../packages/enrolment.ts';
import { packageJurorKeys } from '../packages/event-package.ts';
import { penetapanState } from '../penetapan/penetapan.ts';
import type { Services } from './services.ts';

export function enrolmentHandlers({ workspace, keys, juror, secretariat }: Services): Pick<Handlers, keyof typeof enrolmentMethods> {
  const { db } = workspace;
  const recheckAfterKeyChange = async (eventId: string, jurorId: string) => {
    if (penetapanState(db, eventId).inForce) return;
    await recheckSheets(db, secretariat.event(eventId), [jurorId]);
  };
  return {
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
    listEnrolments: ({ eventId }) => listEnrolments(db, eventId),

    exportEnrolment: ({ eventId, name }) => {
      const jurorId = juror.chosenJuror(eventId);
      juror.rememberName(eventId, name);
      return fileData(`pendaftaran-${jurorId}${ENROLMENT_EXTENSION}`, writeEnrolment(eventId, jurorId, name, keys.requireUnlocked()));
    },
    enrolmentStatus: ({ eventId }) => {
      const record = findEventRecord(db, eventId);
      const jurorId = juror.chosenJuror(eventId);
      const carried =
        record?.origin.source === 'package' ? packageJurorKeys(record.origin.packageText).find((k) => k.jurorId === jurorId) : undefined;
      return {
        enrolledFingerprint: carried?.fingerprint ?? null,
        matchesThisLaptop: carried !== undefined && carried.publicKey === keys.status().publicKey,
      };
    },
  };
}
