/**
 * What `npm start` does, proved without pretending Electron ran (it cannot be downloaded here):
 * - the real chain (package.json's script → electron/start.ts → electron-vite preview → the build) in a
 *   copy of the project, with a stand-in executable given as Electron (ELECTRON_EXEC_PATH): it is launched
 *   once, on the app's entry, after one build;
 * - electron/start.ts in a small project of its own: it runs Electron's installer before electron-vite
 *   (a fake installer that records its call), and with Electron's real installer and no way out (a mirror
 *   on a closed local port) it fails at once with the sentence in both languages and a non-zero exit,
 *   having asked only the mirror or proxy it was given (ELECTRON_MIRROR, ELECTRON_GET_USE_PROXY).
 * The real binary is launched by tests/e2e/electron.spec.ts wherever one exists.
 */
import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/demo.ts';
import { projectCopy, standInExecutable, type Checkout } from '../support/electron-checkout.ts';

const OFFLINE_ID = 'Electron belum terpasang dan gagal diunduh';
const OFFLINE_EN = 'Electron is not installed and could not be downloaded';

/** The environment of a child, without what the npm running these tests set for itself (its config would reach the installer). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|ELECTRON_)/i.test(name)));
  return { ...env, ELECTRON_GET_NO_PROGRESS: '1', ...extra };
}

describe.skipIf(process.platform === 'win32')('npm start launches the app entry after one build (real chain, stand-in Electron)', () => {
  let copy: Checkout;
  let scratch: string;
  let run: SpawnSyncReturns<string>;
  let record: { argv: string[]; cwd: string; env: Record<string, string | null> };
  const started = Date.now();

  beforeAll(() => {
    copy = projectCopy();
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'timbang-stand-in-')));
    const recordFile = join(scratch, 'launched.json');
    const standIn = standInExecutable(scratch, recordFile);
    run = spawnSync('npm', ['start'], {
      cwd: copy.dir,
      encoding: 'utf8',
      env: cleanEnv({ ELECTRON_EXEC_PATH: standIn }),
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`npm start failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    record = JSON.parse(readFileSync(recordFile, 'utf8'));
  }, 150_000);
  afterAll(() => {
    copy?.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('runs electron/start.ts, which runs electron-vite preview', () => {
    expect(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts.start).toBe('node electron/start.ts');
    expect(run.stdout).toContain('node electron/start.ts');
    expect(run.stdout).toContain('starting electron app...');
  });

  it('builds main, preload and renderer once, not twice', () => {
    for (const output of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(run.stdout.split(output).length - 1, output).toBe(1);
      expect(statSync(join(copy.dir, output)).mtimeMs, output).toBeGreaterThanOrEqual(started - 1000);
    }
  });

  it('launches the executable given as Electron once, on the project folder, whose package.json main is the built main process', () => {
    expect(record.argv).toEqual(['.']);
    expect(record.cwd).toBe(copy.dir);
    const main = JSON.parse(readFileSync(join(copy.dir, 'package.json'), 'utf8')).main;
    expect(main).toBe('out/main/index.js');
    expect(readFileSync(join(copy.dir, main), 'utf8')).toContain('app://timbang'); // the app's main process, as built
    // The built renderer, not a development server: no renderer URL handed over.
    expect(record.env.ELECTRON_RENDERER_URL).toBeNull();
  });
});

/** A project holding only electron/start.ts, a fake electron-vite that records its call, and the given Electron package. */
function startProject(electronPackage: (dir: string) => void): { dir: string; log: string; remove(): void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'timbang-start-')));
  const log = join(dir, 'calls.log');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'start-test', private: true, type: 'module' }));
  mkdirSync(join(dir, 'electron'));
  copyFileSync(join(PROJECT_ROOT, 'electron', 'start.ts'), join(dir, 'electron', 'start.ts'));
  const vite = join(dir, 'node_modules', 'electron-vite');
  mkdirSync(join(vite, 'bin'), { recursive: true });
  writeFileSync(
    join(vite, 'bin', 'electron-vite.js'),
    `const fs = require('node:fs');\n` +
      `const installed = fs.existsSync(${JSON.stringify(join(dir, 'node_modules', 'electron', 'path.txt'))});\n` +
      `fs.appendFileSync(${JSON.stringify(log)}, 'electron-vite ' + process.argv.slice(2).join(' ') + (installed ? ' (path.txt present)' : ' (no path.txt)') + '\\n');\n`,
  );
  writeFileSync(
    join(vite, 'package.json'),
    JSON.stringify({ name: 'electron-vite', type: 'commonjs', bin: { 'electron-vite': 'bin/electron-vite.js' } }),
  );
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  electronPackage(electron);
  return { dir, log, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const calls = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);

/** Node's own start of the script, as npm runs it: the project's Node 24 (these tests run on it). */
function start(dir: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['electron/start.ts'],
      { cwd: dir, env: cleanEnv(env), timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr, ms: Date.now() - began }),
    );
  });
}

describe('electron/start.ts provisions Electron with its own installer before starting', () => {
  describe('with a fake installer that records its call', () => {
    let project: ReturnType<typeof startProject>;
    beforeAll(() => {
      project = startProject((electron) => {
        writeFileSync(
          join(electron, 'package.json'),
          JSON.stringify({
            name: 'electron',
            version: '45.4.1',
            type: 'commonjs',
            bin: { electron: 'cli.js', 'install-electron': 'install.js' },
          }),
        );
        writeFileSync(
          join(electron, 'install.js'),
          `const fs = require('node:fs'); const path = require('node:path');\n` +
            `fs.appendFileSync(path.join(__dirname, '..', '..', 'calls.log'), 'install-electron' + (process.env.ELECTRON_MIRROR ? ' mirror=' + process.env.ELECTRON_MIRROR : '') + '\\n');\n` +
            `fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true }); fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');\n` +
            `fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');\n`,
        );
      });
    });
    afterAll(() => project.remove());

    it('runs the installer (with ELECTRON_MIRROR passed through) before electron-vite preview, and only then starts', async () => {
      const first = await start(project.dir, { ELECTRON_MIRROR: 'http://cermin.contoh/electron/' });
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('Menyiapkan Electron'); // said before a download, when there is no binary yet
      expect(calls(project.log)).toEqual([
        'install-electron mirror=http://cermin.contoh/electron/',
        'electron-vite preview (path.txt present)',
      ]);
    });

    it('asks the installer again on the next start (it does nothing when Electron is there), without announcing a download', async () => {
      const second = await start(project.dir, {});
      expect(second.status).toBe(0);
      expect(second.stdout).not.toContain('Menyiapkan Electron');
      expect(calls(project.log).slice(2)).toEqual(['install-electron', 'electron-vite preview (path.txt present)']);
    });

    it('fetches nothing when ELECTRON_EXEC_PATH names an Electron', async () => {
      const before = calls(project.log).length;
      expect((await start(project.dir, { ELECTRON_EXEC_PATH: '/opt/electron/electron' })).status).toBe(0);
      expect(calls(project.log).slice(before)).toEqual(['electron-vite preview (path.txt present)']);
    });
  });

  describe("with Electron's real installer and no internet", () => {
    let project: ReturnType<typeof startProject>;
    let server: Server;
    let requests: string[];
    let port: number;
    let closedPort: number;

    beforeAll(async () => {
      // Electron's own package files; its downloader (@electron/get) comes from this project's node_modules.
      project = startProject((electron) => {
        const real = join(PROJECT_ROOT, 'node_modules', 'electron');
        for (const file of ['package.json', 'install.js', 'checksums.json']) copyFileSync(join(real, file), join(electron, file));
        symlinkSync(join(PROJECT_ROOT, 'node_modules', '@electron'), join(electron, '..', '@electron'), 'dir');
      });
      requests = [];
      server = createServer((request, response) => {
        requests.push(`${request.method} ${request.url}`);
        response.writeHead(404).end();
      });
      // undici's proxy agent tunnels even plain http through CONNECT.
      server.on('connect', (request, socket) => {
        requests.push(`${request.method} ${request.url}`);
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      closedPort = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
    });
    afterAll(() => {
      server.close();
      project.remove();
    });

    const cache = () => mkdtempSync(join(project.dir, 'cache-')); // never a zip cached by an earlier download

    it('fails fast, in both languages, pointing to npm run browser, with a non-zero exit and nothing started', async () => {
      const offline = await start(project.dir, { ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`, electron_config_cache: cache() });
      expect(offline.status).toBe(1);
      expect(offline.stderr).toContain(OFFLINE_ID);
      expect(offline.stderr).toContain(OFFLINE_EN);
      expect(offline.stderr.match(/npm run browser/g)).toHaveLength(2);
      expect(offline.stderr).not.toMatch(/^\s+at /m); // the installer's stack trace is not shown
      expect(offline.ms).toBeLessThan(20_000);
      expect(calls(project.log)).toEqual([]); // electron-vite never ran
      expect(existsSync(join(project.dir, 'node_modules', 'electron', 'path.txt'))).toBe(false);
    });

    it('downloads from ELECTRON_MIRROR when one is set (a local mirror that has nothing: the same refusal)', async () => {
      requests.length = 0;
      const result = await start(project.dir, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/cermin/`, electron_config_cache: cache() });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(OFFLINE_EN);
      expect(requests[0]).toMatch(/^GET \/cermin\/v?45\.4\.1\/electron-v45\.4\.1-\w+-\w+\.zip$/);
    });

    it('goes through HTTPS_PROXY / HTTP_PROXY when ELECTRON_GET_USE_PROXY is set', async () => {
      requests.length = 0;
      const proxy = `http://127.0.0.1:${port}`;
      const result = await start(project.dir, {
        ELECTRON_GET_USE_PROXY: '1',
        HTTP_PROXY: proxy,
        HTTPS_PROXY: proxy,
        NO_PROXY: '',
        ELECTRON_MIRROR: 'http://cermin.timbang.invalid/electron/',
        electron_config_cache: cache(),
      });
      expect(result.status).toBe(1);
      // The local stand-in proxy is asked for the mirror's host (the name is never looked up here).
      expect(requests[0]).toBe('CONNECT cermin.timbang.invalid:80');
    });
  });
});
