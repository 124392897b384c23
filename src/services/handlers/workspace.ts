/**
 * The workspace itself. `appInfo` answers the same everywhere. The calls about the workspace's file
 * (whether it opened, its backups, restoring one, starting anew) belong to whoever owns the file: the app's
 * workspace host (workspace-host.ts) answers them itself and can swap the file underneath; a process that
 * merely opened a workspace (the CLI, a test) gets `openedWorkspaceHandlers` here and `openedBackupHandlers`
 * (backup.ts), which say so.
 */
import type { Handlers, MethodName } from '../../api/contract.ts';
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { Services } from './services.ts';

/** The calls about the workspace's file: the host answers them itself (workspace-host.ts). */
export const HOSTED_METHODS = [
  'workspaceStatus',
  'listBackups',
  'restoreBackup',
  'startNewWorkspace',
] as const satisfies readonly MethodName[];
export type HostedMethod = (typeof HOSTED_METHODS)[number];

export function workspaceHandlers({ context, workspace }: Services): Pick<Handlers, 'appInfo'> {
  return {
    appInfo: () => ({ version: context.appVersion, schemaVersion: workspace.schemaVersion, workspacePath: workspace.path }),
  };
}

/**
 * The file calls for a workspace opened by a process that cannot swap its file (the CLI, tests): it is open
 * and sound, and replacing it is for the app (backups: backup.ts).
 */
export function openedWorkspaceHandlers(workspace: Workspace): Pick<Handlers, 'workspaceStatus' | 'startNewWorkspace'> {
  return {
    workspaceStatus: () => ({ path: workspace.path, problem: null }),
    startNewWorkspace: () => {
      throw new AppError('forbidden', handlerMessages.workspaceSound());
    },
  };
}
