/**
 * Time and peak memory of one call. The peak is sampled every millisecond by a worker thread: the work
 * under test is mostly synchronous (inflating, parsing), during which no timer of the main thread runs,
 * while a worker's does, and process.memoryUsage.rss() is the whole process's resident memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData); // [0] sampling?, [1] peak KiB, [2] stop
const tick = () => {
  if (Atomics.load(state, 0) === 1) {
    const kib = Math.round(process.memoryUsage.rss() / 1024);
    if (kib > Atomics.load(state, 1)) Atomics.store(state, 1, kib);
  }
  if (Atomics.load(state, 2) === 0) setTimeout(tick, 1);
};
tick();
`;

export interface Measured<T> {
  value: T;
  ms: number;
  /** Peak resident memory during the call (or after it) above what it was just before, in MiB. */
  rssGrowthMiB: number;
}

export class PeakSampler {
  readonly #state = new Int32Array(new SharedArrayBuffer(12));
  readonly #worker: Worker;
  readonly #gc: () => void;

  constructor() {
    this.#worker = new Worker(SAMPLER, { eval: true, workerData: this.#state.buffer });
    this.#worker.unref();
    // A full collection before each measurement, so that one file's garbage is not counted against the next.
    setFlagsFromString('--expose-gc');
    this.#gc = runInNewContext('gc') as () => void;
  }

  async measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
    this.#gc();
    const before = process.memoryUsage.rss();
    Atomics.store(this.#state, 1, Math.round(before / 1024));
    Atomics.store(this.#state, 0, 1);
    const start = performance.now();
    let value: T;
    try {
      value = await work();
    } finally {
      Atomics.store(this.#state, 0, 0);
    }
    const ms = performance.now() - start;
    const peak = Math.max(Atomics.load(this.#state, 1) * 1024, process.memoryUsage.rss());
    return { value, ms, rssGrowthMiB: Math.max(0, peak - before) / (1024 * 1024) };
  }

  async stop(): Promise<void> {
    Atomics.store(this.#state, 2, 1);
    await this.#worker.terminate();
  }
}
