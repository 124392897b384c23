/**
 * Verification in worker threads gives what verification in the calling thread gives, file by file and
 * in the order asked, for valid, tampered, unknown-key and unreadable sheets; a pool whose threads cannot
 * start verifies in the calling thread instead, with the same results.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { listBackups } from '../../src/services/workspace/backup.ts';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, type SheetVerification, type VerifyContext } from '../../src/services/sheets/score-sheet.ts';
import { knownPayloadJson, useVerifyWorker, verifyPool, VerifyPool } from '../../src/services/workers/verify-pool.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const WORKER = new URL('../../src/services/workers/verify-worker.ts', import.meta.url);

describe('the verification pool', () => {
  const tmp = tempDir('timbang-pool-');
  let demo: DemoFiles;
  let context: VerifyContext;
  let files: { name: string; bytes: Uint8Array }[];
  let expected: SheetVerification[];

  beforeAll(async () => {
    demo = await demoFiles(demoDocument());
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang');
    // J9's key left out: its sheet is unknown-key.
    context = {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.filter((k) => k.jurorId !== 'J9').map((k) => [k.jurorId, k.publicKey])),
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(demo.sheets.get('J2')!).buffer);
    const section = workbook.worksheets.find((w) => w.state === 'visible' && w.name !== 'Sampul')!;
    section.getCell('A1').value = 'diubah';
    files = [
      ...[...demo.sheets].map(([jurorId, bytes]) => ({ name: `${jurorId}.xlsx`, bytes: new Uint8Array(bytes) })),
      { name: 'J2-diubah.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) },
      { name: 'bukan-zip.xlsx', bytes: new TextEncoder().encode('bukan lembar nilai') },
    ];
    expected = [];
    for (const f of files) expected.push(await verifyScoreSheet(f.bytes, f.name, context));
    expect(expected.map((r) => r.status)).toEqual([
      'valid',
      'valid',
      'valid',
      'valid',
      'valid',
      'valid',
      'valid',
      'valid',
      'unknown-key',
      'tampered',
      'malformed',
    ]);
  });
  afterAll(() => {
    useVerifyWorker(WORKER);
    tmp.remove();
  });

  it('verifies side by side in worker threads, with the same results in the same order', async () => {
    const pool = new VerifyPool(2);
    expect(pool.size).toBe(2);
    try {
      const results = await Promise.all(files.map((f) => pool.verify(f.bytes, f.name, context)));
      expect(results).toEqual(expected);
      expect(pool.counts).toEqual({ threads: files.length, here: 0 });
      // The payload's JSON as the worker wrote it, for the inbox to store as it is.
      expect(knownPayloadJson(results[0].payload!)).toBe(JSON.stringify(expected[0].payload));
      // Another context (the event at a later revision) goes to the threads as well.
      const later = { ...context, latestPackageRevision: context.latestPackageRevision + 1 };
      const again = await Promise.all(files.slice(0, 3).map((f) => pool.verify(f.bytes, f.name, later)));
      for (const [i, f] of files.slice(0, 3).entries()) expect(again[i]).toEqual(await verifyScoreSheet(f.bytes, f.name, later));
    } finally {
      await pool.close();
    }
  });

  it('verifies in the calling thread when asked for none, or when its threads cannot start', async () => {
    expect(new VerifyPool(0).size).toBe(0);
    expect(await Promise.all(files.map((f) => new VerifyPool(0).verify(f.bytes, f.name, context)))).toEqual(expected);
    const broken = join(tmp.dir, 'rusak.mjs');
    writeFileSync(broken, 'throw new Error("thread gagal dimuat");\n');
    useVerifyWorker(pathToFileURL(broken));
    const pool = new VerifyPool(2);
    try {
      expect(await Promise.all(files.map((f) => pool.verify(f.bytes, f.name, context)))).toEqual(expected);
      expect(pool.counts).toEqual({ threads: 0, here: files.length });
    } finally {
      await pool.close();
    }
    useVerifyWorker(pathToFileURL(join(tmp.dir, 'tidak-ada.ts')));
    expect(new VerifyPool(2).size).toBe(0);
    useVerifyWorker(WORKER);
  });

  it("stores the app's imports asked for at once in the order asked, each verified in the pool", async () => {
    const ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    try {
      const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
      const api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
      await api.loadDemoEvent({ role: 'sekretariat' });
      for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
      // As a renderer that sends every chosen file at once: J9 first, a broken file, the same J1 twice.
      const asked = [files[8], files[10], ...files.slice(0, 8), files[9], { ...files[0], name: 'J1-salinan.xlsx' }];
      const answers = await Promise.all(
        asked.map((f) => api.importSheet({ eventId: 'paritrana-ntt-2025', file: fileData(f.name, Buffer.from(f.bytes)) })),
      );
      expect(answers.map((a) => [a.sheet.fileName, a.again])).toEqual([
        ...asked.slice(0, -1).map((f) => [f.name, false]),
        ['J1.xlsx', true],
      ]);
      const { sheets } = await api.listSheets({ eventId: 'paritrana-ntt-2025' });
      expect(sheets.map((s) => s.fileName)).toEqual(asked.slice(0, -1).map((f) => f.name));
      expect(sheets.map((s) => s.id)).toEqual([...sheets.map((s) => s.id)].sort((a, b) => a - b));
      expect(sheets.map((s) => s.status)).toEqual([
        'valid',
        'malformed',
        'valid',
        'valid',
        'valid',
        'valid',
        'valid',
        'valid',
        'valid',
        'valid',
        'tampered',
      ]);
      for (const answer of answers.slice(0, -1)) expect(sheets.find((s) => s.id === answer.sheet.id)).toEqual(answer.sheet);
      expect(verifyPool().counts.threads).toBeGreaterThanOrEqual(asked.length - 1);
      // One backup for the imports asked at once (taken when the last is stored); one per import asked one by one.
      const importBackups = () => listBackups(ws.path).filter((name) => name.endsWith('impor-lembar.sqlite')).length;
      expect(importBackups()).toBe(1);
      const resaved = new ExcelJS.Workbook();
      await resaved.xlsx.load(new Uint8Array(demo.sheets.get('J3')!).buffer);
      resaved.creator = 'LibreOffice';
      const again = await api.importSheet({
        eventId: 'paritrana-ntt-2025',
        file: fileData('J3-disimpan-ulang.xlsx', Buffer.from(await resaved.xlsx.writeBuffer())),
      });
      expect(again.sheet.status).toBe('valid');
      expect(importBackups()).toBe(2);
    } finally {
      ws.close();
    }
  });
});
