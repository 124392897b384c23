import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';
import { jurorKey } from '../support/sheets.ts';

const EVENT = 'paritrana-ntt-2025';

describe('the secretariat receives sheets and merges them', () => {
  const tmp = tempDir();
  let ws: Workspace;
  let api: TimbangApi;
  let demo: DemoFiles;
  beforeAll(async () => {
    ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    demo = await demoFiles(demoDocument());
    await api.loadDemoEvent({ role: 'sekretariat' });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
  });
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  const sheet = (jurorId: string) => fileData(`${jurorId}.xlsx`, demo.sheets.get(jurorId)!);

  it('verifies and stores each file once; the same file again is recognised', async () => {
    const first = await api.importSheet({ eventId: EVENT, file: sheet('J1') });
    expect(first).toMatchObject({ again: false, sheet: { status: 'valid', jurorId: 'J1', sheetRevision: 1, use: 'used' } });
    const again = await api.importSheet({ eventId: EVENT, file: { ...sheet('J1'), fileName: 'salinan-J1.xlsx' } });
    expect(again).toMatchObject({ again: true, sheet: { id: first.sheet.id, fileName: 'J1.xlsx' } });
    expect(ws.db.prepare('SELECT count(*) AS n FROM received_sheet').get()).toEqual({ n: 1 });
  });

  it('merges all nine into the published order', async () => {
    for (const jurorId of ['J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9']) await api.importSheet({ eventId: EVENT, file: sheet(jurorId) });
    const result = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(result.usedSheets).toBe(9);
    expect(result.overall.map((n) => n.name)).toEqual(['Kopdit TLM', 'PT Crisoris Jaya Mandiri (RSU Siloam)', 'PT Timor Otsuki Mutiara']);
    expect(result.completeness.J4['administrasi/manufaktur']).toBe('received');
    expect(result.agreement).toHaveLength(16);
    expect(result.leaveOneOut).toHaveLength(9);
    expect(result.markCount).toBeGreaterThan(3000);
    // The marks themselves come per nominee, when the nominee is opened: together, every mark the merge used.
    const protocols = await Promise.all(
      demoDocument().nominees.map((n) => api.nomineeProtocol({ eventId: EVENT, rule: 'mean', nomineeId: n.id })),
    );
    expect(protocols.reduce((sum, p) => sum + p.marks.length, 0)).toBe(result.markCount);
    for (const p of protocols) expect(p.marks.every((m) => m.nomineeId === p.nomineeId)).toBe(true);
    const flagged = protocols.filter((p) => p.flags.length > 0);
    expect(Object.fromEntries(flagged.map((p) => [p.nomineeId, p.flags.length]))).toEqual(result.flagCounts);
    for (const p of protocols) for (const f of p.flags) expect(Math.abs(f.value - f.median)).toBeGreaterThanOrEqual(2);
    await expect(api.nomineeProtocol({ eventId: EVENT, rule: 'mean', nomineeId: 'tidak-ada' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('keeps a tampered sheet out, naming the cell, and the merge goes on without it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(demo.sheets.get('J2')!).buffer);
    const section = workbook.worksheets.find((w) => w.state === 'visible' && w.name !== 'Sampul')!;
    let changed = '';
    section.eachRow((row) =>
      row.eachCell((cell) => {
        if (!changed && typeof cell.value === 'number' && cell.value >= 1 && cell.value <= 4 && Number(cell.col) > 4) {
          cell.value = cell.value + 1;
          changed = `${section.name}!${cell.address}`;
        }
      }),
    );
    const tampered = await api.importSheet({
      eventId: EVENT,
      file: fileData('J2-diubah.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())),
    });
    expect(tampered.sheet.status).toBe('tampered');
    expect(tampered.sheet.details.map((d) => d.id).join(' ')).toContain(changed);
    expect(tampered.sheet.use).toBe('not-used');
    expect((await api.deliberation({ eventId: EVENT, rule: 'mean' })).usedSheets).toBe(9);
  });

  it('uses the newest revision of a juror, marking the older one stale', async () => {
    const payload = SheetPayload.parse(JSON.parse(JSON.stringify(await verifyPayload('J3'))));
    const newer = { ...payload, sheetRevision: 2, exportedAt: new Date().toISOString() };
    newer.sections[0].nominees[0].note = 'Direvisi setelah rapat';
    const bytes = await writeScoreSheet(newer, demo.jurorKeys.get('J3')!);
    await api.importSheet({ eventId: EVENT, file: fileData('J3-revisi-2.xlsx', bytes) });
    const { sheets } = await api.listSheets({ eventId: EVENT });
    expect(sheets.filter((s) => s.jurorId === 'J3').map((s) => [s.fileName, s.use])).toEqual([
      ['J3.xlsx', 'stale'],
      ['J3-revisi-2.xlsx', 'used'],
    ]);
  });

  it('accepts an unknown key only by hand, and records who and when', async () => {
    const payload = await verifyPayload('J5');
    const otherKey = jurorKey(); // J5 signs from a new laptop, with a key nobody has enrolled
    const moved = {
      ...payload,
      sheetRevision: 3,
      juror: { ...payload.juror, publicKey: otherKey.publicKey, fingerprint: otherKey.fingerprint },
    };
    const imported = await api.importSheet({
      eventId: EVENT,
      file: fileData('J5-laptop-baru.xlsx', await writeScoreSheet(moved, otherKey)),
    });
    expect(imported.sheet).toMatchObject({ status: 'unknown-key', use: 'not-used', signedWith: otherKey.fingerprint });
    await api.acceptKey({ eventId: EVENT, sheetId: imported.sheet.id, acceptedBy: 'Sekretaris Tim Penilai' });
    const { sheets, acceptedKeys } = await api.listSheets({ eventId: EVENT });
    expect(sheets.find((s) => s.id === imported.sheet.id)).toMatchObject({ status: 'valid', use: 'used' });
    expect(acceptedKeys).toEqual([
      { jurorId: 'J5', fingerprint: otherKey.fingerprint, acceptedBy: 'Sekretaris Tim Penilai', acceptedAt: expect.any(String) },
    ]);
  });

  it('records a plenary decision on a joint rank, which orders the tied nominees', async () => {
    await api.recordDecision({
      eventId: EVENT,
      categoryId: 'ukm',
      nomineeIds: ['ukm-02', 'ukm-01'],
      text: 'Diputuskan pleno',
      decidedBy: 'Ketua',
    });
    const result = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(result.decisions).toEqual([
      { categoryId: 'ukm', nomineeIds: ['ukm-02', 'ukm-01'], text: 'Diputuskan pleno', decidedBy: 'Ketua', recordedAt: expect.any(String) },
    ]);
    // No tie in the demo: the decision changes nothing, as it only orders joint ranks.
    expect(result.categories.find((c) => c.id === 'ukm')!.ranking[0].nomineeId).toBe('ukm-01');
  });

  it("shows a conflict the juror declared on the laptop, beside the event's, in the deliberation and the report", async () => {
    const payload = SheetPayload.parse(JSON.parse(JSON.stringify(await verifyPayload('J8'))));
    const reason = 'Kakak ipar saya pemilik usaha ini';
    // As the juror's app does: a declared conflict clears the nominee's marks in every round.
    for (const section of payload.sections.filter((s) => s.categoryId === 'ukm')) {
      const nominee = section.nominees.find((n) => n.nomineeId === 'ukm-03')!;
      nominee.conflict = reason;
      nominee.marks = Object.fromEntries(Object.keys(nominee.marks).map((code) => [code, null]));
    }
    const declared = { ...payload, sheetRevision: 2, declaredConflicts: [{ nomineeId: 'ukm-03', reason }] };
    await api.importSheet({
      eventId: EVENT,
      file: fileData('J8-revisi-2.xlsx', await writeScoreSheet(declared, demo.jurorKeys.get('J8')!)),
    });

    const result = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(result.conflicts).toEqual([
      ...demoDocument().conflicts.map((c) => ({ jurorId: c.jurorId, nomineeId: c.nomineeId, reason: c.reason, declared: false })),
      { jurorId: 'J8', nomineeId: 'ukm-03', reason, declared: true },
    ]);
    const protocol = await api.nomineeProtocol({ eventId: EVENT, rule: 'mean', nomineeId: 'ukm-03' });
    expect(protocol.marks.filter((m) => m.jurorId === 'J8' && m.roundId === 'administrasi')).toEqual([]);
    expect(protocol.marks.filter((m) => m.jurorId === 'J7' && m.roundId === 'administrasi').length).toBeGreaterThan(0);
    const { html } = await api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'id' });
    expect(html).toContain(`J8 — ${demoDocument().nominees.find((n) => n.id === 'ukm-03')!.name}`);
    expect(html).toContain(`(${reason}; dinyatakan juri di laptopnya)`);
  });

  it('shows a section the juror had not finalized as unfinished, not as received', async () => {
    const payload = SheetPayload.parse(JSON.parse(JSON.stringify(await verifyPayload('J6'))));
    const section = payload.sections.find((s) => s.roundId === 'administrasi' && s.categoryId === 'pemdes')!;
    section.finalized = false;
    section.nominees[0].marks = Object.fromEntries(Object.keys(section.nominees[0].marks).map((code) => [code, null]));
    await api.importSheet({
      eventId: EVENT,
      file: fileData('J6-draf.xlsx', await writeScoreSheet({ ...payload, sheetRevision: 2 }, demo.jurorKeys.get('J6')!)),
    });
    const result = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(result.completeness.J6['administrasi/pemdes']).toBe('unfinished');
    expect(result.completeness.J6['administrasi/ukm']).toBe('received');
    const { html } = await api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'en' });
    expect(html).toMatch(/J6 · Administrative Selection · [^;<]+ \(not finalized by the juror\)/);
  });

  it("prints the secretariat's own key beside the results hash, as pinned", async () => {
    const { fingerprint } = await api.createKey({ passphrase: 'kupang-juli-2025' });
    const { html } = await api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'id' });
    expect(html).toContain(fingerprint!);
    expect(html).not.toContain('belum disematkan');
  });

  /** The signed payload of a demo juror's sheet, as the secretariat stored it. */
  async function verifyPayload(jurorId: string) {
    const row = ws.db
      .prepare("SELECT payload FROM received_sheet WHERE juror_id = ? AND status = 'valid' ORDER BY id LIMIT 1")
      .get(jurorId) as { payload: string };
    return SheetPayload.parse(JSON.parse(row.payload));
  }
});
