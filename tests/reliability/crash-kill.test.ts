/**
 * Crash-kill: a child process writes through the services and acknowledges each write only after it
 * returned; the parent kills it with SIGKILL at a random moment, again and again. After every kill the
 * workspace must open, pass PRAGMA integrity_check, and hold every acknowledged write. The same for sheet
 * imports: after a kill, a sheet is in the workspace whole or not at all.
 * `npm test` runs 50 kills of each; `npm run test:reliability` runs 200 (TIMBANG_CRASH_KILLS).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { nextRevision, saveEvent } from '../../src/services/events/event-store.ts';
import { enrol, readEnrolment } from '../../src/services/packages/enrolment.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { demoDocument, tempDir } from '../support/demo.ts';

const KILLS = Number(process.env.TIMBANG_CRASH_KILLS ?? 50);
const WRITER = join(import.meta.dirname, 'crash-writer.ts');

/** Runs the writer until it has acknowledged something, then a random moment more, then kills it. */
function runAndKill(args: string[], extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    const kill = () => child.kill('SIGKILL');
    const fallback = setTimeout(kill, 15_000); // never hang the suite
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('\n')) {
        armed = true;
        setTimeout(kill, extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(fallback);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`writer failed (${code}): ${err}`));
      // A line cut by the kill is not an acknowledgement.
      resolve(out.endsWith('\n') ? out.split('\n').filter(Boolean) : out.split('\n').slice(0, -1).filter(Boolean));
    });
  });
}

describe(`crash-kill (${KILLS} kills each)`, () => {
  const tmp = tempDir('timbang-crash-');
  afterAll(() => tmp.remove());

  it('loses no acknowledged mark and keeps the database intact', { timeout: KILLS * 3_000 }, async () => {
    const path = join(tmp.dir, 'juri.sqlite');
    const setup = openWorkspace(path);
    saveEvent(setup.db, demoDocument(), nextRevision(setup.db, 'paritrana-ntt-2025'));
    setup.close();
    const acknowledged = new Map<number, number>();
    let committed = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const lines = await runAndKill(['marks', path, String(kill + 1)], Math.floor(Math.random() * 120));
      for (const line of lines) {
        const [seq, value] = line.split(' ').map(Number);
        acknowledged.set(seq, value);
      }
      const ws = openWorkspace(path, { mustExist: true });
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = new Map(
        (ws.db.prepare('SELECT seq, value FROM score').all() as { seq: number; value: number }[]).map((r) => [r.seq, r.value]),
      );
      for (const [seq, value] of acknowledged) expect(rows.get(seq), `acknowledged mark ${seq}`).toBe(value);
      committed = rows.size;
      ws.close();
    }
    // A commit whose acknowledgement the kill cut off is kept too (durable, merely unconfirmed).
    console.log(
      `crash-kill marks: ${KILLS} kills, ${acknowledged.size} acknowledged writes, none lost; ${committed - acknowledged.size} committed without their acknowledgement`,
    );
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  });

  it('leaves each sheet import whole or absent', { timeout: KILLS * 4_000 }, async () => {
    const path = join(tmp.dir, 'sekretariat.sqlite');
    const event = demoDocument();
    const demo = await demoFiles(event);
    const sheets = join(tmp.dir, 'sheets');
    mkdirSync(sheets);
    for (const [jurorId, bytes] of demo.sheets) writeFileSync(join(sheets, `${jurorId}.xlsx`), bytes);
    let stored = 0;
    let cutShort = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // A fresh workspace each time, so every run kills an import somewhere between the first and the ninth sheet.
      const runPath = `${path}.${kill}`;
      const setup = openWorkspace(runPath);
      saveEvent(setup.db, event, nextRevision(setup.db, event.id));
      for (const [jurorId, text] of demo.enrolments) enrol(setup.db, readEnrolment(new TextEncoder().encode(text), jurorId), jurorId);
      setup.close();
      const lines = await runAndKill(['sheets', runPath, sheets], Math.floor(Math.random() * 900));
      const ws = openWorkspace(runPath, { mustExist: true });
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = ws.db.prepare('SELECT id, status, payload, length(bytes) AS size FROM received_sheet ORDER BY id').all() as {
        id: number;
        status: string;
        payload: string | null;
        size: number;
      }[];
      expect(rows.length).toBeGreaterThanOrEqual(lines.length);
      expect(rows.length).toBeLessThanOrEqual(lines.length + 1);
      for (const row of rows) {
        expect(row.status).toBe('valid');
        expect(row.size).toBeGreaterThan(10_000);
        expect(JSON.parse(row.payload!).format).toBe('timbang.sheet');
      }
      stored += rows.length;
      if (rows.length < demo.sheets.size) cutShort++;
      ws.close();
    }
    console.log(
      `crash-kill sheet imports: ${KILLS} kills (${cutShort} before all nine sheets were in), ${stored} sheets found stored, each whole`,
    );
  });
});
