/** The workspace itself: which app serves it, where its file is, whether it opened, and starting anew. */
import { z } from 'zod';
import { Bilingual } from '../../core/model.ts';
import { method, NoInput } from './common.ts';

export const AppInfo = z.strictObject({
  version: z.string(),
  schemaVersion: z.number().int(),
  workspacePath: z.string(),
});

/** The workspace this app serves: a problem when it could not be opened (a damaged file), else null. */
export const WorkspaceStatus = z.strictObject({
  path: z.string(),
  problem: Bilingual.nullable(),
});

export const workspaceMethods = {
  /** Version of the app and where its workspace database lives. */
  appInfo: method(NoInput, AppInfo),
  /** Whether the workspace opened; the only calls that work when it did not are this one and the backup calls. */
  workspaceStatus: method(NoInput, WorkspaceStatus),
  /** Only for a workspace that could not be opened: keeps the damaged file aside and starts an empty one. */
  startNewWorkspace: method(NoInput, WorkspaceStatus.extend({ keptAs: z.string() }), { errors: ['forbidden'] }),
};
