/**
 * The workspace's backups, for a workspace opened by a process that cannot swap its file (the CLI, tests):
 * listed, but restored only by the app's workspace host (workspace-host.ts), or by `timbang backup restore`
 * while the app is closed. Taking a backup after a change is a decorator (decorators.ts).
 */
import type { Handlers } from '../../api/contract.ts';
import type { backupMethods } from '../../api/contract/backup.ts';
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import { describeBackups } from '../workspace/backup.ts';
import type { Workspace } from '../workspace/workspace.ts';

export function openedBackupHandlers(workspace: Workspace): Pick<Handlers, keyof typeof backupMethods> {
  return {
    listBackups: () => describeBackups(workspace.path),
    restoreBackup: () => {
      throw new AppError('forbidden', handlerMessages.restoreFromAppOnly());
    },
  };
}
