/** The printed report's words (the Rekapitulasi Nilai and the Berita Acara's English translations), and the report service's refusals. */
import { defineMessages } from './catalog.ts';

export const reportMessages = defineMessages('report', {
  draftMark: { id: 'DRAF — belum ditetapkan', en: 'DRAFT — not yet fixed' },
  notFixedBySignedPenetapan: {
    id: 'Hasil belum ditetapkan dalam penetapan bertanda tangan.',
    en: 'The results have not been fixed by a signed penetapan.',
  },
  chromiumNotFound: {
    id: (p: { executablePath: string }) =>
      `Chromium tidak ditemukan di ${p.executablePath}. Di Debian: apt-get install chromium (atau atur CHROMIUM_PATH).`,
    en: (p) => `Chromium not found at ${p.executablePath}. On Debian: apt-get install chromium (or set CHROMIUM_PATH).`,
  },
});
