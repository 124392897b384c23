/**
 * Issue 19, "Progress on long work" at the command line: on a terminal the long commands say what they
 * are doing (and n of m where known) on one line rewritten in place; with --json, or when the output is
 * a pipe or a file, nothing of it is written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProgress } from '../../src/cli/progress.ts';
import { PROJECT_ROOT, tempDir } from '../support/demo.ts';

const CLI = join(PROJECT_ROOT, 'src', 'cli', 'timbang.js');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('cliProgress', () => {
  it('writes one line rewritten in place on a terminal, and clears it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const progress = cliProgress('id', {}, { isTTY: true, write: (t: string) => written.push(t) }, () => now);
    progress.step({ id: 'Memeriksa 15 lembar nilai…', en: 'Checking 15 score sheets…' });
    now = 3200;
    progress.count(3, 15, { id: 'menulis J3.xlsx', en: 'writing J3.xlsx' });
    progress.end();
    expect(written).toEqual(['\r\u001b[2KMemeriksa 15 lembar nilai…', '\r\u001b[2K3 dari 15 · menulis J3.xlsx (3 detik)', '\r\u001b[2K']);
  });

  it('is silent with --json and when the stream is no terminal', () => {
    const written: string[] = [];
    const sink = (isTTY: boolean) => ({ isTTY, write: (t: string) => written.push(t) });
    for (const progress of [cliProgress('en', { json: true }, sink(true)), cliProgress('en', {}, sink(false))]) {
      progress.step({ id: 'x', en: 'x' });
      progress.count(1, 2, { id: 'x', en: 'x' });
      progress.end();
    }
    expect(written).toEqual([]);
  });
});

describe('timbang verify on a terminal and in a script', () => {
  const dir = tempDir('timbang-progress-');
  let sheets: string[];
  beforeAll(() => {
    execFileSync(process.execPath, [CLI, 'demo', '--out', dir.dir], { cwd: PROJECT_ROOT });
    sheets = readdirSync(join(dir.dir, 'sheets')).map((f) => join(dir.dir, 'sheets', f));
  }, 60_000);
  afterAll(() => dir.remove());

  const args = (json: boolean) => [CLI, 'verify', '--event', join(dir.dir, 'event.timbang'), ...sheets, ...(json ? ['--json'] : [])];
  /** Runs the command with a pseudo-terminal as its stdout and stderr (util-linux `script`). */
  const onTerminal = (json: boolean) =>
    spawnSync('script', ['-qec', [process.execPath, ...args(json)].map(quote).join(' '), '/dev/null'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    }).stdout;

  it('says what it does on a terminal', () => {
    expect(onTerminal(false)).toContain('\r\u001b[2KMemeriksa 9 lembar nilai terhadap paket acara…');
  }, 60_000);

  it('stays quiet with --json on a terminal, and when its output goes to a pipe', () => {
    expect(onTerminal(true)).not.toContain('Memeriksa');
    const piped = spawnSync(process.execPath, args(false), { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(piped.stderr).not.toContain('Memeriksa');
    expect(piped.stdout).not.toContain('\u001b[2K');
  }, 60_000);
});
