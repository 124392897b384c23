/**
 * Progress on long work at the command line (verifying many sheets, merging, printing a report, writing a
 * national demo): one line on the terminal that says what is being done, n of m where known, and the
 * seconds so far, rewritten in place so the command never looks frozen. Only on a terminal: with --json,
 * or when stderr is a pipe or a file (scripts, CI, tests), nothing is written, so no output changes.
 */
import { pick } from '../core/messages/catalog.ts';
import { cliMessages } from '../core/messages/cli.ts';
import type { Bilingual } from '../core/model.ts';
import type { Lang } from './context.ts';

export interface Progress {
  /** A phase of the work: "Memeriksa 15 lembar nilai…". */
  step(what: Bilingual): void;
  /** n of m of a phase: "3 dari 15 · menulis J3.xlsx". */
  count(done: number, total: number, what: Bilingual): void;
  /** Clears the line; call before printing results (and on failure). */
  end(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const QUIET: Progress = { step: () => {}, count: () => {}, end: () => {} };
const CLEAR_LINE = '\r\u001b[2K';

export function cliProgress(
  lang: Lang,
  options: { json?: boolean } = {},
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  if (options.json || !stream.isTTY) return QUIET;
  const started = now();
  let line = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    const seconds = Math.floor((now() - started) / 1000);
    stream.write(`${CLEAR_LINE}${line}${seconds > 0 ? ` (${pick(cliMessages.seconds({ seconds }), lang)})` : ''}`);
  };
  const show = (text: string) => {
    line = text;
    draw();
    if (!timer) {
      timer = setInterval(draw, 500);
      timer.unref?.(); // never keeps the command alive
    }
  };
  return {
    step: (what) => show(pick(what, lang)),
    count: (done, total, what) => show(`${pick(cliMessages.countOf({ done, total }), lang)} · ${pick(what, lang)}`),
    end: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (line) stream.write(CLEAR_LINE);
      line = '';
    },
  };
}

/** Runs work under a progress line that is cleared however the work ends. */
export async function withProgress<T>(progress: Progress, work: (progress: Progress) => Promise<T>): Promise<T> {
  try {
    return await work(progress);
  } finally {
    progress.end();
  }
}
