/**
 * The paper fallback through the real API and SQLite (issue 17, items 7 and 8): blind double entry of a
 * printed form (no call shows the first operator's values before the second has keyed), differences
 * resolved against the paper with a reason, a sheet of provenance 'kertas' signed with the secretariat's
 * key and received like any other; the paper rule (never replacing a newer laptop sheet, and saying why);
 * only the secretariat's own key may sign a paper sheet; the tables are append-only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperForm, TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { main } from '../../src/cli/main.ts';
import { AppError } from '../../src/api/errors.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { fileData } from '../../src/services/file-data.ts';
import { listReceived } from '../../src/services/merge/sheet-inbox.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { readPackage, writePackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';
import { jurorKey } from '../support/sheets.ts';
import { TEST_PASSPHRASE } from '../support/workspace.ts';

const EVENT = 'paritrana-ntt-2025';

/** What an operator keys from the paper: every box of the form, as a person types it. */
function keyed(form: PaperForm, value: (nominee: number, criterion: number) => string) {
  return form.nominees.flatMap((n, i) =>
    n.conflict !== null ? [] : form.criteria.map((c, j) => ({ nomineeId: n.id, criterionCode: c.code, value: value(i, j) })),
  );
}
const onPaper = (i: number, j: number) => String(1 + ((i * 2 + j) % 5));

async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('paper forms keyed twice, blind, into a signed paper sheet', () => {
  const tmp = tempDir();
  let ws: Workspace;
  let api: TimbangApi;
  let demo: DemoFiles;
  let forms: PaperForm[];
  const form = (number: string) => forms.find((f) => f.formNumber === number)!;

  beforeAll(async () => {
    ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    demo = await demoFiles(demoDocument());
    await api.loadDemoEvent({ role: 'sekretariat' });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    await api.createKey({ passphrase: TEST_PASSPHRASE });
    forms = await api.paperForms({ eventId: EVENT });
  });
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  it('lists one form per juror, round and category, each with its number and layout checksum', () => {
    expect(forms).toHaveLength(9 * 16);
    const ukm = form('LPJ-J3-1-03');
    expect(ukm).toMatchObject({ jurorId: 'J3', roundId: 'administrasi', categoryId: 'ukm' });
    expect(ukm.checksum).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(ukm.criteria.map((c) => c.code)).toEqual(['UK1', 'UK2', 'UK3', 'UK4']);
    expect(form('LPJ-J4-1-07').nominees.find((n) => n.id === 'manufaktur-04')!.conflict).toMatch(/Pengurus asosiasi/);
  });

  it('keeps the first entry hidden until a second operator has keyed the same form, then shows only the differences', async () => {
    const ukm = form('LPJ-J3-1-03');
    const first = await api.paperSubmitEntry({
      eventId: EVENT,
      formNumber: 'lpj-j3-1-03',
      checksum: ukm.checksum.toLowerCase().replace('-', ' '),
      operator: 'Ani Wijaya',
      jurorName: 'Dr. Maria Tefa',
      marks: keyed(ukm, onPaper),
    });
    expect(first).toMatchObject({
      formNumber: 'LPJ-J3-1-03',
      state: 'awaiting-second',
      operators: ['Ani Wijaya'],
      differences: null,
      unresolved: null,
      sheet: null,
    });

    // Nothing returns what Ani keyed: not the comparison, not the list, not the form as the second operator opens it.
    const hidden = await refusal(api.paperComparison({ eventId: EVENT, keyingId: first.id }));
    expect(hidden.code).toBe('forbidden');
    expect(hidden.bilingual.id).toContain('tidak ditampilkan sebelum operator kedua selesai mengetik');
    const opened = await api.paperForm({ eventId: EVENT, formNumber: 'LPJ-J3-1-03', checksum: ukm.checksum });
    expect(opened.keying).toEqual(first);
    expect(JSON.stringify(opened)).not.toContain('Maria');
    expect(JSON.stringify(await api.paperKeyings({ eventId: EVENT }))).not.toContain('Maria');

    // The same person cannot be the second operator.
    const again = await refusal(
      api.paperSubmitEntry({
        eventId: EVENT,
        formNumber: 'LPJ-J3-1-03',
        checksum: ukm.checksum,
        operator: '  ani  WIJAYA ',
        jurorName: 'Dr. Maria Tefa',
        marks: keyed(ukm, onPaper),
      }),
    );
    expect(again.code).toBe('conflict');
    expect(again.bilingual.id).toContain('harus oleh operator lain');

    // Budi misreads one box (the second nominee's UK2) and writes the decimal comma elsewhere.
    const second = await api.paperSubmitEntry({
      eventId: EVENT,
      formNumber: 'LPJ-J3-1-03',
      checksum: ukm.checksum,
      operator: 'Budi Santoso',
      jurorName: 'Dr.  Maria Tefa',
      marks: keyed(ukm, (i, j) => (i === 1 && j === 1 ? '2' : i === 0 && j === 0 ? `${onPaper(0, 0)},0` : onPaper(i, j))),
    });
    expect(second).toMatchObject({ state: 'differences', operators: ['Ani Wijaya', 'Budi Santoso'], differences: 1, unresolved: 1 });
    const compared = await api.paperComparison({ eventId: EVENT, keyingId: first.id });
    expect(compared.cells).toEqual([
      {
        cell: `${ukm.nominees[1].id}/UK2`,
        nomineeId: ukm.nominees[1].id,
        criterionCode: 'UK2',
        a: onPaper(1, 1),
        b: '2',
        resolution: null,
      },
    ]);
    expect(compared.total).toBe(1 + 5 * 4);
    expect(compared.agreed).toBe(compared.total - 1);
    expect(compared.nextRevision).toBe(1);
    expect(compared.supersedes).toEqual([]);

    const early = await refusal(api.paperSign({ eventId: EVENT, keyingId: first.id }));
    expect(early.code).toBe('incomplete');
    expect(early.bilingual.id).toContain(`${ukm.nominees[1].name} UK2`);
    const offScale = await refusal(
      api.paperResolve({
        eventId: EVENT,
        keyingId: first.id,
        cell: `${ukm.nominees[1].id}/UK2`,
        value: '7',
        reason: 'salah',
        resolvedBy: 'Citra',
      }),
    );
    expect(offScale.code).toBe('invalid-input');
    const agreedCell = await refusal(
      api.paperResolve({
        eventId: EVENT,
        keyingId: first.id,
        cell: `${ukm.nominees[0].id}/UK1`,
        value: '1',
        reason: 'coba',
        resolvedBy: 'Citra',
      }),
    );
    expect(agreedCell.bilingual.id).toContain('diketik sama oleh kedua operator');

    const resolved = await api.paperResolve({
      eventId: EVENT,
      keyingId: first.id,
      cell: `${ukm.nominees[1].id}/UK2`,
      value: onPaper(1, 1),
      reason: 'Di kertas jelas tertulis angka itu; operator 2 salah baca',
      resolvedBy: 'Citra Lestari',
    });
    expect(resolved.cells[0].resolution).toMatchObject({
      value: onPaper(1, 1),
      reason: 'Di kertas jelas tertulis angka itu; operator 2 salah baca',
      resolvedBy: 'Citra Lestari',
    });
    expect(resolved.keying.state).toBe('ready');
  });

  it('signs the resolved form with the secretariat key into a valid sheet of provenance kertas, counted in the merge', async () => {
    const [keying] = (await api.paperKeyings({ eventId: EVENT })).filter((k) => k.formNumber === 'LPJ-J3-1-03');
    const scan = 'ab'.repeat(32);
    const signed = await api.paperSign({ eventId: EVENT, keyingId: keying.id, scanSha256: scan });
    expect(signed.sheet).toMatchObject({
      fileName: `kertas-LPJ-J3-1-03-ketik-${keying.id}.xlsx`,
      status: 'valid',
      use: 'used',
      jurorId: 'J3',
      sheetRevision: 1,
      signedWith: (await api.keyStatus({})).fingerprint,
      paper: {
        formNumber: 'LPJ-J3-1-03',
        operators: ['Ani Wijaya', 'Budi Santoso'],
        scanSha256: scan,
        roundId: 'administrasi',
        categoryId: 'ukm',
      },
    });
    expect(signed.keying).toMatchObject({ state: 'signed', sheet: { id: signed.sheet.id, sheetRevision: 1 } });
    const refused = await refusal(api.paperSign({ eventId: EVENT, keyingId: keying.id }));
    expect(refused.bilingual.id).toContain('sudah ditandatangani');

    const stored = ws.db.prepare('SELECT payload, public_key FROM received_sheet WHERE id = ?').get(signed.sheet.id) as {
      payload: string;
      public_key: string;
    };
    const payload = SheetPayload.parse(JSON.parse(stored.payload));
    expect(payload.provenance).toEqual({
      kind: 'kertas',
      formNumber: 'LPJ-J3-1-03',
      checksum: form('LPJ-J3-1-03').checksum,
      operators: ['Ani Wijaya', 'Budi Santoso'],
      scanSha256: scan,
    });
    expect(payload.juror).toMatchObject({ id: 'J3', name: 'Dr. Maria Tefa', publicKey: (await api.keyStatus({})).publicKey });
    expect(payload.sections.map((s) => `${s.roundId}/${s.categoryId}`)).toEqual(['administrasi/ukm']);
    expect(payload.sections[0].finalized).toBe(true);

    const result = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(result.completeness.J3['administrasi/ukm']).toBe('received');
    expect(result.completeness.J3['wawancara/ukm']).toBe('missing');
    const ukm = form('LPJ-J3-1-03');
    const marks = listReceived(ws.db, demoDocument()).reconciliation.marks.filter((m) => m.jurorId === 'J3');
    expect(marks).toHaveLength(5 * 4);
    expect(marks.find((m) => m.nomineeId === ukm.nominees[1].id && m.criterionCode === 'UK2')!.value).toBe(Number(onPaper(1, 1)));
    const html = (await api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'id' })).html;
    expect(html).toContain('kertas · formulir LPJ-J3-1-03 · diketik oleh Ani Wijaya dan Budi Santoso');
    expect(html).toContain(
      'J3 — Seleksi Administrasi · Usaha Kecil Mikro (formulir LPJ-J3-1-03, diketik oleh Ani Wijaya dan Budi Santoso)',
    );
    const sheets = await api.listSheets({ eventId: EVENT });
    expect(sheets.sheets.find((s) => s.id === signed.sheet.id)!.paper!.operators).toEqual(['Ani Wijaya', 'Budi Santoso']);
    // The Rekapitulasi: the juror's column of that section says kertas; the Verifikasi sheet gives every file's origin.
    const rekap = new ExcelJS.Workbook();
    await rekap.xlsx.load(
      new Uint8Array(Buffer.from((await api.exportRekapitulasi({ eventId: EVENT, rule: 'mean' })).base64, 'base64')).buffer,
    );
    expect(rekap.getWorksheet('Usaha Kecil Mikro')!.getRow(3).values).toContain('J3 · Seleksi Administrasi (kertas)');
    expect(rekap.getWorksheet('Usaha Kecil Mikro')!.getRow(3).values).toContain('J3 · Wawancara');
    const verification = rekap.getWorksheet('Verifikasi')!;
    expect(verification.getRow(1).getCell(8).text).toBe('Asal lembar');
    const rows = verification
      .getSheetValues()
      .slice(2)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows.find((r) => JSON.stringify(r[0]).includes('kertas-LPJ-J3-1-03'))![7]).toBe(
      `kertas · formulir LPJ-J3-1-03 · diketik oleh Ani Wijaya dan Budi Santoso · pindaian SHA-256 ${scan}`,
    );
    expect(ukm.nominees).toHaveLength(5);
  });

  it('never lets a paper sheet replace a newer laptop sheet of the same section, and says why', async () => {
    const event = demoDocument();
    await api.importSheet({ eventId: EVENT, file: fileData('J5.xlsx', demo.sheets.get('J5')!) });
    const pemdes = form('LPJ-J5-1-02');
    const twice = async (values: (i: number, j: number) => string) => {
      const a = await api.paperSubmitEntry({
        eventId: EVENT,
        formNumber: pemdes.formNumber,
        checksum: pemdes.checksum,
        operator: 'Ani Wijaya',
        jurorName: 'Juri J5 (demo)',
        marks: keyed(pemdes, values),
      });
      await api.paperSubmitEntry({
        eventId: EVENT,
        formNumber: pemdes.formNumber,
        checksum: pemdes.checksum,
        operator: 'Budi Santoso',
        jurorName: 'Juri J5 (demo)',
        marks: keyed(pemdes, values),
      });
      return a.id;
    };
    // The laptop failed; J5 scored Pemerintah Desa again on paper. Keyed alike twice: nothing to resolve.
    const keyingId = await twice(() => '5');
    const compared = await api.paperComparison({ eventId: EVENT, keyingId });
    expect(compared).toMatchObject({ cells: [], nextRevision: 2, supersedes: [{ fileName: 'J5.xlsx', sheetRevision: 1, paper: false }] });
    const signed = await api.paperSign({ eventId: EVENT, keyingId });
    expect(signed.sheet).toMatchObject({ sheetRevision: 2, use: 'used' });
    expect(signed.supersedes).toEqual([{ fileName: 'J5.xlsx', sheetRevision: 1, paper: false }]);
    let listed = await api.listSheets({ eventId: EVENT });
    const laptop1 = listed.sheets.find((s) => s.fileName === 'J5.xlsx')!;
    expect(laptop1.use).toBe('used'); // its other fifteen sections
    expect(laptop1.notes!.map((n) => n.id)).toEqual([
      'Bagian J5, Seleksi Administrasi · Pemerintah Desa/Kelurahan dari lembar laptop ini (revisi 1) digantikan lembar kertas LPJ-J5-1-02 (revisi 2, diketik oleh Ani Wijaya dan Budi Santoso).',
    ]);
    const j5Marks = () =>
      listReceived(ws.db, event)
        .reconciliation.marks.filter((m) => m.jurorId === 'J5' && m.criterionCode.startsWith('PS'))
        .map((m) => m.value);
    expect(new Set(j5Marks())).toEqual(new Set([5]));
    expect(j5Marks()).toHaveLength(5 * 4);

    // Then the repaired laptop sends J5's own revision 2 (reopened and finalized there): the juror's own signature wins.
    const key = demo.jurorKeys.get('J5')!;
    const laptopMarks = event.nominees
      .filter((n) => n.categoryId === 'pemdes')
      .flatMap((n) =>
        event.criteria
          .filter((c) => c.roundId === 'administrasi' && c.categoryIds.includes('pemdes'))
          .map((c) => ({ roundId: 'administrasi', nomineeId: n.id, criterionCode: c.code, value: 2 })),
      );
    const newer = sheetPayload({
      event,
      jurorId: 'J5',
      jurorName: 'Juri J5 (demo)',
      roundIds: ['administrasi'],
      marks: laptopMarks,
      notes: [],
      conflicts: new Map(),
      declaredConflicts: [],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 2,
      exportedAt: new Date().toISOString(),
      key,
    });
    const imported = await api.importSheet({ eventId: EVENT, file: fileData('J5-revisi-2.xlsx', await writeScoreSheet(newer, key)) });
    expect(imported.sheet.status).toBe('valid');
    listed = await api.listSheets({ eventId: EVENT });
    const paper = listed.sheets.find((s) => s.id === signed.sheet.id)!;
    expect(paper.use).toBe('stale');
    expect(paper.notes!.map((n) => n.id)).toEqual([
      'Lembar kertas LPJ-J5-1-02 (revisi 2) untuk J5, Seleksi Administrasi · Pemerintah Desa/Kelurahan tidak dipakai: sudah ada lembar laptop juri sendiri yang sama baru atau lebih baru (revisi 2). Lembar kertas tidak pernah menggantikan lembar laptop yang lebih baru.',
    ]);
    expect(paper.notes![0].en).toContain('A paper sheet never replaces a newer laptop sheet.');
    expect(listed.sheets.find((s) => s.fileName === 'J5-revisi-2.xlsx')!.use).toBe('used');
    expect(new Set(j5Marks())).toEqual(new Set([2]));
    const html = (await api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'en' })).html;
    expect(html).toContain('Paper sheet LPJ-J5-1-02 (revision 2) for J5, Seleksi Administrasi · Pemerintah Desa/Kelurahan is not used');
    expect(html).not.toContain('J5 — Seleksi Administrasi · Pemerintah Desa (form LPJ-J5-1-02'); // not among the sections from paper
  });

  it("accepts a paper sheet only when signed with the secretariat's own key", async () => {
    const event = demoDocument();
    const j4 = demo.jurorKeys.get('J4')!;
    const forged = sheetPayload({
      event,
      jurorId: 'J4',
      jurorName: 'Juri J4',
      roundIds: ['wawancara'],
      notes: [],
      declaredConflicts: [],
      isFinalized: () => true,
      marks: [],
      conflicts: new Map([['manufaktur-04', event.conflicts[0].reason]]),
      packageRevision: 1,
      sheetRevision: 9,
      exportedAt: new Date().toISOString(),
      key: j4,
    });
    const payload: SheetPayload = {
      ...forged,
      sections: forged.sections.filter((s) => s.categoryId === 'ukm'),
      provenance: { kind: 'kertas', formNumber: 'LPJ-J4-2-03', checksum: '0000-0000', operators: ['X', 'Y'] },
    };
    const bytes = await writeScoreSheet(payload, j4);
    const received = await api.importSheet({ eventId: EVENT, file: fileData('kertas-palsu.xlsx', bytes) });
    expect(received.sheet.status).toBe('unknown-key');
    expect(received.sheet.details.map((d) => d.id).join('\n')).toContain(
      `bukan kunci sekretariat (${(await api.keyStatus({})).fingerprint})`,
    );
    // Accepting J4's key by hand does not make it a secretariat key.
    await api.acceptKey({ eventId: EVENT, sheetId: received.sheet.id, acceptedBy: 'Citra Lestari' });
    expect((await api.listSheets({ eventId: EVENT })).sheets.find((s) => s.id === received.sheet.id)!.status).toBe('unknown-key');

    // As the CLI verifies against a package: the package's signer is the key a paper sheet needs.
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'acara.timbang');
    const context = { event, latestPackageRevision: 1, jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])) };
    expect((await verifyScoreSheet(bytes, 'kertas-palsu.xlsx', { ...context, secretariatKey: pkg.secretariat.publicKey })).status).toBe(
      'unknown-key',
    );
    expect((await verifyScoreSheet(bytes, 'kertas-palsu.xlsx', context)).details[0].en).toContain(
      "the secretariat's key is not known here",
    );
    const stored = ws.db.prepare("SELECT bytes FROM received_sheet WHERE file_name LIKE 'kertas-LPJ-J3-1-03-%'").get() as { bytes: Buffer };
    const ownKey = (await api.keyStatus({})).publicKey!;
    const issued = { ...context, latestPackageRevision: 10 }; // the secretariat's revision when it signed: 1 + nine enrolments
    expect((await verifyScoreSheet(new Uint8Array(stored.bytes), 'kertas.xlsx', { ...issued, secretariatKey: ownKey })).status).toBe(
      'valid',
    );
    expect(
      (await verifyScoreSheet(new Uint8Array(stored.bytes), 'kertas.xlsx', { ...issued, secretariatKey: pkg.secretariat.publicKey }))
        .status,
    ).toBe('unknown-key');
    // A laptop sheet is still checked against the juror's enrolled key, whatever the secretariat's key.
    expect((await verifyScoreSheet(new Uint8Array(demo.sheets.get('J1')!), 'J1.xlsx', { ...context, secretariatKey: ownKey })).status).toBe(
      'valid',
    );
  });

  it('gives the paper sheet as a file that timbang verify and merge accept against the package the secretariat signed, and label kertas', async () => {
    const [keying] = (await api.paperKeyings({ eventId: EVENT })).filter((k) => k.formNumber === 'LPJ-J3-1-03');
    const paper = await api.paperSheetFile({ eventId: EVENT, keyingId: keying.id });
    expect(paper.fileName).toBe(keying.sheet!.fileName);
    const pkg = await api.exportPackage({ eventId: EVENT });
    const write = (name: string, base64: string) => {
      const path = join(tmp.dir, name);
      writeFileSync(path, Buffer.from(base64, 'base64'));
      return path;
    };
    const files = [
      write(paper.fileName, paper.base64),
      ...['J1', 'J2', 'J4'].map((j) => write(`${j}.xlsx`, demo.sheets.get(j)!.toString('base64'))),
    ];
    const packageFile = write(pkg.fileName, pkg.base64);
    const fingerprint = (await api.keyStatus({})).fingerprint!;
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const verified = await run('verify', '--event', packageFile, ...files, '--secretariat', fingerprint, '--json');
    expect(verified.code, verified.err).toBe(0);
    expect((JSON.parse(verified.out) as { status: string }[]).map((r) => r.status)).toEqual(['valid', 'valid', 'valid', 'valid']);
    const rekapFile = join(tmp.dir, 'rekap-cli.xlsx');
    const merged = await run('merge', '--event', packageFile, ...files, '--secretariat', fingerprint, '--out', rekapFile, '--json');
    expect(merged.code, merged.err).toBe(0);
    expect((JSON.parse(merged.out) as { files: { use: string }[] }).files.map((f) => f.use)).toEqual(['used', 'used', 'used', 'used']);
    const rekap = new ExcelJS.Workbook();
    await rekap.xlsx.readFile(rekapFile);
    expect(rekap.getWorksheet('Verifikasi')!.getRow(2).getCell(8).text).toBe(
      'kertas · formulir LPJ-J3-1-03 · diketik oleh Ani Wijaya dan Budi Santoso · pindaian SHA-256 ' + 'ab'.repeat(32),
    );
    expect(rekap.getWorksheet('Verifikasi')!.getRow(3).getCell(8).text).toBe('laptop juri');
    // Against the same package re-signed by another key (without a pin, it names its own signer), the paper sheet is refused.
    const issued = readPackage(new Uint8Array(Buffer.from(pkg.base64, 'base64')), pkg.fileName);
    const resigned = writePackage(issued.event, issued.revision, issued.issuedAt, issued.jurorKeys, jurorKey());
    const other = write('ditandatangani-ulang.timbang', Buffer.from(resigned).toString('base64'));
    const refused = await run('verify', '--event', other, files[0], '--json');
    expect(refused.code).toBe(1);
    const [result] = JSON.parse(refused.out) as { status: string; details: { en: string }[] }[];
    expect(result.status).toBe('unknown-key');
    expect(result.details[0].en).toContain("not the secretariat's key");
  });

  it('refuses a form whose layout changed since it was printed, a figure off the scale, and a mark in a crossed-out row', async () => {
    const ukm = form('LPJ-J3-2-03');
    const wrong = await refusal(
      api.paperSubmitEntry({
        eventId: EVENT,
        formNumber: ukm.formNumber,
        checksum: '1234-5678',
        operator: 'Ani Wijaya',
        jurorName: '',
        marks: [],
      }),
    );
    expect(wrong.code).toBe('conflict');
    expect(wrong.bilingual.id).toContain(`bukan kode susunan formulir ini sekarang (${ukm.checksum})`);
    const unknown = await refusal(api.paperForm({ eventId: EVENT, formNumber: 'LPJ-J10-1-01', checksum: ukm.checksum }));
    expect(unknown.code).toBe('not-found');
    const off = await refusal(
      api.paperSubmitEntry({
        eventId: EVENT,
        formNumber: ukm.formNumber,
        checksum: ukm.checksum,
        operator: 'Ani Wijaya',
        jurorName: '',
        marks: keyed(ukm, (i, j) => (i === 2 && j === 3 ? '55' : '3')),
      }),
    );
    expect(off.code).toBe('invalid-input');
    expect(off.bilingual.id).toBe(`${ukm.nominees[2].name}, W4: "55" bukan nilai pada skala 1–5 (kelipatan 1). Periksa kertasnya.`);
    const manufaktur = form('LPJ-J4-1-07');
    const crossed = await refusal(
      api.paperSubmitEntry({
        eventId: EVENT,
        formNumber: manufaktur.formNumber,
        checksum: manufaktur.checksum,
        operator: 'Ani Wijaya',
        jurorName: '',
        marks: [{ nomineeId: 'manufaktur-04', criterionCode: 'BU1', value: '4' }],
      }),
    );
    expect(crossed.bilingual.id).toContain('dicoret pada formulir LPJ-J4-1-07');
    expect(
      (await api.paperKeyings({ eventId: EVENT })).filter((k) => k.formNumber === ukm.formNumber || k.formNumber === manufaktur.formNumber),
    ).toEqual([]);
  });

  it('keeps what was keyed and resolved: the paper tables refuse changes and deletions', () => {
    for (const table of ['paper_keying', 'paper_entry', 'paper_resolution', 'paper_sheet']) {
      expect(() => ws.db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
    }
    expect(() => ws.db.prepare("UPDATE paper_entry SET operator = 'Orang lain'").run()).toThrow(/append-only/);
    expect(() => ws.db.prepare("UPDATE paper_resolution SET value = '1'").run()).toThrow(/append-only/);
    expect(ws.db.prepare('SELECT count(*) AS n FROM paper_entry').get()).toEqual({ n: 4 });
  });
});
