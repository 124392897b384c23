/** The words of the attendance records: refusals when an absence (berhalangan) or a replacement member cannot be recorded. */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

/**
 * A section of the event (juror × round × category), or a nominee, that a request names and the event does not
 * have: the same refusal for an absence, a replacement member, a paper form, a special award, a plenary
 * decision and the juror's laptop (handlers.ts).
 */
export const sectionMessages = defineMessages('section', {
  jurorNotInEvent: {
    id: (p: { jurorId: string }) => `Juri "${p.jurorId}" tidak ada di acara ini.`,
    en: (p) => `Juror "${p.jurorId}" is not in this event.`,
  },
  nomineeNotInEvent: {
    id: (p: { nomineeId: string }) => `Nominasi "${p.nomineeId}" tidak ada di acara ini.`,
    en: (p) => `Nominee "${p.nomineeId}" is not in this event.`,
  },
  roundNotInEvent: {
    id: (p: { roundId: string }) => `Babak "${p.roundId}" tidak ada di acara ini.`,
    en: (p) => `Round "${p.roundId}" is not in this event.`,
  },
  categoryNotInRound: {
    id: (p: { categoryId: string; roundName: Bilingual }) => `Kategori "${p.categoryId}" tidak dinilai di babak ${p.roundName.id}.`,
    en: (p) => `Category "${p.categoryId}" is not scored in round ${p.roundName.en}.`,
  },
});

export const attendanceMessages = defineMessages('attendance', {
  notAssignedNoAbsence: {
    id: (p: { jurorId: string; roundName: Bilingual; categoryId: string }) =>
      `${p.jurorId} tidak ditugaskan di ${p.roundName.id}, ${p.categoryId}: tidak perlu dicatat berhalangan.`,
    en: (p) => `${p.jurorId} is not assigned to ${p.roundName.en}, ${p.categoryId}: no absence to record.`,
  },
  noAbsenceRecorded: { id: 'Tidak ada catatan berhalangan untuk bagian ini.', en: 'There is no absence recorded for this section.' },
  jurorAlreadyInEvent: {
    id: (p: { jurorId: string }) => `Juri "${p.jurorId}" sudah ada di acara ini.`,
    en: (p) => `Juror "${p.jurorId}" is already in this event.`,
  },
  chooseReplacedSections: {
    id: 'Pilih bagian yang diambil alih anggota pengganti.',
    en: 'Choose the sections the replacement member takes over.',
  },
  replacedNotAssigned: {
    id: (p: { replacedId: string; roundId: string; categoryId: string }) =>
      `${p.replacedId} tidak ditugaskan di ${p.roundId}/${p.categoryId}.`,
    en: (p) => `${p.replacedId} is not assigned to ${p.roundId}/${p.categoryId}.`,
  },
});
