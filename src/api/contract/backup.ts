/** The copies of the workspace taken at moments that mattered, and putting one back. */
import { z } from 'zod';
import { method, NoInput } from './common.ts';
import { WorkspaceStatus } from './workspace.ts';

/** A copy of the workspace taken at a moment that mattered (finalize, sheet export or import). */
export const BackupInfo = z.strictObject({
  name: z.string(),
  takenAt: z.string(),
  /** Why it was taken: 'finalisasi', 'ekspor-lembar', 'impor-lembar', … */
  reason: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const backupMethods = {
  listBackups: method(NoInput, z.array(BackupInfo), { errors: ['invalid-file'] }),
  /** Puts a backup in place of the workspace (the current file is kept aside) and reopens it. */
  restoreBackup: method(z.strictObject({ name: z.string().regex(/^[\w.-]+\.sqlite$/) }), WorkspaceStatus, {
    errors: ['not-found', 'conflict', 'forbidden', 'invalid-file'],
  }),
};
