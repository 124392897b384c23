/**
 * The one workspace an app serves (the Electron main process, the browser bridge), and the handlers over it.
 *
 * A damaged workspace file must not stop the app from starting: the user needs to see what is wrong and
 * put a backup back. So when the file cannot be opened, the host still serves the calls about the file
 * (status, backups, restore, start anew), which it owns outright; every other call answers with the same
 * clear message. A restore closes the workspace, puts the backup in place and opens it again, with handlers
 * built afresh (an unlocked key is forgotten: the restored file may hold another).
 *
 * The host holds the workspace's lock for its whole life, across restores, so no other process can open
 * the file for writing, or restore into it, while the app serves it. When another process holds it at
 * start, every call (restore and "start anew" too) answers with that process named, and each call tries
 * again, so the app recovers as soon as the other one is closed.
 */
import { methodNames, type Handlers } from '../api/contract.ts';
import { AppError, isAppError } from '../api/errors.ts';
import { handlerMessages } from '../core/messages/handlers.ts';
import type { Bilingual } from '../core/model.ts';
import { domainHandlers } from './handlers.ts';
import type { HandlerContext } from './handlers/services.ts';
import { HOSTED_METHODS, type HostedMethod } from './handlers/workspace.ts';
import { describeBackups, restoreBackup, setAside } from './workspace/backup.ts';
import { lockWorkspace, openWorkspace, type Workspace, type WorkspaceLock } from './workspace/workspace.ts';

type DomainHandlers = Omit<Handlers, HostedMethod>;
type Opened = { workspace: Workspace; handlers: DomainHandlers } | { problem: AppError };

export interface WorkspaceHost {
  /** Stable for the life of the app: transports bind to these once. */
  handlers: Handlers;
  close(): void;
}

export function hostWorkspace(path: string, context: Omit<HandlerContext, 'workspace'>): WorkspaceHost {
  let lock: WorkspaceLock | null = null;
  const open = (): Opened => {
    try {
      lock ??= lockWorkspace(path);
      const workspace = openWorkspace(path); // shares this process's lock
      return { workspace, handlers: domainHandlers({ ...context, workspace }) };
    } catch (error) {
      if (error instanceof AppError) return { problem: error };
      throw error;
    }
  };
  let current = open();
  /** Held by another process at the last try: try again now. */
  const retryIfInUse = () => {
    if (!lock && 'problem' in current) current = open();
  };
  const closeWorkspace = () => {
    if ('workspace' in current) current.workspace.close();
  };
  const close = () => {
    closeWorkspace();
    lock?.release();
    lock = null;
  };
  const status = () => {
    retryIfInUse();
    return { path, problem: 'problem' in current ? inTheApp(current.problem, path) : null };
  };

  const own: Pick<Handlers, HostedMethod> = {
    workspaceStatus: status,
    listBackups: () => describeBackups(path),
    restoreBackup: ({ name }) => {
      retryIfInUse();
      if (!lock && 'problem' in current) throw current.problem; // another process has the file
      closeWorkspace(); // the lock stays with this host meanwhile
      try {
        restoreBackup(path, name);
      } finally {
        current = open(); // the restored file, or (if restoring failed) the one that was there
      }
      return status();
    },
    // For a damaged file and no backup worth restoring: the file is kept for a technician, never deleted.
    startNewWorkspace: () => {
      retryIfInUse();
      if (!('problem' in current)) throw new AppError('forbidden', handlerMessages.workspaceSound());
      if (!lock) throw current.problem; // never move a file another process has open
      const keptAs = setAside(path, `${path}.rusak-${new Date().toISOString().replaceAll(':', '-')}`);
      current = open();
      return { ...status(), keptAs };
    },
  };
  const hosted = new Set<string>(HOSTED_METHODS);
  const delegated = Object.fromEntries(
    methodNames
      .filter((name) => !hosted.has(name))
      .map((name) => [
        name,
        (input: unknown) => {
          retryIfInUse();
          if ('problem' in current) throw current.problem;
          return (current.handlers[name as keyof DomainHandlers] as (input: unknown) => unknown)(input);
        },
      ]),
  ) as DomainHandlers;
  return { handlers: { ...delegated, ...own }, close };
}

/**
 * The message for the app's recovery screen. The one openWorkspace gives is for the command line (it
 * spells out the restore command); here the backups are listed right below it, with a button.
 */
function inTheApp(problem: AppError, path: string): Bilingual {
  if (!isAppError(problem, 'workspace-unreadable') || !problem.details) return problem.bilingual;
  const { reason, latestBackup } = problem.details;
  return handlerMessages.workspaceDamaged({ path, reason, hasBackup: latestBackup !== null });
}
