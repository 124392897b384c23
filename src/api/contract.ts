/**
 * The API contract: every method the renderer may call, with zod schemas for its input and output.
 * The single source of truth for the Electron preload (which exposes exactly these names), the main
 * process (which validates inputs again), the browser bridge used in development and tests, and the
 * renderer's types.
 */
import { z } from 'zod';
import { Bilingual, Event, Id } from '../core/model.ts';
import type { Envelope } from './errors.ts';

export const AppInfo = z.strictObject({
  version: z.string(),
  schemaVersion: z.number().int(),
  workspacePath: z.string(),
});

export const EventSummary = z.strictObject({
  id: Id,
  name: z.string(),
  yearHeld: z.number().int(),
  place: z.string(),
  revision: z.number().int(),
  categoryCount: z.number().int(),
  nomineeCount: z.number().int(),
  jurorCount: z.number().int(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const CategorySummary = z.strictObject({
  id: Id,
  name: Bilingual,
  nomineeCount: z.number().int(),
});
export type CategorySummary = z.infer<typeof CategorySummary>;

export const NomineeRow = z.strictObject({
  id: Id,
  categoryId: Id,
  name: z.string(),
  region: z.string(),
  fictional: z.boolean(),
});
export type NomineeRow = z.infer<typeof NomineeRow>;

const NoInput = z.strictObject({});
const ForEvent = z.strictObject({ eventId: Id });

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  /** Version of the app and where its workspace database lives. */
  appInfo: method(NoInput, AppInfo),
  listEvents: method(NoInput, z.array(EventSummary)),
  /** Puts the embedded demo event ("Paritrana Award Tingkat Provinsi NTT 2025") into the workspace. */
  loadDemoEvent: method(NoInput, EventSummary),
  getEvent: method(ForEvent, Event),
  listCategories: method(ForEvent, z.array(CategorySummary)),
  listNominees: method(z.strictObject({ eventId: Id, categoryId: Id.optional() }), z.array(NomineeRow)),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** What a transport exposes (the preload's `window.timbang`, or the browser bridge): envelopes, never throws. */
export type TimbangTransport = { [M in MethodName]: (input: Input<M>) => Promise<Envelope<Output<M>>> };

/** What the renderer calls: values, or a thrown AppError. */
export type TimbangApi = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** Handlers implement the contract on the Node side; they receive inputs already validated. */
export type Handlers = { [M in MethodName]: (input: z.output<Contract[M]['input']>) => Output<M> | Promise<Output<M>> };

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The IPC channel that carries one method between preload and main. */
export const ipcChannel = (method: MethodName) => `timbang:${method}`;
