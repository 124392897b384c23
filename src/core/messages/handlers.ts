/**
 * The handlers (src/services/handlers/ and the workspace host): refusals that belong to a call rather than
 * to a service, and the names of the actions a penetapan in force holds back.
 */
import { formatIssue, type ValidationIssue } from '../validate-event.ts';
import { sectionMessages } from './attendance.ts';
import { defineMessages } from './catalog.ts';
import { continuityMessages } from './continuity.ts';

export const handlerMessages = {
  ...defineMessages('handlers', {
    noPrinting: { id: 'Pencetakan PDF tidak tersedia di sini.', en: 'PDF printing is not available here.' },
    printOnlyInDesktop: {
      id: 'Cetak langsung hanya di aplikasi desktop. Di sini: simpan PDF, lalu cetak PDF itu.',
      en: 'Direct printing is only in the desktop app. Here: save the PDF, then print it.',
    },
    restoreFromAppOnly: {
      id: 'Pemulihan cadangan hanya dari aplikasi, atau dengan "timbang backup restore" saat aplikasi tertutup.',
      en: 'A backup is restored from the app, or with "timbang backup restore" while the app is closed.',
    },
    workspaceSound: {
      id: 'Berkas kerja ini terbuka dan sehat; tidak ada yang perlu diganti.',
      en: 'This workspace is open and sound; there is nothing to replace.',
    },
    /** The app's recovery screen, under which the backups are listed with a button each (workspace-host.ts). */
    workspaceDamaged: {
      id: (p: { path: string; reason: string; hasBackup: boolean }) =>
        `Berkas kerja ${p.path} rusak atau bukan basis data Timbang (${p.reason}). ${
          p.hasBackup
            ? 'Pulihkan salah satu cadangan di bawah; berkas yang rusak tetap disimpan di sampingnya.'
            : 'Belum ada cadangan. Mulailah berkas kerja baru (berkas yang rusak tetap disimpan) lalu impor lagi paket acara dari sekretariat.'
        }`,
      en: (p) =>
        `Workspace ${p.path} is damaged or not a Timbang database (${p.reason}). ${
          p.hasBackup
            ? 'Restore one of the backups below; the damaged file is kept beside it.'
            : 'There is no backup yet. Start a new workspace (the damaged file is kept) and import the event package from the secretariat again.'
        }`,
    },

    // The juror's laptop.
    identityOnPackageOnly: {
      id: 'Identitas juri dipilih pada acara dari paket sekretariat.',
      en: "A juror identity is chosen on an event from the secretariat's package.",
    },
    identityFixed: {
      id: (p: { scoredAs: string }) => `Laptop ini sudah menilai sebagai ${p.scoredAs}; identitas tidak dapat diganti.`,
      en: (p) => `This laptop has already scored as ${p.scoredAs}; the identity cannot be changed.`,
    },
    unknownRounds: {
      id: (p: { roundIds: readonly string[] }) => `Babak tidak dikenal: ${p.roundIds.join(', ')}.`,
      en: (p) => `Unknown rounds: ${p.roundIds.join(', ')}.`,
    },

    // The secretariat.
    eventIssues: {
      id: (p: { issues: readonly ValidationIssue[] }) => p.issues.map((issue) => formatIssue(issue, 'id')).join('\n'),
      en: (p) => p.issues.map((issue) => formatIssue(issue, 'en')).join('\n'),
    },
    recheckingSheets: { id: 'Memeriksa ulang lembar nilai', en: 'Checking the score sheets again' },
    specialAward: { id: 'Penghargaan khusus', en: 'The special award' },
    recordingAbsence: { id: 'Pencatatan berhalangan', en: 'Recording an absence' },
    withdrawingAbsence: { id: 'Pembatalan berhalangan', en: 'Withdrawing an absence' },
    flagsNotFound: {
      id: (p: { keys: readonly string[] }) => `Tanda beda pendapat tidak ada (lagi): ${p.keys.slice(0, 5).join(', ')}.`,
      en: (p) => `No such disagreement flag (any more): ${p.keys.slice(0, 5).join(', ')}.`,
    },
    sheetNotInEvent: {
      id: (p: { sheetId: number }) => `Lembar ${p.sheetId} tidak ada di acara ini.`,
      en: (p) => `Sheet ${p.sheetId} is not in this event.`,
    },
    nothingToSetAside: {
      id: (p: { fileName: string }) => `${p.fileName} sah dan tidak bertentangan: tidak ada yang perlu dikesampingkan.`,
      en: (p) => `${p.fileName} is valid and not in conflict: there is nothing to set aside.`,
    },
    secondPersonConfirms: {
      id: 'Lampiran verifikasi dikonfirmasi oleh orang kedua, bukan operator yang mengimpor dan menggabungkan lembar.',
      en: 'The verification appendix is confirmed by a second person, not the operator who imported and merged the sheets.',
    },
    enrolmentForOtherEvent: {
      id: (p: { fileName: string; eventId: string }) => `Berkas pendaftaran ${p.fileName} untuk acara lain (${p.eventId}).`,
      en: (p) => `Enrolment file ${p.fileName} is for another event (${p.eventId}).`,
    },
    recoveryNeedsSigningKey: {
      id: 'Buat dulu kunci tanda tangan sekretariat; kunci pemulihan menyertainya.',
      en: "Make the secretariat's signing key first; the recovery key goes with it.",
    },
    notThisRecoveryCode: {
      id: 'Kode ini bukan kode kunci pemulihan berkas kerja ini.',
      en: "This code is not this workspace's recovery key code.",
    },
  }),
  // Said by a service too, in the same words: one entry each (the juror's resume, the attendance records).
  chooseJurorFirst: continuityMessages.chooseWhoYouAre,
  jurorNotInEvent: sectionMessages.jurorNotInEvent,
};
