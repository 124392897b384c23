/** Starts a real second process on a workspace (tests/support/hold-workspace.ts), and waits for what it says. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const HOLDER = join(import.meta.dirname, 'hold-workspace.ts');

export interface SecondProcess {
  child: ChildProcess;
  /** Its first line: "held <pid>", "opened <pid>" or "refused <code> <id message> | <en message>". */
  said: string;
  /** Resolves with the exit code (or signal) once it has ended. */
  ended: Promise<number | NodeJS.Signals | null>;
  /** SIGKILL (a crash) or SIGTERM (closed properly); resolves once it has ended. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<number | NodeJS.Signals | null>;
}

export function secondProcess(mode: 'open' | 'host' | 'try', path: string): Promise<SecondProcess> {
  const child = spawn(process.execPath, [HOLDER, mode, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = new Promise<number | NodeJS.Signals | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the second process said nothing in 20 s: ${err}`));
    }, 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      clearTimeout(timer);
      const stop = (signal: 'SIGKILL' | 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return ended;
      };
      resolve({ child, said: out.split('\n')[0], ended, stop });
    });
    void ended.then((how) => {
      if (!out.includes('\n')) {
        clearTimeout(timer);
        reject(new Error(`the second process ended (${how}) without a word: ${err}`));
      }
    });
  });
}
