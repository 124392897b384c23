/**
 * The API contract: every method the renderer may call, with zod schemas for its input and output and the
 * error codes it may answer (src/api/errors.ts). The single source of truth for the Electron preload (which
 * exposes exactly these names), the main process (which validates inputs again), the browser bridge used in
 * development and tests, and the renderer's types.
 *
 * One file per domain under src/api/contract/, combined here; a name defined by two domains is refused at
 * load (combine.ts). The handlers follow the same domains (src/services/handlers/).
 */
import type { z } from 'zod';
import type { Envelope, ErrorCode, UniversalError } from './errors.ts';
import { backupMethods } from './contract/backup.ts';
import { combineDomains } from './contract/combine.ts';
import { continuityMethods } from './contract/continuity.ts';
import { deliberationMethods } from './contract/deliberation.ts';
import { enrolmentMethods } from './contract/enrolment.ts';
import { eventMethods } from './contract/events.ts';
import { keyMethods } from './contract/keys.ts';
import { paperMethods } from './contract/paper.ts';
import { reportMethods } from './contract/report.ts';
import { scoringMethods } from './contract/scoring.ts';
import { shapeMethods } from './contract/shape.ts';
import { sheetMethods } from './contract/sheets.ts';
import { workspaceMethods } from './contract/workspace.ts';

export * from './contract/common.ts';
export * from './contract/workspace.ts';
export * from './contract/backup.ts';
export * from './contract/events.ts';
export * from './contract/keys.ts';
export * from './contract/enrolment.ts';
export * from './contract/scoring.ts';
export * from './contract/sheets.ts';
export * from './contract/deliberation.ts';
export * from './contract/paper.ts';
export * from './contract/shape.ts';
export * from './contract/continuity.ts';

/** The domains, each the methods of one part of the app; a handlers file answers each (src/services/handlers/<domain>.ts). */
export const domains = {
  workspace: workspaceMethods,
  backup: backupMethods,
  events: eventMethods,
  keys: keyMethods,
  enrolment: enrolmentMethods,
  scoring: scoringMethods,
  sheets: sheetMethods,
  deliberation: deliberationMethods,
  report: reportMethods,
  paper: paperMethods,
  shape: shapeMethods, // issue 16: special awards, audit, penetapan, attendance
  continuity: continuityMethods, // issue 21: moving a workspace, resuming, key changes and rollover, the runbook
};
export type Domain = keyof typeof domains;

export const contract = combineDomains('contract', domains);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
/** The codes a call of M may fail with: those it declares, and the universal ones. */
export type MethodError<M extends MethodName> = Contract[M]['errors'][number] | UniversalError;

/** What a transport exposes (the preload's `window.timbang`, or the browser bridge): envelopes, never throws. */
export type TimbangTransport = { [M in MethodName]: (input: Input<M>) => Promise<Envelope<Output<M>>> };

/** What the renderer calls: values, or a thrown AppError. */
export type TimbangApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** Handlers implement the contract on the Node side; they receive inputs already validated. */
export type Handlers = { [M in MethodName]: Handler<M> };
export type Handler<M extends MethodName> = (input: z.output<Contract[M]['input']>) => Output<M> | Promise<Output<M>>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Whether method M declares this code (the universal codes need no declaration: errors.ts). */
export function declaresError(method: MethodName, code: ErrorCode): boolean {
  return (contract[method].errors as readonly ErrorCode[]).includes(code);
}

/** The IPC channel that carries one method between preload and main. */
export const ipcChannel = (method: MethodName) => `timbang:${method}`;
