/**
 * Electron's main bundle as the build writes it parses as a module (two `require`s in one scope once made
 * it unloadable, which no stand-in Electron would notice), and the verification thread it ships (out/main/verify-worker.js, which main hands to the
 * pool with useVerifyWorker), run under Node since no Electron binary can be downloaded here: it loads, and it
 * verifies valid, tampered and unreadable sheets exactly as the calling thread does, in the order asked.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, type SheetVerification, type VerifyContext } from '../../src/services/sheets/score-sheet.ts';
import { useVerifyWorker, VerifyPool } from '../../src/services/workers/verify-pool.ts';
import { demoDocument } from '../support/demo.ts';
import { buildCopy, projectCopy, type Checkout } from '../support/electron-checkout.ts';

const SOURCE_WORKER = new URL('../../src/services/workers/verify-worker.ts', import.meta.url);

describe("Electron's built main process", () => {
  let copy: Checkout;
  let context: VerifyContext;
  let files: { name: string; bytes: Uint8Array }[];
  let expected: SheetVerification[];

  beforeAll(async () => {
    copy = projectCopy();
    buildCopy(copy); // from today's sources, into the copy's own out/
    const demo = await demoFiles(demoDocument());
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang');
    context = {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(demo.sheets.get('J3')!).buffer);
    workbook.worksheets.find((w) => w.state === 'visible' && w.name !== 'Sampul')!.getCell('A1').value = 'diubah';
    files = [
      ...[...demo.sheets].slice(0, 4).map(([jurorId, bytes]) => ({ name: `${jurorId}.xlsx`, bytes: new Uint8Array(bytes) })),
      { name: 'J3-diubah.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) },
      { name: 'bukan-zip.xlsx', bytes: new TextEncoder().encode('bukan lembar nilai') },
    ];
    expected = [];
    for (const f of files) expected.push(await verifyScoreSheet(f.bytes, f.name, context));
    expect(expected.map((r) => r.status)).toEqual(['valid', 'valid', 'valid', 'valid', 'tampered', 'malformed']);
  }, 180_000);
  afterAll(() => {
    useVerifyWorker(SOURCE_WORKER);
    copy?.remove();
  });

  it('parses, every file of it (main and its chunks), as the ES modules Electron loads', () => {
    const main = join(copy.dir, 'out', 'main');
    const built = readdirSync(main, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
    expect(built).toContain('index.js');
    expect(built).toContain('verify-worker.js');
    for (const name of built) {
      const check = spawnSync(process.execPath, ['--check', join(main, name)], { encoding: 'utf8' });
      expect(check.stderr, name).toBe('');
      expect(check.status, name).toBe(0);
    }
  });

  it('is written beside main and verifies in threads what the calling thread verifies', async () => {
    useVerifyWorker(pathToFileURL(join(copy.dir, 'out', 'main', 'verify-worker.js')));
    const pool = new VerifyPool(2);
    expect(pool.size).toBe(2);
    try {
      const results = await Promise.all(files.map((f) => pool.verify(f.bytes, f.name, context)));
      expect(results).toEqual(expected);
      expect(pool.counts).toEqual({ threads: files.length, here: 0 }); // none fell back to the calling thread
    } finally {
      await pool.close();
    }
  });
});
