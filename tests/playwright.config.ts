/**
 * End-to-end tests in Debian's Chromium through the browser bridge: the built renderer, served by
 * `timbang serve` with a fresh workspace, calling the real handlers over HTTP. Never downloads a browser.
 * tests/e2e/electron.spec.ts launches the real Electron app where a binary exists, and skips (saying so) where not.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.TIMBANG_E2E_PORT ?? 5183);
/**
 * Separate workspaces served side by side: the default one, and a secretariat's and a juror's laptop
 * for the tests where files travel between the two. New files each run; worker processes re-read this
 * config but never start the servers (they inherit the run's name through the environment, so they
 * find the servers' token files).
 */
const run = (process.env.TIMBANG_E2E_RUN ??= `${Date.now()}-${process.pid}`);
export const WORKSPACES = {
  main: port,
  sekretariat: port + 1,
  juri: port + 2,
  penilaian: port + 3,
  rekap: port + 4,
  pemulihan: port + 5,
  rusak: port + 6,
  papanKetik: port + 7,
  keamanan: port + 8,
  kontinuitasJuri: port + 9,
  kontinuitasSekretariat: port + 10,
  bentuk2023: port + 16 /* issue 16: the 2023 shape */,
};
const workspaceFile = (name: string) => join(tmpdir(), `timbang-e2e-${run}-${name}.sqlite`);
/**
 * Each server draws its own random token at start, as `timbang serve` always does, and writes it here
 * (`--token-file`, mode 0600, in a directory only this user can read); tests/support/e2e-bridge.ts reads
 * it to open the address the server printed. Nothing is handed to the servers from outside.
 */
const tokenDir = join(tmpdir(), `timbang-e2e-${run}-tokens`);
mkdirSync(tokenDir, { recursive: true, mode: 0o700 });
export const tokenFile = (serverPort: number) => join(tokenDir, `${serverPort}.token`);
/** What a server's workspace holds before it starts: a damaged file, with two backups ("pemulihan") or none ("rusak"). */
const PREPARE: Partial<Record<keyof typeof WORKSPACES, string>> = {
  pemulihan: `node tests/support/damaged-workspace.ts "${workspaceFile('pemulihan')}" && `,
  rusak: `node tests/support/damaged-workspace.ts "${workspaceFile('rusak')}" --without-backups && `,
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. On Debian: apt-get install chromium (or set CHROMIUM_PATH). Playwright never downloads a browser here.`,
  );
}

export default defineConfig({
  testDir: join(root, 'tests', 'e2e'),
  outputDir: join(root, 'test-results', 'playwright'), // cleaned by Playwright at each run
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: join(root, 'test-results', 'playwright.json') }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: Object.entries(WORKSPACES).map(([name, serverPort]) => ({
    command: `${PREPARE[name as keyof typeof WORKSPACES] ?? ''}node src/cli/timbang.js serve --db "${workspaceFile(name)}" --port ${serverPort} --token-file "${tokenFile(serverPort)}"`,
    cwd: root,
    url: `http://127.0.0.1:${serverPort}/`, // answers 401 until given the token: enough to know it is up
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe' as const,
  })),
});
