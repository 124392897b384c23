/** The browser bridge (src/bridge/): who it admits, what it refuses, and `timbang serve` starting. */
import { defineMessages } from './catalog.ts';

export const bridgeMessages = defineMessages('bridge', {
  hostRefused: { id: (p: { host: string }) => `Host ${p.host} ditolak.`, en: (p) => `Host ${p.host} refused.` },
  originRefused: { id: (p: { origin: string }) => `Asal ${p.origin} ditolak.`, en: (p) => `Origin ${p.origin} refused.` },
  malformedPath: {
    id: 'Alamat permintaan tidak sah (kode persen rusak).',
    en: 'Malformed request path (bad percent-encoding).',
  },
  noToken: {
    id: 'Tanpa token akses: buka alamat lengkap (dengan #token=…) yang dicetak di terminal oleh "timbang serve" (atau "npm run browser").',
    en: 'No access token: open the full address (with #token=…) that "timbang serve" (or "npm run browser") printed in the terminal.',
  },
  usePost: { id: 'Gunakan POST.', en: 'Use POST.' },
  mustBeJson: { id: 'Harus JSON (application/json).', en: 'Must be JSON (application/json).' },
  tooManyRequests: {
    id: 'Terlalu banyak permintaan sekaligus; coba lagi sebentar.',
    en: 'Too many requests at once; try again shortly.',
  },
  tooLarge: { id: 'Permintaan terlalu besar.', en: 'Request too large.' },
  notJson: { id: 'Badan permintaan bukan JSON.', en: 'Request body is not JSON.' },
  malformed: { id: 'Permintaan tidak sah.', en: 'Malformed request.' },
  serverError: {
    id: (p: { reason: string }) => `Galat di server Timbang (${p.reason}).`,
    en: (p) => `Error in the Timbang server (${p.reason}).`,
  },
  notBuilt: {
    id: (p: { outDir: string }) => `Tampilan belum dibangun: jalankan "npm run build" dulu. (${p.outDir})`,
    en: (p) => `The renderer is not built: run "npm run build" first. (${p.outDir})`,
  },
  portUnusable: {
    id: (p: { port: number; reason: string }) => `Port ${p.port} tidak dapat dipakai (${p.reason}); pilih yang lain dengan --port.`,
    en: (p) => `Port ${p.port} cannot be used (${p.reason}); choose another with --port.`,
  },
});
