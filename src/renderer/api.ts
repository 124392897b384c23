/** The renderer's one entry to the API: Electron's preload when present, else the browser bridge; and the queries over it. */
import { createClient } from '../api/dispatch.ts';
import type { MethodName } from '../api/contract.ts';
import { createHttpTransport } from './bridge/http-transport.ts';
import { createQueries } from './queries.ts';

export const api = createClient(window.timbang ?? createHttpTransport());
export const transportName: 'electron' | 'browser' = window.timbang ? 'electron' : 'browser';

/** Reads by key (`useQuery`), writes that say what they make stale (`mutate`): see queries.ts. */
export const { useQuery, mutate, mutateEach, invalidate } = createQueries((method: MethodName, input: unknown) =>
  (api[method] as (input: unknown) => Promise<unknown>)(input),
);
export { settled, useAction, type Loadable } from './queries.ts';
