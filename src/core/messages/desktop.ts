/** The desktop shell (electron/): its windows' failures, printing, and `npm start` / `npm run dist`. */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

export const desktopMessages = defineMessages('desktop', {
  unknownCaller: { id: 'Pemanggil tidak dikenal.', en: 'Unknown caller.' },
  /** What a failure names: the app's page, or the report being printed. */
  timbangPage: { id: 'Halaman Timbang', en: 'The Timbang page' },
  report: { id: 'Laporan', en: 'The report' },
  pageFailed: {
    id: (p: { what: Bilingual; description: string }) =>
      `${p.what.id} tidak dapat dimuat (${p.description}). Tutup jendela ini lalu coba lagi; bila terulang, catat pesan ini untuk teknisi.`,
    en: (p) =>
      `${p.what.en} could not be loaded (${p.description}). Close this window and try again; if it happens again, note this message for a technician.`,
  },
  rendererGone: {
    id: (p: { what: Bilingual; reason: string }) =>
      `Proses yang menampilkan ${p.what.id.toLowerCase()} berhenti (${p.reason}). Tutup jendela ini lalu coba lagi; data yang sudah tersimpan tetap ada.`,
    en: (p) =>
      `The process showing ${p.what.en.toLowerCase()} stopped (${p.reason}). Close this window and try again; what was saved is kept.`,
  },
  printFailed: {
    id: (p: { reason: string }) =>
      `Laporan tidak dapat dicetak (${p.reason}). Tutup jendela ini lalu coba lagi; bila terulang, catat pesan ini untuk teknisi.`,
    en: (p) =>
      `The report could not be printed (${p.reason}). Close this window and try again; if it happens again, note this message for a technician.`,
  },
  preparingElectron: {
    id: 'Menyiapkan Electron: unduhan sekali saja (sekitar 100 MB).',
    en: 'Preparing Electron: a one-time download (about 100 MB).',
  },
  electronMissing: {
    id: 'Electron belum terpasang dan gagal diunduh (npm start yang pertama butuh internet, atau ELECTRON_MIRROR yang terjangkau); tanpa internet, "npm run browser" menjalankan aplikasi yang sama di peramban.',
    en: 'Electron is not installed and could not be downloaded (the first npm start needs internet, or a reachable ELECTRON_MIRROR); without internet, "npm run browser" runs the same app in a browser.',
  },
  installerSums: {
    id: 'SHA-256 (dist/SHA256SUMS.txt), untuk lembar petunjuk juri:',
    en: "SHA-256 (dist/SHA256SUMS.txt), for the jurors' handout:",
  },
});
