/**
 * Importing a sheet reads only that juror's stored sheets (the inbox keeps parsed payloads and its last
 * reconciliation): what the import answers must be what the whole inbox, reconciled again, says, in any
 * order of arrival, for newer and older revisions, copies, conflicts and refused files.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedSheet, TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { excusedCompleteness } from '../../src/services/attendance/attendance.ts';
import { reconcile } from '../../src/services/merge/reconcile.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { SheetPayload as PayloadSchema } from '../../src/services/sheets/sheet-payload.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const EVENT = 'paritrana-ntt-2025';

describe('importing a sheet answers as the whole inbox would', () => {
  const tmp = tempDir();
  let ws: Workspace;
  let api: TimbangApi;
  let demo: DemoFiles;
  const payloads = new Map<string, SheetPayload>();

  beforeAll(async () => {
    ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    demo = await demoFiles(demoDocument());
    await api.loadDemoEvent({ role: 'sekretariat' });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang');
    const context = {
      event: demoDocument(),
      latestPackageRevision: 1,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    };
    for (const [jurorId, bytes] of demo.sheets) payloads.set(jurorId, (await verifyScoreSheet(bytes, `${jurorId}.xlsx`, context)).payload!);
  });
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  const signed = async (jurorId: string, change: (p: SheetPayload) => void) => {
    const payload = PayloadSchema.parse(structuredClone(payloads.get(jurorId)!));
    change(payload);
    return writeScoreSheet(payload, demo.jurorKeys.get(jurorId)!);
  };
  const resaved = async (bytes: Uint8Array) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    workbook.creator = 'Excel';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  /** Imports a file and checks its answer against the inbox listed (and reconciled from scratch) right after. */
  async function importAndCompare(fileName: string, bytes: Uint8Array): Promise<ReceivedSheet> {
    const { sheet } = await api.importSheet({ eventId: EVENT, file: fileData(fileName, Buffer.from(bytes)) });
    const listed = await api.listSheets({ eventId: EVENT });
    expect(listed.sheets.find((s) => s.id === sheet.id)).toEqual(sheet);
    // From scratch, with no cache at all: the stored payloads parsed again.
    const rows = ws.db.prepare('SELECT id, status, payload FROM received_sheet WHERE event_id = ? ORDER BY id').all(EVENT) as {
      id: number;
      status: string;
      payload: string | null;
    }[];
    const fresh = reconcile(
      demoDocument(),
      rows.map((r) => ({
        file: String(r.id),
        payload: r.status === 'valid' && r.payload ? PayloadSchema.parse(JSON.parse(r.payload)) : null,
      })),
    );
    expect(listed.sheets.map((s) => s.use)).toEqual(fresh.files.map((f) => f.use));
    // Issue 16: the listed matrix also says "excused" where the workspace records an absence (the demo's J7, UKM interviews).
    expect(listed.completeness).toEqual(excusedCompleteness(ws.db, EVENT, fresh.completeness));
    return sheet;
  }

  it('newer after older, older after newer, copies, conflicts and refused files', async () => {
    expect((await importAndCompare('J1.xlsx', demo.sheets.get('J1')!)).use).toBe('used');
    // J2's second revision arrives before its first: the first is stale on arrival.
    const j2r2 = await signed('J2', (p) => {
      p.sheetRevision = 2;
      p.sections[0].nominees[0].note = 'revisi';
    });
    expect((await importAndCompare('J2-revisi-2.xlsx', j2r2)).use).toBe('used');
    expect((await importAndCompare('J2.xlsx', demo.sheets.get('J2')!)).use).toBe('stale');
    // The same signed content in other bytes (a re-save): a copy of the file already used.
    expect((await importAndCompare('J1-disimpan-ulang.xlsx', await resaved(demo.sheets.get('J1')!))).use).toBe('duplicate');
    // Two different sheets of one revision: both in conflict until the juror sends a newer one.
    const j3other = await signed('J3', (p) => {
      p.sections[0].nominees[0].note = 'versi lain';
    });
    expect((await importAndCompare('J3.xlsx', demo.sheets.get('J3')!)).use).toBe('used');
    expect((await importAndCompare('J3-lain.xlsx', j3other)).use).toBe('conflict');
    expect((await api.listSheets({ eventId: EVENT })).sheets.find((s) => s.fileName === 'J3.xlsx')!.use).toBe('conflict');
    const j3r2 = await signed('J3', (p) => {
      p.sheetRevision = 2;
    });
    expect((await importAndCompare('J3-revisi-2.xlsx', j3r2)).use).toBe('used');
    // A refused file is not used, and changes nothing for the others.
    expect((await importAndCompare('rusak.xlsx', Buffer.from('bukan zip'))).status).toBe('malformed');
    for (const jurorId of ['J4', 'J5', 'J6', 'J7', 'J8', 'J9'])
      expect((await importAndCompare(`${jurorId}.xlsx`, demo.sheets.get(jurorId)!)).use).toBe('used');
  });

  it('the deliberation follows every import, and is computed once per inbox and rule', async () => {
    const before = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(before.usedSheets).toBe(9);
    const j4r2 = await signed('J4', (p) => {
      p.sheetRevision = 2;
      const section = p.sections.find((s) => s.roundId === 'administrasi' && s.categoryId === 'ukm')!;
      for (const nominee of section.nominees)
        for (const code of Object.keys(nominee.marks)) if (nominee.marks[code] !== null) nominee.marks[code] = '1';
    });
    await importAndCompare('J4-revisi-2.xlsx', j4r2);
    const after = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(after.resultsHash).not.toBe(before.resultsHash);
    expect(after.usedSheets).toBe(9);
    const protocol = await api.nomineeProtocol({ eventId: EVENT, rule: 'mean', nomineeId: 'ukm-01' });
    expect(protocol.marks.filter((m) => m.jurorId === 'J4' && m.roundId === 'administrasi').every((m) => m.value === 1)).toBe(true);
  });
});
