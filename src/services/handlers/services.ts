/**
 * What every domain's handlers share: the workspace, its key store, printing, and the decorators and
 * scopes built once per workspace (the backups after a change, the event a call is about).
 */
import { AppError } from '../../api/errors.ts';
import { handlerMessages } from '../../core/messages/handlers.ts';
import { KeyStore, type OsSecretStore } from '../keys/key-store.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { backupDecorators, type BackupDecorators } from './decorators.ts';
import { jurorScope, secretariatScope, type JurorScope, type SecretariatScope } from './scope.ts';

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

/** What every domain's handlers are built from. */
export interface Services extends BackupDecorators {
  context: HandlerContext;
  workspace: Workspace;
  keys: KeyStore;
  printing: ReportPrinting;
  /** The juror this laptop scores as, and the event as stored (package events). */
  juror: JurorScope;
  /** The event as the secretariat authored it, its own key, the sheets as listed. */
  secretariat: SecretariatScope;
}

/** Where nothing can print (a test without Chromium, say), asking for a PDF says so. */
const NO_PRINTING: ReportPrinting = {
  toPdf: () => Promise.reject(new AppError('forbidden', handlerMessages.noPrinting())),
};

export function createServices(context: HandlerContext): Services {
  const { workspace, osSecrets, printing } = context;
  const keys = new KeyStore(workspace.db, osSecrets);
  return {
    context,
    workspace,
    keys,
    printing: printing ?? NO_PRINTING,
    juror: jurorScope(workspace.db),
    secretariat: secretariatScope(workspace.db, keys),
    ...backupDecorators(workspace),
  };
}

/** Direct printing, where there is a printer to print on (the desktop app): refused elsewhere. */
export function printer(printing: ReportPrinting): (html: string) => Promise<void> {
  const { toPrinter } = printing;
  if (!toPrinter) throw new AppError('forbidden', handlerMessages.printOnlyInDesktop());
  return (html) => toPrinter.call(printing, html);
}
