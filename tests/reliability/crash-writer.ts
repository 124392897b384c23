/**
 * The child of the crash-kill test: writes marks through the services as fast as it can and reports each
 * one on stdout only after recordScore has returned (that is, after SQLite committed it). The parent kills
 * it with SIGKILL at a random moment. Run by Node 24 directly (type stripping).
 *   node tests/reliability/crash-writer.ts marks WORKSPACE SEED
 *   node tests/reliability/crash-writer.ts sheets WORKSPACE DIRECTORY_OF_SHEETS
 */
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { getEvent } from '../../src/services/events/event-store.ts';
import { receiveSheet } from '../../src/services/merge/sheet-inbox.ts';
import { recordScore } from '../../src/services/scores/score-store.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';

const [mode, path, arg] = process.argv.slice(2);
const ws = openWorkspace(path, { mustExist: true });
const event = getEvent(ws.db, 'paritrana-ntt-2025');
/** Written with a blocking write, so nothing acknowledged can sit in a buffer when the kill comes. */
const acknowledge = (line: string) => writeSync(1, `${line}\n`);

if (mode === 'marks') {
  const targets = event.nominees
    .flatMap((n) =>
      event.criteria
        .filter((c) => c.roundId === 'administrasi' && c.categoryIds.includes(n.categoryId))
        .map((c) => ({ nomineeId: n.id, criterionCode: c.code })),
    )
    .filter((t) => !event.conflicts.some((c) => c.jurorId === 'J1' && c.nomineeId === t.nomineeId));
  let state = Number(arg);
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648; // which mark, and its value, vary run to run
    const target = targets[state % targets.length];
    const value = (state % 5) + 1;
    const row = recordScore(ws.db, event, { jurorId: 'J1', roundId: 'administrasi', ...target }, value);
    acknowledge(`${row.seq} ${value}`);
  }
} else {
  // The jurors' sheets one after another; a sheet stored by an earlier, killed run is recognised and skipped.
  for (const name of readdirSync(arg).sort()) {
    const { sheet, again } = await receiveSheet(ws.db, event, new Uint8Array(readFileSync(join(arg, name))), name);
    acknowledge(`${sheet.id} ${again ? 'again' : 'stored'}`);
  }
}
