/**
 * The one workspace an app serves (the Electron main process, the browser bridge), and the handlers over it.
 *
 * A damaged workspace file must not stop the app from starting: the user needs to see what is wrong and
 * put a backup back. So when the file cannot be opened, the host still serves the workspace calls
 * (status, backups, restore); every other call answers with the same clear message. A restore closes
 * the workspace, puts the backup in place and opens it again, with handlers built afresh (an unlocked
 * key is forgotten: the restored file may hold another).
 *
 * The host holds the workspace's lock for its whole life, across restores, so no other process can open
 * the file for writing, or restore into it, while the app serves it. When another process holds it at
 * start, every call (restore and "start anew" too) answers with that process named, and each call tries
 * again, so the app recovers as soon as the other one is closed.
 */
import { methodNames, type Handlers } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import type { Bilingual } from '../core/model.ts';
import { createHandlers, type HandlerContext } from './handlers.ts';
import { describeBackups, restoreBackup, setAside } from './workspace/backup.ts';
import { lockWorkspace, openWorkspace, type Workspace, type WorkspaceLock } from './workspace/workspace.ts';

type Opened = { workspace: Workspace; handlers: Handlers } | { problem: AppError };

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
      return { workspace, handlers: createHandlers({ ...context, workspace }) };
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

  const own: Pick<Handlers, 'workspaceStatus' | 'listBackups' | 'restoreBackup' | 'startNewWorkspace'> = {
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
      if (!('problem' in current)) return current.handlers.startNewWorkspace({});
      if (!lock) throw current.problem; // never move a file another process has open
      const keptAs = setAside(path, `${path}.rusak-${new Date().toISOString().replaceAll(':', '-')}`);
      current = open();
      return { ...status(), keptAs };
    },
  };
  const delegated = Object.fromEntries(
    methodNames.map((name) => [
      name,
      (input: unknown) => {
        retryIfInUse();
        if ('problem' in current) throw current.problem;
        return (current.handlers[name] as (input: unknown) => unknown)(input);
      },
    ]),
  ) as Handlers;
  return { handlers: { ...delegated, ...own }, close };
}

/**
 * The message for the app's recovery screen. The one openWorkspace gives is for the command line (it
 * spells out the restore command); here the backups are listed right below it, with a button.
 */
function inTheApp(problem: AppError, path: string): Bilingual {
  if (problem.code !== 'workspace-unreadable') return problem.bilingual;
  const { reason, latestBackup } = problem.details as { reason: string; latestBackup: string | null };
  const next = latestBackup
    ? {
        id: 'Pulihkan salah satu cadangan di bawah; berkas yang rusak tetap disimpan di sampingnya.',
        en: 'Restore one of the backups below; the damaged file is kept beside it.',
      }
    : {
        id: 'Belum ada cadangan. Mulailah berkas kerja baru (berkas yang rusak tetap disimpan) lalu impor lagi paket acara dari sekretariat.',
        en: 'There is no backup yet. Start a new workspace (the damaged file is kept) and import the event package from the secretariat again.',
      };
  return {
    id: `Berkas kerja ${path} rusak atau bukan basis data Timbang (${reason}). ${next.id}`,
    en: `Workspace ${path} is damaged or not a Timbang database (${reason}). ${next.en}`,
  };
}
