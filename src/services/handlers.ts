/**
 * The Node side of the API contract. Transports (Electron IPC, the browser bridge) call these through
 * `dispatch`, which validates inputs and outputs; the handlers never know who called them.
 */
import type { Handlers } from '../api/contract.ts';
import { readDemoEvent } from './events/event-file.ts';
import { getEvent, getEventSummary, listCategories, listEvents, listNominees, saveEvent } from './events/event-store.ts';
import type { Workspace } from './workspace/workspace.ts';

export interface HandlerContext {
  workspace: Workspace;
  /** Folder holding resources/ files such as the demo event (differs between a checkout and an installed app). */
  resourcesDir: string;
  appVersion: string;
}

export function createHandlers({ workspace, resourcesDir, appVersion }: HandlerContext): Handlers {
  const { db } = workspace;
  return {
    appInfo: () => ({ version: appVersion, schemaVersion: workspace.schemaVersion, workspacePath: workspace.path }),
    listEvents: () => listEvents(db),
    loadDemoEvent: () => {
      const demo = readDemoEvent(resourcesDir);
      const existing = listEvents(db).find((e) => e.id === demo.id);
      if (!existing) saveEvent(db, demo, 1);
      return getEventSummary(db, demo.id);
    },
    getEvent: ({ eventId }) => getEvent(db, eventId),
    listCategories: ({ eventId }) => listCategories(db, eventId),
    listNominees: ({ eventId, categoryId }) => listNominees(db, eventId, categoryId),
  };
}
