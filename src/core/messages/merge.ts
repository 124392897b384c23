/**
 * What the merge domain says (src/services/merge/): the secretariat's inbox of score sheets, the deliberation
 * and the shortlist. Refusals mostly, shown by the app and the command line alike.
 */
import { defineMessages } from './catalog.ts';

export const mergeMessages = defineMessages('merge', {
  // The inbox (sheet-inbox.ts)
  acceptingKey: { id: 'Menerima kunci juri', en: "Accepting a juror's key" },
  sheetNamesNoKey: {
    id: (p: { sheetId: number }) => `Lembar ${p.sheetId} tidak menyebut juri dan kunci yang terbaca.`,
    en: (p) => `Sheet ${p.sheetId} names no readable juror and key.`,
  },
  keyOfAnotherJuror: {
    id: (p: { signer: string; otherJuror: string; jurorId: string }) =>
      `Kunci ${p.signer} sudah menjadi kunci juri ${p.otherJuror}; tidak dapat diterima juga untuk juri ${p.jurorId}.`,
    en: (p) => `Key ${p.signer} is already juror ${p.otherJuror}'s key; it cannot also be accepted for juror ${p.jurorId}.`,
  },
  keyIsSecretariats: {
    id: (p: { signer: string; jurorId: string }) => `Kunci ${p.signer} adalah kunci sekretariat sendiri, bukan kunci juri ${p.jurorId}.`,
    en: (p) => `Key ${p.signer} is the secretariat's own key, not juror ${p.jurorId}'s.`,
  },
  sheetNotInInbox: {
    id: (p: { sheetId: number }) => `Lembar ${p.sheetId} tidak ada di kotak masuk.`,
    en: (p) => `Sheet ${p.sheetId} is not in the inbox.`,
  },
  sheetNotRemovable: {
    id: (p: { fileName: string; status: string }) =>
      `Berkas ${p.fileName} tidak dapat dihapus: hanya berkas yang ditolak dan tidak dipakai yang dapat dihapus (statusnya sekarang ${p.status}).`,
    en: (p) => `File ${p.fileName} cannot be removed: only refused files that are not used can be (its status is ${p.status}).`,
  },

  // The deliberation (deliberation.ts)
  noMarksYet: {
    id: (p: { usedSheets: number; sheets: number }) =>
      `Belum ada nilai dari lembar nilai yang sah (${p.usedSheets} dari ${p.sheets} lembar dipakai): belum ada peringkat yang dapat ditetapkan. Impor lembar nilai juri yang terverifikasi dulu.`,
    en: (p) =>
      `There are no marks from valid score sheets yet (${p.usedSheets} of ${p.sheets} sheets used): no ranking can be determined. Import the jurors' verified score sheets first.`,
  },

  // The shortlist (shortlist.ts)
  roundTakesNoShortlist: {
    id: (p: { roundId: string }) => `Babak "${p.roundId}" tidak memakai daftar pendek dari babak sebelumnya.`,
    en: (p) => `Round "${p.roundId}" takes no shortlist from an earlier round.`,
  },
  shortlistTooFewScores: {
    id: (p: { categoryId: string; scored: number; round: { id: string; en: string }; size: number }) =>
      `Kategori ${p.categoryId}: baru ${p.scored} nominasi punya nilai ${p.round.id}; daftar pendek ${p.size} belum bisa ditetapkan.`,
    en: (p) =>
      `Category ${p.categoryId}: only ${p.scored} nominees have a ${p.round.en} score; a shortlist of ${p.size} cannot be set yet.`,
  },
});
