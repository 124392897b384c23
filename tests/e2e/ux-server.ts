/**
 * A `timbang serve` of its own for the issue 19 specs (ux-*.spec.ts, a11y.spec.ts): a fresh workspace per
 * server, so these tests never depend on, or disturb, what the other specs' shared workspaces hold. Entered
 * as a person enters: through the address the server prints, with its token.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WORKSPACES } from '../playwright.config.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Above the config's own servers (base … base + 8), within this run's port range. */
let nextPort = WORKSPACES.main + 20 + Number(process.env.TEST_WORKER_INDEX ?? 0) * 10;

export interface OwnServer {
  /** The printed address, with the token: page.goto(server.address) admits the page. */
  address: string;
  /** The same server without the token, for page.goto after admission. */
  origin: string;
  dbPath: string;
  stop(): Promise<void>;
}

/** `damaged`: the workspace file is damaged before the server starts (tests/support/damaged-workspace.ts). */
export async function startServer(name: string, options: { damaged?: boolean } = {}): Promise<OwnServer> {
  const dir = mkdtempSync(join(tmpdir(), `timbang-ux-${name}-`));
  const dbPath = join(dir, 'workspace.sqlite');
  if (options.damaged) execFileSync(process.execPath, ['tests/support/damaged-workspace.ts', dbPath], { cwd: ROOT, stdio: 'ignore' });
  const port = nextPort++;
  const child: ChildProcess = spawn(process.execPath, ['src/cli/timbang.js', 'serve', '--db', dbPath, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = await new Promise<string>((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`timbang serve (${name}) did not start in 30 s:\n${out}\n${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Timbang: (http:\/\/\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        done(found[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`timbang serve (${name}) exited with ${code}:\n${out}\n${err}`));
    });
  });
  return {
    address,
    origin: new URL(address).origin + '/',
    dbPath,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
