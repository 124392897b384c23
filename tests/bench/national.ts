/**
 * Issue 18's figures: the secretariat at national scale beside exceljs simply loading the same files.
 * The fixture is `timbang demo --nominees N --jurors J --criteria 12` (seed 1). Every figure is timed in a
 * fresh process (child.ts), so each run starts cold and its peak memory is its own; each ratio comes from
 * pairs run interleaved (exceljs first in one pair, the path first in the next), as the median and range
 * of the pairs' ratios, beside the absolute times.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '../../src/core/model.ts';
import { nationalDemoFiles } from '../../src/services/demo/demo-files.ts';
import { NATIONAL_SEED, nationalMarks, type NationalSize } from '../../src/services/demo/national-demo.ts';
import { screenBench, type ScreenFigures } from './screen.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'child.ts');

export interface BenchOptions {
  quick: boolean;
  pairs: number;
}

interface Fixture {
  dir: string;
  /** Sheet files, J1 … JJ in juror order. */
  sheets: string[];
  event: Event;
}

/** Writes (or finds, under TIMBANG_BENCH_FIXTURES) the national demo of a size. */
async function fixture(root: string, size: NationalSize): Promise<Fixture> {
  const dir = join(root, `${size.nominees}-${size.jurors}-${size.criteria}-seed${NATIONAL_SEED}`);
  const done = join(dir, 'complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'sheets'), { recursive: true });
    mkdirSync(join(dir, 'enrolments'));
    const base = JSON.parse(readFileSync(join(ROOT, 'resources', 'demo-event.json'), 'utf8')) as Event;
    const files = await nationalDemoFiles(base, size);
    writeFileSync(join(dir, 'event.timbang'), files.packageText);
    writeFileSync(join(dir, 'event.json'), JSON.stringify(files.event));
    for (const [jurorId, bytes] of files.sheets) writeFileSync(join(dir, 'sheets', `${jurorId}.xlsx`), bytes);
    for (const [jurorId, text] of files.enrolments) writeFileSync(join(dir, 'enrolments', `${jurorId}.timbang-enrol`), text);
    writeFileSync(join(dir, 'J1.marks.json'), JSON.stringify(nationalMarks(files.event, NATIONAL_SEED).filter((m) => m.jurorId === 'J1')));
    writeFileSync(done, new Date().toISOString());
  }
  const event = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8')) as Event;
  const sheets = readdirSync(join(dir, 'sheets'))
    .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)))
    .map((f) => join(dir, 'sheets', f));
  return { dir, sheets, event };
}

let scratch = '';
let workspaces = 0;
/** A fresh workspace file for one child run. */
const workspace = () => join(scratch, `w${++workspaces}.sqlite`);

/** One child run: its JSON answer. */
function child(
  mode: string,
  args: Record<string, unknown>,
  env: Record<string, string> = {},
): Record<string, unknown> & { ms: number; maxRss: number } {
  const out = execFileSync(process.execPath, [CHILD, mode, JSON.stringify(args)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown> & { ms: number; maxRss: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const ratioText = (ratios: number[]) =>
  `${median(ratios).toFixed(2)}× (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}, ${ratios.length} pairs)`;

interface Paired {
  ratios: number[];
  /** The same pairs' ratios of CPU time (every thread), which the machine's other work hardly moves. */
  cpuRatios: number[];
  path: (Record<string, unknown> & { ms: number; maxRss: number })[];
  exceljs: (Record<string, unknown> & { ms: number; maxRss: number })[];
}

/** `pairs` interleaved pairs of (exceljs load, path) over the same files. */
function paired(options: BenchOptions, sheets: string[], run: () => Record<string, unknown> & { ms: number; maxRss: number }): Paired {
  const result: Paired = { ratios: [], cpuRatios: [], path: [], exceljs: [] };
  for (let i = 0; i < options.pairs; i++) {
    const load = () => child('exceljs', { sheets });
    let a;
    let b;
    if (i % 2 === 0) {
      a = load();
      b = run();
    } else {
      b = run();
      a = load();
    }
    result.exceljs.push(a);
    result.path.push(b);
    result.ratios.push(b.ms / a.ms);
    if (typeof a.cpuMs === 'number' && typeof b.cpuMs === 'number') result.cpuRatios.push(b.cpuMs / a.cpuMs);
  }
  return result;
}

/** "CPU time ratio 0.98× (range …)" when the runs reported their CPU time. */
const cpuText = (paired: Paired) => (paired.cpuRatios.length ? `  CPU-time ratio ${ratioText(paired.cpuRatios)}` : '');

/**
 * How import time per sheet moves from the first sheets to the last: the mean of the last three over the
 * mean of the 2nd to 4th (the 1st pays for compiling the code). 1 is flat; with fewer than five sheets,
 * the last over the 2nd.
 */
function flatness(times: number[]): number {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  if (times.length < 2) return Number.NaN;
  if (times.length < 5) return times.at(-1)! / times[1];
  return mean(times.slice(-3)) / mean(times.slice(1, 4));
}

const line = (label: string, text: string) => console.log(`${label.padEnd(66)} ${text}`);

export async function nationalBench(options: BenchOptions): Promise<void> {
  const keep = process.env.TIMBANG_BENCH_FIXTURES;
  const root = keep ?? mkdtempSync(join(tmpdir(), 'timbang-bench-fixtures-'));
  scratch = mkdtempSync(join(tmpdir(), 'timbang-bench-ws-'));
  const threads = availableParallelism();
  try {
    const big: NationalSize = options.quick ? { nominees: 1000, jurors: 8, criteria: 12 } : { nominees: 2000, jurors: 15, criteria: 12 };
    const label = `${big.jurors} sheets × ${big.nominees.toLocaleString('en')} nominees × ${big.criteria} criteria × 2 rounds`;
    const t0 = performance.now();
    const national = await fixture(root, big);
    console.log(
      `\nNational scale (issue 18): ${label}; fixture ${keep && performance.now() - t0 < 1000 ? 'reused from' : 'written to'} ${national.dir} in ${s(performance.now() - t0)}`,
    );
    console.log(
      `${''.padEnd(66)} every figure a fresh process; ratios = path ÷ exceljs load of the same files, pairs interleaved; ${threads} cores`,
    );

    // The app path, one core: import through the handlers one after another, then the deliberation.
    const one = paired(options, national.sheets, () =>
      child('app', { dir: national.dir, sheets: national.sheets, workspace: workspace() }, { TIMBANG_VERIFY_THREADS: '0' }),
    );
    const excel = median(one.exceljs.map((r) => r.ms));
    line(
      'exceljs 4.4.0 alone loading the same files (readFile, one core)',
      `median ${s(excel)}  peak RSS ${mib(median(one.exceljs.map((r) => r.maxRss)))}`,
    );
    line(
      'app: import each sheet through the handlers + deliberation, 1 core',
      `median ${s(median(one.path.map((r) => r.ms)))}  ratio ${ratioText(one.ratios)}  peak RSS ${mib(median(one.path.map((r) => r.maxRss)))}${cpuText(one)}`,
    );
    const perSheet = one.path.map((r) => r.perSheet as number[]);
    const columns = national.sheets.length;
    const perPosition = Array.from({ length: columns }, (_, i) => median(perSheet.map((times) => times[i])));
    line('  import per sheet, 1st … last (median over runs)', perPosition.map((ms) => (ms / 1000).toFixed(2)).join(' '));
    line('  import per sheet, last three ÷ 2nd–4th (the 1st warms the code up)', `median ${median(perSheet.map(flatness)).toFixed(2)}×`);
    line(
      '  deliberation after the import (the screen opens), through dispatch',
      `median ${median(one.path.map((r) => r.deliberationMs as number)).toFixed(0)} ms, ${(median(one.path.map((r) => r.deliberationBytes as number)) / 1024).toFixed(0)} KiB sent`,
    );
    line(
      "  one nominee's protocol (opened on the screen)",
      `median ${median(one.path.map((r) => r.protocolMs as number)).toFixed(0)} ms, ${(median(one.path.map((r) => r.protocolBytes as number)) / 1024).toFixed(1)} KiB sent`,
    );

    // The app restarted: the deliberation of a workspace already holding every sheet.
    const imported = workspace();
    child('app', { dir: national.dir, sheets: national.sheets, workspace: imported }, { TIMBANG_VERIFY_THREADS: '0' });
    const reopened = Array.from({ length: options.pairs }, () => child('reopen', { dir: national.dir, workspace: imported }));
    line(
      '  deliberation after a restart (open workspace, parse and check payloads, merge)',
      `median ${s(median(reopened.map((r) => r.ms)))}`,
    );
    // The screen itself, in Chromium: a restarted app's first opening of Rekapitulasi, a rule switch, a nominee opened.
    const screens: ScreenFigures[] = [];
    for (let i = 0; i < options.pairs; i++) {
      const figures = await screenBench(imported, national.event.id, national.event.nominees.length);
      if (typeof figures === 'string') {
        line('  deliberation screen in Chromium', `skipped: ${figures}`);
        break;
      }
      screens.push(figures);
    }
    if (screens.length > 0) {
      line(
        '  screen: Rekapitulasi opened after a restart, to the first rankings painted',
        `median ${s(median(screens.map((f) => f.firstRowsMs)))}`,
      );
      line(
        '  screen: … to the last row painted',
        `median ${s(median(screens.map((f) => f.firstPaintMs)))} (${screens[0].rows} rows, ${(median(screens.map((f) => f.deliberationBytes)) / 1024).toFixed(0)} KiB)`,
      );
      line('  screen: another rule chosen (merged again), to its results shown', `median ${s(median(screens.map((f) => f.ruleSwitchMs)))}`);
      line('  screen: a nominee opened, to the protocol shown', `median ${median(screens.map((f) => f.protocolMs)).toFixed(0)} ms`);
    }

    // The app path with the verification pool: every import sent at once.
    const pool = paired(options, national.sheets, () =>
      child('app', { dir: national.dir, sheets: national.sheets, workspace: workspace(), concurrent: true }),
    );
    line(
      `app: same, imports sent at once, verification in ${threads} worker threads`,
      `median ${s(median(pool.path.map((r) => r.ms)))}  ratio ${ratioText(pool.ratios)}  peak RSS ${mib(median(pool.path.map((r) => r.maxRss)))}  (${median(pool.path.map((r) => r.threads as number))} sheets in threads)${cpuText(pool)}`,
    );
    const hashes = new Set([...one.path, ...pool.path].map((r) => r.resultsHash as string));
    line('', `results hash ${[...hashes].join(', ')} (every run${hashes.size === 1 ? ' the same' : 's DIFFER'})`);

    // The command line.
    const cliOne = paired(options, national.sheets, () =>
      child('cli', { dir: national.dir, sheets: national.sheets }, { TIMBANG_VERIFY_THREADS: '0' }),
    );
    line(
      'timbang merge (verify, reconcile, deliberate), 1 core',
      `median ${s(median(cliOne.path.map((r) => r.ms)))}  ratio ${ratioText(cliOne.ratios)}  peak RSS ${mib(median(cliOne.path.map((r) => r.maxRss)))}${cpuText(cliOne)}`,
    );
    const cliPool = paired(options, national.sheets, () => child('cli', { dir: national.dir, sheets: national.sheets }));
    line(
      `timbang merge, ${threads} worker threads`,
      `median ${s(median(cliPool.path.map((r) => r.ms)))}  ratio ${ratioText(cliPool.ratios)}  peak RSS ${mib(median(cliPool.path.map((r) => r.maxRss)))}${cpuText(cliPool)}`,
    );

    // Growth: the ratio (app path, one core) as nominees and sheets grow.
    console.log('\nGrowth of the ratio (app path on one core ÷ exceljs load), pairs interleaved:');
    const nominees = options.quick ? [250, 500, 1000] : [250, 500, 1000, 2000];
    console.log(
      `  ${'nominees'.padEnd(10)} ${'sheets'.padEnd(7)} ${'exceljs'.padStart(9)} ${'app'.padStart(9)}   ratio (median, range)         per-sheet import, last three ÷ 2nd–4th   CPU-time ratio`,
    );
    const row = async (size: NationalSize, count: number) => {
      const f = size.nominees === big.nominees && size.jurors === big.jurors ? national : await fixture(root, size);
      const sheets = f.sheets.slice(0, count);
      const p = paired(options, sheets, () =>
        child('app', { dir: f.dir, sheets, workspace: workspace() }, { TIMBANG_VERIFY_THREADS: '0' }),
      );
      const slope = median(p.path.map((r) => flatness(r.perSheet as number[])));
      const cpu = p.cpuRatios.length ? `   ${ratioText(p.cpuRatios)}` : '';
      console.log(
        `  ${String(size.nominees).padEnd(10)} ${String(count).padEnd(7)} ${s(median(p.exceljs.map((r) => r.ms))).padStart(9)} ${s(median(p.path.map((r) => r.ms))).padStart(9)}   ${ratioText(p.ratios).padEnd(30)} ${slope.toFixed(2)}×${cpu}`,
      );
    };
    for (const n of nominees) await row({ nominees: n, jurors: big.jurors, criteria: 12 }, big.jurors);
    for (const count of options.quick ? [2, 4] : [2, 4, 8]) await row(big, count);
    if (!options.quick) console.log(`  (2,000 × 15 is the first table's row)`);

    // One juror's national sheet export, through the handlers (payload from the workspace, sign, write, backup).
    const exported = child('export', { dir: national.dir, workspace: workspace(), runs: 3 });
    const times = exported.times as number[];
    line(
      `juror's sheet export through the handlers (${(exported.marks as number).toLocaleString('en')} marks)`,
      `runs=${times.length}  median=${median(times).toFixed(0)} ms  max=${Math.max(...times).toFixed(0)} ms  (${((exported.bytes as number) / 1024 / 1024).toFixed(2)} MiB)`,
    );

    // Score writes through the whole handler path, on the national event.
    const writes = child('score', { dir: national.dir, workspace: workspace(), writes: options.quick ? 500 : 2000 });
    const w = (writes.times as number[]).sort((a, b) => a - b);
    const pct = (p: number) => w[Math.min(w.length - 1, Math.floor(p * w.length))].toFixed(3);
    line(
      `score write through dispatch → recordScore (FULL sync), ${big.nominees.toLocaleString('en')} nominees`,
      `runs=${w.length}  p50=${pct(0.5)} ms  p99=${pct(0.99)} ms`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

/** Score writes through the handler path on the NTT demo (a juror's laptop as shipped). */
export async function demoScoreBench(writes: number): Promise<void> {
  scratch = mkdtempSync(join(tmpdir(), 'timbang-bench-ws-'));
  const dir = join(scratch, 'demo');
  mkdirSync(dir);
  writeFileSync(join(dir, 'event.json'), readFileSync(join(ROOT, 'resources', 'demo-event.json')));
  try {
    const result = child('score', { dir, workspace: workspace(), writes });
    const w = (result.times as number[]).sort((a, b) => a - b);
    const pct = (p: number) => w[Math.min(w.length - 1, Math.floor(p * w.length))].toFixed(3);
    line('score write through dispatch → recordScore (FULL sync), demo', `runs=${w.length}  p50=${pct(0.5)} ms  p99=${pct(0.99)} ms`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
