/**
 * The Node side of the API contract, one handlers file per domain (src/services/handlers/<domain>.ts, as
 * the contract's src/api/contract/<domain>.ts), combined here; a method defined by two domains is refused
 * when they are combined. Transports (Electron IPC, the browser bridge) call these through `dispatch`,
 * which validates inputs, outputs and errors; the handlers never know who called them.
 */
import type { Handlers } from '../api/contract.ts';
import { combineDomains } from '../api/contract/combine.ts';
import { openedBackupHandlers } from './handlers/backup.ts';
import { continuityHandlers } from './handlers/continuity.ts';
import { deliberationHandlers } from './handlers/deliberation.ts';
import { enrolmentHandlers } from './handlers/enrolment.ts';
import { eventHandlers } from './handlers/events.ts';
import { keyHandlers } from './handlers/keys.ts';
import { paperHandlers } from './handlers/paper.ts';
import { reportHandlers } from './handlers/report.ts';
import { scoringHandlers } from './handlers/scoring.ts';
import { createServices, type HandlerContext } from './handlers/services.ts';
import { shapeHandlers } from './handlers/shape.ts';
import { sheetHandlers } from './handlers/sheets.ts';
import { openedWorkspaceHandlers, workspaceHandlers, type HostedMethod } from './handlers/workspace.ts';

export type { HandlerContext, ReportPrinting } from './handlers/services.ts';

/** Every domain's handlers over one open workspace, but the calls about its file, which its owner answers (workspace.ts). */
export function domainHandlers(context: HandlerContext): Omit<Handlers, HostedMethod> {
  const services = createServices(context);
  return combineDomains('handlers', {
    workspace: workspaceHandlers(services),
    events: eventHandlers(services),
    keys: keyHandlers(services),
    enrolment: enrolmentHandlers(services),
    scoring: scoringHandlers(services),
    sheets: sheetHandlers(services),
    deliberation: deliberationHandlers(services),
    report: reportHandlers(services),
    paper: paperHandlers(services),
    shape: shapeHandlers(services), // issue 16: awards, audit, penetapan, attendance
    continuity: continuityHandlers(services), // issue 21: moving a workspace, resuming, key changes and rollover, the runbook
  });
}

/** All handlers over a workspace this process opened and cannot swap (the CLI, tests); the app's host: workspace-host.ts. */
export function createHandlers(context: HandlerContext): Handlers {
  return combineDomains('handlers', {
    domains: domainHandlers(context),
    workspaceFile: { ...openedWorkspaceHandlers(context.workspace), ...openedBackupHandlers(context.workspace) },
  });
}
