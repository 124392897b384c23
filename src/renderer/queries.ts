/**
 * The renderer's query layer (issue 20, after votingworks/vxsuite's admin frontend `api.ts`). A read of the
 * API is a query, keyed by method and input: `useQuery('listSheets', { eventId })`. A write is a mutation,
 * and INVALIDATES below says which reads it makes stale: `mutate('importSheet', …)` reads `listSheets` again
 * wherever a screen shows it. No version counters handed down, no reload callbacks passed up. A failure is
 * carried by `useAction` (one error and one busy flag per screen) and shown by ErrorNotice.
 *
 * Our own code (the client is some 120 lines) rather than @tanstack/react-query: the app needs keys,
 * invalidation and a stale answer dropped, nothing of a cache. A query lives while a screen shows it, so
 * every screen opened reads afresh as before; there is no retry (an error is shown at once, in the
 * interface language), no refetch on window focus, no time-based staleness that would read again behind a
 * juror's back. React Query's defaults are each of those; switching them all off leaves what is here, plus
 * a dependency.
 */
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { Input, MethodName, Output } from '../api/contract.ts';
import { compositeKey } from '../core/composite-key.ts';

/** What a screen has of a query: under way, the answer, or why there is none. */
export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };
/** A query that may ask nothing (its input is null): idle then. */
export type MaybeLoadable<T> = Loadable<T> | { status: 'idle' };

/** The event screens' header and lists: read again when the event itself changes (a new revision). */
const EVENT = ['listEvents', 'getEvent', 'listCategories', 'listNominees'] as const;
/** What the received sheets decide: their list, the completeness matrix, and everything computed from the marks. */
const SHEETS = [
  'listSheets',
  'listRemovedSheets',
  'listEnrolments',
  'jurorKeyChanges',
  'deliberation',
  'audit',
  'panelChecks',
  'nomineeProtocol',
] as const;
const RESULTS = ['deliberation', 'audit', 'panelChecks', 'nomineeProtocol'] as const;
const SCORING = ['scoringState', 'jurorAssignments', 'resumeStatus'] as const;

/**
 * Every write the renderer makes, and the reads it makes stale ('*': every read, for a workspace replaced
 * whole). `mutate` accepts only the methods named here, so a new write cannot forget to say what it changes.
 */
export const INVALIDATES = {
  // Workspace and keys
  createKey: ['keyStatus'],
  unlockKey: ['keyStatus'],
  createRecoveryKey: ['recoveryKeyStatus'],
  restoreBackup: '*',
  startNewWorkspace: '*',
  importMovedWorkspace: '*',
  takeOverEvent: ['listEvents'],
  // Events
  importEventTemplate: ['listEvents'],
  loadDemoEvent: ['listEvents'],
  importPackage: [...EVENT, 'jurorAssignments', 'enrolmentStatus', 'resumeStatus'],
  updateEventBasics: [...EVENT],
  chooseJuror: [...EVENT, ...SCORING, 'enrolmentStatus'],
  // Enrolment
  importEnrolment: ['listEnrolments', ...EVENT],
  confirmEnrolment: ['listEnrolments', ...EVENT],
  removeEnrolment: ['listEnrolments', ...EVENT],
  reenrolJuror: [...SHEETS, ...EVENT],
  exportSheet: ['resumeStatus', 'listBackups'],
  resumeFromSheets: [...SCORING, 'listBackups'],
  // Scoring
  recordScore: ['scoreHistory'],
  saveNote: [],
  finalizeRound: [...SCORING, 'listBackups'],
  reopenRound: [...SCORING, 'scoreHistory'],
  declareConflict: [...SCORING],
  withdrawConflict: [...SCORING],
  // Sheets and paper
  importSheet: [...SHEETS, 'listBackups'],
  removeSheet: [...SHEETS],
  recheckSheets: [...SHEETS],
  acceptKey: [...SHEETS],
  paperSubmitEntry: ['paperKeyings', 'paperComparison'],
  paperResolve: ['paperKeyings', 'paperComparison'],
  paperSign: ['paperKeyings', 'paperComparison', ...SHEETS],
  // Deliberation, audit, penetapan, attendance
  recordDecision: [...RESULTS],
  recordSpecialAward: [...RESULTS],
  issueShortlist: [...RESULTS, ...EVENT],
  acknowledgeFlags: [...RESULTS],
  setAsideSheet: [...RESULTS, 'listSheets'],
  confirmVerification: [...RESULTS],
  fixResults: [...RESULTS],
  reopenPenetapan: [...RESULTS],
  recordAbsence: ['listAbsences', ...SHEETS],
  addReplacement: ['listAbsences', ...SHEETS, ...EVENT],
} as const satisfies Partial<Record<MethodName, readonly MethodName[] | '*'>>;

export type MutationName = keyof typeof INVALIDATES;

/** One call of the API by name: the typed client, or a stand-in in the tests. */
export type Call = (method: MethodName, input: unknown) => Promise<unknown>;

interface Entry {
  method: MethodName;
  input: unknown;
  state: MaybeLoadable<unknown>;
  listeners: Set<() => void>;
  /** Bumped by each read: an answer that comes back after a newer read was started is dropped. */
  run: number;
  drop?: ReturnType<typeof setTimeout>;
}

const IDLE: MaybeLoadable<never> = { status: 'idle' };
const LOADING: MaybeLoadable<never> = { status: 'loading' };

/** The same key for the same input, whatever the order its fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${fields
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function createQueries(call: Call, table: Record<string, readonly MethodName[] | '*'> = INVALIDATES) {
  const entries = new Map<string, Entry>();
  const keyOf = (method: MethodName, input: unknown) => compositeKey(method, canonical(input));

  const read = (entry: Entry) => {
    const run = ++entry.run;
    const settle = (state: MaybeLoadable<unknown>) => {
      if (run !== entry.run || state === entry.state) return;
      entry.state = state;
      for (const listener of [...entry.listeners]) listener();
    };
    // A read again keeps the answer on screen until the new one is in: no flash of "loading", no lost focus.
    // After a failure it says "loading" again, as a first read does.
    if (entry.state.status !== 'ready') settle(LOADING);
    call(entry.method, entry.input).then(
      (value) => settle({ status: 'ready', value }),
      (error: unknown) => settle({ status: 'error', error }),
    );
  };

  const subscribe = (method: MethodName, input: unknown, listener: () => void) => {
    const key = keyOf(method, input);
    let entry = entries.get(key);
    if (!entry) {
      entry = { method, input, state: LOADING, listeners: new Set(), run: 0 };
      entries.set(key, entry);
      read(entry);
    }
    clearTimeout(entry.drop);
    entry.listeners.add(listener);
    const held = entry;
    return () => {
      held.listeners.delete(listener);
      // Forgotten once no screen shows it (a tick later: React's strict mode unmounts and mounts again at once).
      if (held.listeners.size === 0) {
        held.drop = setTimeout(() => {
          if (held.listeners.size === 0 && entries.get(key) === held) entries.delete(key);
        }, 0);
      }
    };
  };

  /** The named reads (or all of them) are read again where shown, and forgotten where not. */
  const invalidate = (methods: readonly MethodName[] | '*') => {
    for (const [key, entry] of entries) {
      if (methods !== '*' && !methods.includes(entry.method)) continue;
      if (entry.listeners.size > 0) read(entry);
      else entries.delete(key);
    }
  };

  /** Calls a write; once it succeeded, what it made stale is read again (not awaited: the screen moves on). */
  async function mutate<M extends MutationName>(method: M, input: Input<M>): Promise<Output<M>> {
    const output = (await call(method, input)) as Output<M>;
    invalidate(table[method] ?? []);
    return output;
  }

  /**
   * The same write for many inputs: sent together (the Node side takes them in parallel where it can: sheets
   * are verified in a worker pool), or `inTurn`, each once the one before has answered. One refusal never
   * stops the others: each outcome comes back in the inputs' order, and is reported as it settles. What the
   * write makes stale is read again once, after the last, if any succeeded (not after each).
   */
  async function mutateEach<M extends MutationName>(
    method: M,
    inputs: readonly Input<M>[],
    { inTurn = false, onSettled }: { inTurn?: boolean; onSettled?(outcome: Settled<Output<M>>, index: number): void } = {},
  ): Promise<Settled<Output<M>>[]> {
    const send = (input: Input<M>, index: number) =>
      settled(call(method, input) as Promise<Output<M>>).then((outcome) => {
        onSettled?.(outcome, index);
        return outcome;
      });
    const outcomes: Settled<Output<M>>[] = [];
    if (inTurn) for (const [index, input] of inputs.entries()) outcomes.push(await send(input, index));
    else outcomes.push(...(await Promise.all(inputs.map(send))));
    if (outcomes.some((outcome) => outcome.ok)) invalidate(table[method] ?? []);
    return outcomes;
  }

  /**
   * A read for a screen, drawn again when its answer comes. `null` asks nothing (idle). When the input
   * changes (another rule, another nominee), the previous answer stays until the new one is in, as a
   * re-read keeps its own: screens check what they show when that matters (NomineeProtocol does).
   */
  function useQuery<M extends MethodName>(method: M, input: Input<M>): Loadable<Output<M>>;
  function useQuery<M extends MethodName>(method: M, input: Input<M> | null): MaybeLoadable<Output<M>>;
  function useQuery<M extends MethodName>(method: M, input: Input<M> | null): MaybeLoadable<Output<M>> {
    const key = input === null ? null : keyOf(method, input);
    const inputRef = useRef(input);
    inputRef.current = input;
    const state = useSyncExternalStore(
      useCallback(
        (listener: () => void) => (key === null ? () => {} : subscribe(method, inputRef.current, listener)),
        [method, key], // the key stands for the input
      ),
      () => (key === null ? IDLE : (entries.get(key)?.state ?? LOADING)),
    ) as MaybeLoadable<Output<M>>;
    const lastReady = useRef<MaybeLoadable<Output<M>> | null>(null);
    if (state.status === 'ready') lastReady.current = state;
    if (state.status === 'error' || state.status === 'idle') lastReady.current = null;
    return state.status === 'loading' && lastReady.current ? lastReady.current : state;
  }

  return { useQuery, mutate, mutateEach, invalidate };
}

/** What an action of a screen carries: whether it runs (and what it does, for Working), and why it failed. */
export interface Action {
  /** Runs the work; a failure becomes `error` rather than a rejection. The work's value, or undefined if it failed. */
  run<T>(work: () => Promise<T>, label?: string): Promise<T | undefined>;
  busy: boolean;
  /** What is being done, when the screen says so (Working). */
  label: string | null;
  /** The last failure, null when none: ErrorNotice shows it. */
  error: unknown;
  /** A failure found without calling the API (two passphrases that differ), shown the same way. */
  fail(error: unknown): void;
  clear(): void;
}

/**
 * One screen's actions: the try/catch each of them used to write, and the error state each kept. The error
 * is cleared when the next action starts, as before.
 */
export function useAction(): Action {
  const [error, setError] = useState<unknown>(null);
  const [label, setLabel] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>, what?: string): Promise<T | undefined> => {
    setError(null);
    setBusy(true);
    setLabel(what ?? null);
    try {
      return await work();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(false);
      setLabel(null);
    }
  }, []);
  const fail = useCallback((failure: unknown) => setError(failure), []);
  const clear = useCallback(() => setError(null), []);
  return { run, busy, label, error, fail, clear };
}

/** A call's outcome as a value (after grout's Result): for loops where one refusal must not stop the rest. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
