/**
 * The workspace's signing key (services/keys): making, opening and using it, and what the OS keychain says.
 */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

/** The keychain's own wording of a failure is given in both languages, as it came. */
const keychainCause = (cause: Bilingual | undefined, language: keyof Bilingual) =>
  cause === undefined
    ? ''
    : language === 'id'
      ? `Keychain sistem operasi tidak dapat membuka kunci ini (${cause.id}). `
      : `The operating system's keychain cannot open this key (${cause.en}). `;

export const keyMessages = defineMessages('keys', {
  alreadyThere: { id: 'Sudah ada kunci tanda tangan di sini.', en: 'There is a signing key here already.' },
  noKey: {
    id: 'Belum ada kunci tanda tangan di sini: buat kunci dulu (bagian "Kunci tanda tangan").',
    en: 'There is no signing key here yet: make one first (the "signing key" section).',
  },
  privateKeyMismatch: {
    id: 'Kunci privat tidak cocok dengan kunci publik berkas kerja.',
    en: "The private key does not match the workspace's public key.",
  },
  movedKeyMismatch: {
    id: 'Kunci privat dalam berkas pindahan tidak cocok dengan kunci publik berkas kerjanya.',
    en: "The private key in the move file does not match its workspace's public key.",
  },
  locked: {
    id: 'Kunci tanda tangan masih terkunci: buka dengan frasa sandi dulu.',
    en: 'The signing key is locked: open it with the passphrase first.',
  },
  sealedByKeychain: {
    id: (p: { hasBackup: boolean }) =>
      `Kunci ini disegel oleh keychain sistem operasi; buka dengan aplikasi Timbang di komputer ini${p.hasBackup ? ', atau dengan frasa sandi cadangannya' : ''}.`,
    en: (p) =>
      `This key is sealed by the operating system's keychain; open it with the Timbang app on this computer${p.hasBackup ? ', or with its backup passphrase' : ''}.`,
  },
  keychainHoldsNoCopy: { id: 'keychain tidak menyimpan salinannya', en: 'the keychain holds no copy of it' },
  keychainPending: {
    id: 'Keychain sistem operasi sedang membuka kunci; coba lagi sebentar lagi.',
    en: "The operating system's keychain is opening the key; try again in a moment.",
  },
  keychainFailed: {
    id: (p: { cause: Bilingual }) =>
      `Keychain sistem operasi tidak dapat membuka kunci ini (${p.cause.id}). Buka dengan frasa sandi cadangan yang dibuat bersama kunci.`,
    en: (p) =>
      `The operating system's keychain cannot open this key (${p.cause.en}). Open it with the backup passphrase made with the key.`,
  },
  noRecoveryCopy: {
    id: (p: { cause?: Bilingual }) =>
      `${keychainCause(p.cause, 'id')}Kunci ini dibuat tanpa salinan frasa sandi cadangan, jadi hanya keychain yang dapat membukanya: coba lagi di sesi desktop yang sama; bila tetap gagal, buat kunci baru dan daftarkan lagi ke sekretariat.`,
    en: (p) =>
      `${keychainCause(p.cause, 'en')}This key was made without a backup passphrase copy, so only the keychain can open it: try again in the same desktop session; if it still fails, make a new key and enrol it with the secretariat again.`,
  },
  passphraseTooShort: {
    id: (p: { min: number }) => `Frasa sandi minimal ${p.min} karakter.`,
    en: (p) => `The passphrase needs at least ${p.min} characters.`,
  },
  backupPassphraseTooShort: {
    id: (p: { min: number }) => `Frasa sandi cadangan minimal ${p.min} karakter: ia membuka kunci bila keychain sistem operasi tidak bisa.`,
    en: (p) => `The backup passphrase needs at least ${p.min} characters: it opens the key when the operating system's keychain cannot.`,
  },
  wrongPassphrase: { id: 'Frasa sandi salah.', en: 'Wrong passphrase.' },
  noCanonicalJson: {
    id: 'Nilai ini tidak punya bentuk JSON kanonis, jadi tidak dapat ditandatangani.',
    en: 'This value has no canonical JSON form, so it cannot be signed.',
  },
  notEd25519: { id: 'Kunci ini bukan kunci Ed25519.', en: 'This key is not an Ed25519 key.' },
});
