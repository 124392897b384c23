/**
 * What the workspace says (src/services/workspace/): opening the file, its lock, its schema and its backups.
 * Refusals mostly, shown by the app (the start screen, the backup panel) and the command line alike.
 */
import { defineMessages } from './catalog.ts';

/** Who holds a workspace's lock, as the holder wrote it (services/workspace/workspace.ts LockHolder). */
interface Holder {
  pid: number;
  host: string;
  program: string;
  since: string;
}

const heldBy = {
  id: (holder: Holder | null) => (holder ? ` (pid ${holder.pid} di ${holder.host}, ${holder.program}, sejak ${holder.since})` : ''),
  en: (holder: Holder | null) => (holder ? ` (pid ${holder.pid} on ${holder.host}, ${holder.program}, since ${holder.since})` : ''),
};

export const workspaceMessages = defineMessages('workspace', {
  // Opening (workspace.ts)
  tooNew: {
    id: (p: { path: string; version: number; latest: number }) =>
      `Berkas kerja ${p.path} dibuat oleh Timbang yang lebih baru (skema ${p.version}; versi ini mengenal sampai ${p.latest}). Perbarui Timbang; berkas tidak diubah.`,
    en: (p) =>
      `Workspace ${p.path} was made by a newer Timbang (schema ${p.version}; this version knows up to ${p.latest}). Update Timbang; the file was not changed.`,
  },
  missing: {
    id: (p: { path: string }) => `Berkas kerja ${p.path} tidak ada (atau tidak dapat dibuka).`,
    en: (p) => `Workspace ${p.path} does not exist (or cannot be opened).`,
  },
  /** A file that is no Timbang database, with the newest backup to restore when there is one. */
  unreadable: {
    id: (p: { path: string; reason: string; latestBackup: string | null }) =>
      `Berkas kerja ${p.path} tidak dapat dibuka sebagai basis data Timbang (${p.reason}).` +
      (p.latestBackup
        ? ` Cadangan terbaru: ${p.latestBackup}. Pulihkan dengan: npx timbang backup restore --db "${p.path}" --from ${p.latestBackup}`
        : ' Tidak ada cadangan.'),
    en: (p) =>
      `Workspace ${p.path} cannot be opened as a Timbang database (${p.reason}).` +
      (p.latestBackup
        ? ` Latest backup: ${p.latestBackup}. Restore it with: npx timbang backup restore --db "${p.path}" --from ${p.latestBackup}`
        : ' There is no backup.'),
  },

  // The lock (workspace.ts)
  openHereRestoreRefused: {
    id: (p: { path: string }) => `Cadangan tidak dipulihkan: berkas kerja ${p.path} masih terbuka di proses ini. Tutup dulu, lalu ulangi.`,
    en: (p) => `Backup not restored: workspace ${p.path} is still open in this process. Close it first, then try again.`,
  },
  hardLinked: {
    id: (p: { path: string }) =>
      `Berkas kerja ${p.path} punya lebih dari satu tautan keras (hard link): dua nama untuk satu berkas bisa merusaknya. Salin berkasnya ke nama tersendiri, lalu buka salinan itu.`,
    en: (p) =>
      `Workspace ${p.path} has more than one hard link: two names for one file can damage it. Copy the file to a name of its own, then open the copy.`,
  },
  inUse: {
    id: (p: { path: string; holder: Holder | null }) =>
      `Berkas kerja ${p.path} sedang dibuka oleh proses lain${heldBy.id(p.holder)}; hanya satu proses yang boleh menulis ke berkas kerja. Tutup dulu aplikasi Timbang atau "timbang serve" yang memakainya, lalu coba lagi.`,
    en: (p) =>
      `Workspace ${p.path} is open in another process${heldBy.en(p.holder)}; only one process may write to a workspace. Close the Timbang app or "timbang serve" using it first, then try again.`,
  },
  inUseRestoreRefused: {
    id: (p: { path: string; holder: Holder | null }) =>
      `Cadangan tidak dipulihkan: berkas kerja ${p.path} sedang dibuka oleh proses lain${heldBy.id(p.holder)}. Tutup dulu aplikasi Timbang atau "timbang serve" yang memakainya, lalu ulangi pemulihan. Berkas kerja tidak diubah.`,
    en: (p) =>
      `Backup not restored: workspace ${p.path} is open in another process${heldBy.en(p.holder)}. Close the Timbang app or "timbang serve" using it first, then restore again. The workspace was not changed.`,
  },

  // Backups (backup.ts, backup-files.ts)
  backupMissing: {
    id: (p: { name: string }) => `Cadangan ${p.name} tidak ada.`,
    en: (p) => `Backup ${p.name} does not exist.`,
  },
  currentNotCopied: {
    id: (p: { path: string; reason: string }) =>
      `Cadangan tidak dipulihkan: keadaan berkas kerja ${p.path} sekarang tidak dapat disalin dulu (${p.reason}). Berkas kerja tidak diubah.`,
    en: (p) =>
      `Backup not restored: the current state of workspace ${p.path} could not be copied first (${p.reason}). The workspace was not changed.`,
  },
  /** An invariant: a copy's name is chosen free, so finding it taken means another writer in the folder. */
  copyNameTaken: {
    id: (p: { file: string }) => `Salinan ${p.file} sudah ada; tidak ditimpa.`,
    en: (p) => `Copy ${p.file} exists already; it was not overwritten.`,
  },
});
