/**
 * Cross-cutting concerns around a handler, as decorators (Actual Budget's `mutator(undoable(fn))`): the
 * handler says what it does, the decorator what happens around it.
 */
import { backupWorkspace } from '../workspace/backup.ts';
import type { Workspace } from '../workspace/workspace.ts';

type Handler<I, O> = (input: I) => O | Promise<O>;

export interface BackupDecorators {
  /**
   * A backup after a change: the call returns once a copy of the workspace holding the change is taken
   * (`reason` names it: 'finalisasi', 'ekspor-lembar', …). A call that fails takes none.
   */
  withBackup<I, O>(reason: string, handler: Handler<I, O>): (input: I) => Promise<O>;
  /**
   * A backup after changes that come in batches (sheets imported at once): each call returns once a backup
   * holding it is taken, but calls running at once share one, taken when the last of them is done (a backup
   * copies the whole workspace, so one per file would make the 15th import of a national batch cost more
   * than the first). Only a call whose result is `worthIt` waits for one: a refused file adds nothing to restore.
   */
  withSharedBackup<I, O>(reason: string, handler: Handler<I, O>, worthIt: (output: O) => boolean): (input: I) => Promise<O>;
}

export function backupDecorators(workspace: Workspace): BackupDecorators {
  return {
    withBackup: (reason, handler) => async (input) => {
      const output = await handler(input);
      await backupWorkspace(workspace, reason);
      return output;
    },
    withSharedBackup: <I, O>(reason: string, handler: Handler<I, O>, worthIt: (output: O) => boolean) => {
      let running = 0;
      let waiting: { done(): void; failed(error: unknown): void }[] = [];
      const joinBatch = () => new Promise<void>((done, failed) => waiting.push({ done, failed }));
      const takeBackup = () => {
        if (waiting.length === 0) return;
        const batch = waiting;
        waiting = [];
        backupWorkspace(workspace, reason).then(
          () => batch.forEach((w) => w.done()),
          (error: unknown) => batch.forEach((w) => w.failed(error)),
        );
      };
      return async (input: I) => {
        running++;
        const outcome = await Promise.resolve()
          .then(() => handler(input))
          .then(
            (output) => ({ output }),
            (error: unknown) => ({ error }),
          );
        running--;
        const backedUp = 'output' in outcome && worthIt(outcome.output) ? joinBatch() : Promise.resolve();
        if (running === 0) takeBackup();
        if ('error' in outcome) throw outcome.error;
        await backedUp;
        return outcome.output;
      };
    },
  };
}
