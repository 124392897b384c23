/**
 * The Node side of the API contract. Transports (Electron IPC, the browser bridge) call these through
 * `dispatch`, which validates inputs and outputs; the handlers never know who called them.
 * Grouped by who uses them: the workspace itself, the secretariat's set-up, the juror's laptop.
 */
import type { Handlers } from '../api/contract.ts';
import { AppError } from '../api/errors.ts';
import { readDemoEvent } from './events/event-file.ts';
import { saveAuthored } from './events/authored.ts';
import { getEvent, getEventSummary, listCategories, listEvents, listNominees } from './events/event-store.ts';
import { KeyStore, type OsSecretStore } from './keys/key-store.ts';
import { continuityHandlers } from './continuity-handlers.ts';
import { jurorHandlers } from './juror-handlers.ts';
import { paperHandlers } from './paper-handlers.ts';
import { applyPackage, demoPackage } from './packages/event-package.ts';
import { secretariatHandlers } from './secretariat-handlers.ts';
import { shapeHandlers } from './shape-handlers.ts';
import { recordDemoAbsences } from './attendance/attendance.ts';
import { describeBackups } from './workspace/backup.ts';
import type { Workspace } from './workspace/workspace.ts';

export interface HandlerContext {
  workspace: Workspace;
  /** Folder holding resources/ files such as the demo event (differs between a checkout and an installed app). */
  resourcesDir: string;
  appVersion: string;
  /** The OS keychain (Electron safeStorage) when available; without it the key needs a passphrase. */
  osSecrets?: OsSecretStore;
  /** Chromium printing an HTML report: printToPDF in the app, Playwright in the CLI and the browser bridge. */
  printing?: ReportPrinting;
}

export interface ReportPrinting {
  toPdf(html: string): Promise<Buffer>;
  /** Absent outside the desktop app: a browser tab cannot open the system's print dialog for a document of ours. */
  toPrinter?(html: string): Promise<void>;
}

/** What every group of handlers shares. */
export interface Services {
  workspace: Workspace;
  keys: KeyStore;
  printing: ReportPrinting;
}

/** Where nothing can print (a test without Chromium, say), asking for a PDF says so. */
const NO_PRINTING: ReportPrinting = {
  toPdf: () =>
    Promise.reject(new AppError('forbidden', { id: 'Pencetakan PDF tidak tersedia di sini.', en: 'PDF printing is not available here.' })),
};

export function createHandlers({ workspace, resourcesDir, appVersion, osSecrets, printing }: HandlerContext): Handlers {
  const { db } = workspace;
  const keys = new KeyStore(db, osSecrets);
  const services: Services = { workspace, keys, printing: printing ?? NO_PRINTING };
  return {
    appInfo: () => ({ version: appVersion, schemaVersion: workspace.schemaVersion, workspacePath: workspace.path }),
    // An open workspace; the app's WorkspaceHost (workspace-host.ts) answers these itself, and only it can
    // swap the file underneath and reopen it.
    workspaceStatus: () => ({ path: workspace.path, problem: null }),
    listBackups: () => describeBackups(workspace.path),
    restoreBackup: () => {
      throw new AppError('forbidden', {
        id: 'Pemulihan cadangan hanya dari aplikasi, atau dengan "timbang backup restore" saat aplikasi tertutup.',
        en: 'A backup is restored from the app, or with "timbang backup restore" while the app is closed.',
      });
    },
    startNewWorkspace: () => {
      throw new AppError('forbidden', {
        id: 'Berkas kerja ini terbuka dan sehat; tidak ada yang perlu diganti.',
        en: 'This workspace is open and sound; there is nothing to replace.',
      });
    },
    listEvents: () => listEvents(db),
    loadDemoEvent: ({ role }) => {
      const demo = readDemoEvent(resourcesDir);
      if (!listEvents(db).some((e) => e.id === demo.id)) {
        if (role === 'sekretariat') {
          saveAuthored(db, demo);
          recordDemoAbsences(db, demo); // issue 16: the demo juror absent from one category's interviews
        } else applyPackage(db, demoPackage(demo));
      }
      return getEventSummary(db, demo.id);
    },
    getEvent: ({ eventId }) => getEvent(db, eventId),
    listCategories: ({ eventId }) => listCategories(db, eventId),
    listNominees: ({ eventId, categoryId }) => listNominees(db, eventId, categoryId),

    keyStatus: () => keys.status(),
    createKey: ({ passphrase }) => {
      keys.create(passphrase);
      return keys.status();
    },
    unlockKey: ({ passphrase }) => {
      keys.unlock(passphrase);
      return keys.status();
    },

    ...secretariatHandlers(services, () => readDemoEvent(resourcesDir)),
    ...jurorHandlers(services),
    ...shapeHandlers(services), // issue 16: awards, audit, penetapan, attendance
    ...paperHandlers(services),
    ...continuityHandlers(services), // issue 21: moving a workspace, resuming, key changes and rollover, the runbook
  };
}
