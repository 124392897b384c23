/**
 * Score sheets verified in parallel: a pool of worker threads (node:worker_threads), one per core, each
 * running verifyScoreSheet. Independent files (the app's import of several sheets, `timbang verify`,
 * `merge` and `report`) are spread over the cores; each caller still gets its own file's result, so
 * results come back in the order asked for, and are the same as verifying in the calling thread.
 *
 * TIMBANG_VERIFY_THREADS sets the pool's size (0: verify in the calling thread, as on one core). Where the
 * worker module cannot be found (the Electron bundle, until main names a bundled worker with
 * `useVerifyWorker`), or a worker fails, verification runs in the calling thread: slower, never different.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compositeKey } from '../../core/composite-key.ts';
import { verifyScoreSheet, type SheetVerification, type VerifyContext } from '../sheets/score-sheet.ts';
import type { SheetPayload } from '../sheets/sheet-payload.ts';

export type WorkerRequest =
  | { kind: 'context'; contextId: string; context: VerifyContext }
  | { kind: 'verify'; taskId: number; contextId: string; bytes: Uint8Array; fileName: string };

export type WorkerReply =
  | { kind: 'done'; taskId: number; result: SheetVerification; payloadJson: string | null }
  | { kind: 'failed'; taskId: number; error: string };

/** The worker module beside this one (a variable, so that no bundler copies the raw file as an asset). */
const WORKER_MODULE = './verify-worker.ts';
let workerUrl: URL | null = new URL(WORKER_MODULE, import.meta.url);

/** Where the worker module is, for a host that bundles it elsewhere (Electron main); null: none, verify in the calling thread. */
export function useVerifyWorker(url: URL | null): void {
  workerUrl = url;
  shared?.close();
  shared = null;
}

/** The payload's canonical form as the worker wrote it, for the inbox to store without serialising it again. */
const payloadJson = new WeakMap<SheetPayload, string>();
export function knownPayloadJson(payload: SheetPayload): string | undefined {
  return payloadJson.get(payload);
}

/** The size of the pool: TIMBANG_VERIFY_THREADS, else one thread per core. */
export function verifyThreads(): number {
  const asked = process.env.TIMBANG_VERIFY_THREADS;
  if (asked !== undefined && /^\d+$/.test(asked.trim())) return Number(asked);
  return availableParallelism();
}

interface Task {
  taskId: number;
  contextId: string;
  context: VerifyContext;
  bytes: Uint8Array;
  fileName: string;
  resolve(result: SheetVerification): void;
}

interface Slot {
  worker: Worker;
  contexts: Set<string>;
  task: Task | null;
}

/** An id per context object, from its content: the same event and keys are sent to a worker once. */
const contextIds = new WeakMap<VerifyContext, string>();
function contextId(context: VerifyContext): string {
  let id = contextIds.get(context);
  if (id === undefined) {
    // Any further field a later version adds to the context is part of its identity too.
    const further = Object.entries(context).filter(([name]) => !['event', 'latestPackageRevision', 'jurorKeys'].includes(name));
    const key = compositeKey(
      JSON.stringify(context.event),
      context.latestPackageRevision,
      JSON.stringify([...context.jurorKeys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      ...further.flatMap(([name, value]) => [name, String(JSON.stringify(value))]),
    );
    contextIds.set(context, (id = createHash('sha256').update(key).digest('hex')));
  }
  return id;
}

export class VerifyPool {
  readonly size: number;
  /** How many sheets were verified in a worker thread, and how many in the calling thread. */
  readonly counts = { threads: 0, here: 0 };
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextTask = 1;
  private broken = false;
  /** The last verification asked for in the calling thread (see `inTurn`). */
  private here: Promise<unknown> = Promise.resolve();

  constructor(size = verifyThreads()) {
    this.size = workerUrl && existsSync(fileURLToPath(workerUrl)) ? size : 0;
  }

  /** Verifies one sheet: in a worker thread when the pool has any, else here. Never throws (as verifyScoreSheet). */
  verify = (bytes: Uint8Array, fileName: string, context: VerifyContext): Promise<SheetVerification> => {
    if (this.size === 0 || this.broken) return this.inTurn(bytes, fileName, context);
    return new Promise<SheetVerification>((resolve) => {
      this.queue.push({ taskId: this.nextTask++, contextId: contextId(context), context, bytes, fileName, resolve });
      this.pump();
    });
  };

  /** Stops the worker threads; tasks still queued are verified here. */
  async close(): Promise<void> {
    this.broken = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const slot of slots) if (slot.task) this.fallback(slot.task);
    for (const task of this.queue.splice(0)) this.fallback(task);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
    // Idle threads do not keep a command-line run alive.
    for (const slot of this.slots) if (slot.task === null) slot.worker.unref();
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl!);
    const slot: Slot = { worker, contexts: new Set(), task: null };
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (!task || task.taskId !== reply.taskId) return;
      slot.task = null;
      if (reply.kind === 'done') {
        const payload = reply.payloadJson === null ? null : (JSON.parse(reply.payloadJson) as SheetPayload);
        if (payload) payloadJson.set(payload, reply.payloadJson!);
        this.counts.threads++;
        task.resolve({ ...reply.result, payload });
      } else {
        this.fallback(task);
      }
      this.pump();
    });
    // A thread that fails (it cannot load, or dies) takes no more work: its task, and any after, run here.
    const retire = () => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      if (this.slots.length === 0) this.broken = true;
      if (slot.task) this.fallback(slot.task);
      slot.task = null;
      if (this.broken) for (const task of this.queue.splice(0)) this.fallback(task);
      else this.pump();
    };
    worker.on('error', retire);
    worker.on('exit', retire);
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    if (!slot.contexts.has(task.contextId)) {
      slot.worker.postMessage({ kind: 'context', contextId: task.contextId, context: task.context } satisfies WorkerRequest);
      slot.contexts.add(task.contextId);
      if (slot.contexts.size > 4) slot.contexts.delete(slot.contexts.values().next().value!); // the worker keeps as many
    }
    slot.worker.postMessage({
      kind: 'verify',
      taskId: task.taskId,
      contextId: task.contextId,
      bytes: task.bytes,
      fileName: task.fileName,
    } satisfies WorkerRequest);
  }

  private fallback(task: Task): void {
    void this.inTurn(task.bytes, task.fileName, task.context).then(task.resolve);
  }

  /**
   * Verification in the calling thread, one sheet after another even when many are asked at once: each
   * holds a whole workbook in memory while it is read, and interleaving fifteen of them (they await the
   * unzipping) held fifteen at once.
   */
  private inTurn(bytes: Uint8Array, fileName: string, context: VerifyContext): Promise<SheetVerification> {
    this.counts.here++;
    const result = this.here.then(() => verifyScoreSheet(bytes, fileName, context));
    this.here = result.catch(() => undefined);
    return result;
  }
}

let shared: VerifyPool | null = null;
/** The process's pool, made on first use. */
export function verifyPool(): VerifyPool {
  return (shared ??= new VerifyPool());
}
