/**
 * The panel as it really sits (issue 16, items 2 and 3): the Penugasan sheet (juror × round × category)
 * travels in the package; a juror's laptop shows and exports only what that juror is assigned and refuses
 * marks elsewhere, and a sheet with marks in an unassigned section is refused at the secretariat; the
 * completeness matrix counts only assigned sections; an absence turns "missing" into "excused"; a
 * replacement member joins in a new revision without disturbing anyone's marks; a category below its
 * quorum, or one whose nominees were scored by different juror sets (not for recusal), is flagged with the
 * nominees and jurors named, in the audit, on the results screen's data and in the printed report, and the
 * Berita Acara lists who assessed each category, who recused and who was absent.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { CLI_PRINTING } from '../../src/cli/context.ts';
import type { Event } from '../../src/core/model.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { readEventTemplate, writeEventTemplate } from '../../src/services/events/event-template.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { paperFormLayout, paperForms } from '../../src/services/paper/paper-form.ts';
import { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const exec = promisify(execFile);
const EVENT = 'paritrana-ntt-2025';
const flat = (text: string) => text.replace(/\s+/g, ' ');

function client(ws: Workspace): TimbangApi {
  const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't', printing: CLI_PRINTING });
  return createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
}

/** The demo with J3 not assigned to UKM's interviews, and a quorum of 2/3 on the interviews. */
function assignedEvent(): Event {
  const event = demoDocument();
  event.assignments = [{ jurorId: 'J3', roundId: 'wawancara', categoryId: 'ukm', duty: 'tidak' }];
  event.rounds.find((r) => r.id === 'wawancara')!.quorum = { numerator: 2, denominator: 3 };
  return event;
}

describe('the template carries Penugasan, the quorum and replacement members', () => {
  it('reads back what it writes, and an older template without them still reads', async () => {
    const event = assignedEvent();
    event.jurors[7] = { ...event.jurors[7], replaces: 'J2', decree: 'SK Gubernur NTT No. 500/2025 (perubahan)' };
    const result = await readEventTemplate(await writeEventTemplate(event), 'acara.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.event.assignments).toEqual(event.assignments);
    expect(result.event.rounds.find((r) => r.id === 'wawancara')!.quorum).toEqual({ numerator: 2, denominator: 3 });
    expect(result.event.jurors[7]).toMatchObject({ replaces: 'J2', decree: 'SK Gubernur NTT No. 500/2025 (perubahan)' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await writeEventTemplate(demoDocument())).buffer);
    workbook.removeWorksheet(workbook.getWorksheet('Penugasan')!.id);
    workbook.getWorksheet('Babak')!.spliceColumns(10, 1);
    workbook.getWorksheet('Juri')!.spliceColumns(6, 2);
    const older = await readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'lama.xlsx');
    expect(older.ok ? older.event : older.issues).toEqual(demoDocument());
  });

  it('refuses an assignment to an unknown juror or a category the round does not score, and a quorum above the jury', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await writeEventTemplate(assignedEvent())).buffer);
    const sheet = workbook.getWorksheet('Penugasan')!;
    sheet.getCell('A4').value = 'J12';
    sheet.getCell('B4').value = 'wawancara';
    sheet.getCell('C4').value = 'ukm';
    sheet.getCell('D4').value = 'tidak';
    workbook.getWorksheet('Babak')!.getCell('J3').value = '12';
    const result = await readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'salah.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message.id}`);
    expect(lines).toEqual([
      'Penugasan!A4: Penugasan J12–wawancara–ukm: juri "J12" tidak dikenal',
      'Babak!J3: Babak Seleksi Administrasi: kuorum 12 juri, padahal dewan juri hanya 9',
    ]);
  });
});

describe("a juror's laptop scores only what it is assigned", () => {
  const tmp = tempDir('timbang-assigned-');
  let ws: Workspace;
  let api: TimbangApi;
  let secretariat: Workspace;
  let sec: TimbangApi;
  beforeAll(async () => {
    secretariat = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    sec = client(secretariat);
    await sec.createKey({ passphrase: 'kata sandi sekretariat' });
    await sec.importEventTemplate(fileData('acara.xlsx', await writeEventTemplate(assignedEvent())));
    ws = openWorkspace(join(tmp.dir, 'juri.sqlite'));
    api = client(ws);
    await api.importPackage(await sec.exportPackage({ eventId: EVENT }));
    await api.chooseJuror({ eventId: EVENT, jurorId: 'J3' });
    await api.createKey({ passphrase: 'kata sandi juri J3' });
    await sec.importEnrolment(await api.exportEnrolment({ eventId: EVENT, name: 'Maria Goreti' }));
  });
  afterAll(() => {
    ws.close();
    secretariat.close();
    tmp.remove();
  });

  it('shows only the assigned sections and refuses a mark elsewhere', async () => {
    const assignments = await api.jurorAssignments({ eventId: EVENT });
    const wawancara = assignments.find((r) => r.roundId === 'wawancara')!;
    expect(wawancara.categories.map((c) => c.categoryId)).not.toContain('ukm');
    expect(assignments.find((r) => r.roundId === 'administrasi')!.categories.map((c) => c.categoryId)).toContain('ukm');
    const ukm = demoDocument().nominees.find((n) => n.categoryId === 'ukm')!;
    await expect(
      api.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: ukm.id, criterionCode: 'W1', value: 4 }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      bilingual: { id: 'J3 tidak ditugaskan menilai Wawancara, Usaha Kecil Mikro (Penugasan: tidak).' },
    });
    await expect(api.finalizeRound({ eventId: EVENT, roundId: 'wawancara', categoryId: 'ukm' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(
      await api.recordScore({ eventId: EVENT, roundId: 'administrasi', nomineeId: ukm.id, criterionCode: 'UK1', value: 4 }),
    ).toMatchObject({ value: 4 });
    expect(ws.db.prepare("SELECT count(*) AS n FROM score WHERE round_id = 'wawancara'").get()).toEqual({ n: 0 });
  });

  it('exports only the assigned sections, and keeps its marks when a replacement member arrives in a new revision', async () => {
    const sheet = await api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    const received = await sec.importSheet({ eventId: EVENT, file: sheet });
    expect(received.sheet.status).toBe('valid');
    const payload = SheetPayload.parse(
      JSON.parse((secretariat.db.prepare('SELECT payload FROM received_sheet').get() as { payload: string }).payload),
    );
    expect(payload.sections.map((s) => `${s.roundId}/${s.categoryId}`)).not.toContain('wawancara/ukm');
    expect(payload.sections).toHaveLength(15);

    const before = (await sec.listEvents({})).find((e) => e.id === EVENT)!.revision;
    const { revision } = await sec.addReplacement({
      eventId: EVENT,
      juror: { id: 'J10', title: 'Anggota DPRD Provinsi NTT', institution: 'DPRD Provinsi NTT', name: 'Yosef Lede' },
      replacesJurorId: 'J7',
      decree: 'SK Gubernur NTT No. 500/2025 (perubahan)',
      sections: [
        { roundId: 'wawancara', categoryId: 'ukm' },
        { roundId: 'wawancara', categoryId: 'pemkab' },
      ],
      by: 'Sekretariat',
    });
    expect(revision).toBe(before + 1);
    const event = await sec.getEvent({ eventId: EVENT });
    expect(event.jurors.at(-1)).toMatchObject({ id: 'J10', replaces: 'J7', decree: 'SK Gubernur NTT No. 500/2025 (perubahan)' });
    const { completeness } = await sec.listSheets({ eventId: EVENT });
    expect(completeness.J10).toEqual({ 'wawancara/pemkab': 'missing', 'wawancara/ukm': 'missing' });
    expect(completeness.J7['wawancara/ukm']).toBe('excused');
    expect(completeness.J7['administrasi/ukm']).toBe('missing');
    expect(completeness.J3).not.toHaveProperty('wawancara/ukm');
    expect((await sec.listSheets({ eventId: EVENT })).sheets[0]).toMatchObject({ status: 'valid', use: 'used' });

    const imported = await api.importPackage(await sec.exportPackage({ eventId: EVENT }));
    expect(imported).toMatchObject({ outcome: 'updated', previousRevision: 1 });
    const state = await api.scoringState({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
    expect(state.marks).toEqual([expect.objectContaining({ criterionCode: 'UK1', value: 4 })]);
  });
});

describe('a sheet with marks in a section its juror is not assigned', () => {
  it('is invalid content at the secretariat, the section named', async () => {
    const demo = await demoFiles(demoDocument());
    const jurorKeys = new Map([...demo.jurorKeys].map(([id, key]) => [id, key.publicKey]));
    const verified = await verifyScoreSheet(new Uint8Array(demo.sheets.get('J3')!), 'J3.xlsx', {
      event: assignedEvent(),
      latestPackageRevision: 1,
      jurorKeys,
    });
    expect(verified.status).toBe('invalid-content');
    expect(verified.details.map((d) => d.id)).toEqual([
      expect.stringMatching(
        /\(Wawancara · Usaha Kecil Mikro\): J3 tidak ditugaskan menilai babak Wawancara kategori Usaha Kecil Mikro \(Penugasan: tidak\), tetapi lembar memberi nilai$/,
      ),
    ]);
    // The other jurors' sheets are untouched by J3's assignment.
    expect(
      (
        await verifyScoreSheet(new Uint8Array(demo.sheets.get('J4')!), 'J4.xlsx', {
          event: assignedEvent(),
          latestPackageRevision: 1,
          jurorKeys,
        })
      ).status,
    ).toBe('valid');
  }, 60_000);
});

describe('the paper fallback follows Penugasan', () => {
  it('prints no form for a section the juror is not assigned, and refuses one asked for', () => {
    const event = assignedEvent();
    const forms = paperForms(event, 1);
    expect(forms.filter((f) => f.juror.id === 'J3').map((f) => `${f.round.id}/${f.category.id}`)).not.toContain('wawancara/ukm');
    expect(forms.filter((f) => f.juror.id === 'J4').map((f) => `${f.round.id}/${f.category.id}`)).toContain('wawancara/ukm');
    expect(forms).toHaveLength(9 * 16 - 1);
    expect(() => paperFormLayout(event, 1, { jurorId: 'J3', roundId: 'wawancara', categoryId: 'ukm' })).toThrow(
      'J3 tidak ditugaskan menilai Wawancara, Usaha Kecil Mikro (Penugasan: tidak), jadi tidak ada formulir.',
    );
  });
});

describe('absences, quorum and equal treatment at the secretariat', () => {
  const tmp = tempDir('timbang-panel-');
  let ws: Workspace;
  let api: TimbangApi;
  let demo: DemoFiles;
  /** J5's sheet again (revision 2) without its interview marks for one UKM nominee: no recusal, just missing. */
  const partialJ5 = async (nomineeId: string) => {
    const row = ws.db.prepare("SELECT payload FROM received_sheet WHERE juror_id = 'J5' ORDER BY id LIMIT 1").get() as { payload: string };
    const payload = SheetPayload.parse(JSON.parse(row.payload));
    const nominee = payload.sections
      .find((s) => s.roundId === 'wawancara' && s.categoryId === 'ukm')!
      .nominees.find((n) => n.nomineeId === nomineeId)!;
    for (const code of Object.keys(nominee.marks)) nominee.marks[code] = null;
    return writeScoreSheet({ ...payload, sheetRevision: 2 }, demo.jurorKeys.get('J5')!);
  };
  beforeAll(async () => {
    ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    api = client(ws);
    demo = await demoFiles(demoDocument());
    await api.loadDemoEvent({ role: 'sekretariat' });
    const event = demoDocument();
    event.rounds.find((r) => r.id === 'wawancara')!.quorum = 8;
    await api.importEventTemplate({ ...fileData('acara.xlsx', await writeEventTemplate(event)), replace: true });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    for (const [jurorId, bytes] of demo.sheets)
      if (jurorId !== 'J9' && jurorId !== 'J8') await api.importSheet({ eventId: EVENT, file: fileData(`${jurorId}.xlsx`, bytes) });
  }, 120_000);
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  it('turns a missing section into excused with an absence, and back when it is withdrawn', async () => {
    expect((await api.listSheets({ eventId: EVENT })).completeness.J9['wawancara/ukm']).toBe('missing');
    await api.recordAbsence({
      eventId: EVENT,
      jurorId: 'J9',
      roundId: 'wawancara',
      categoryId: null,
      reason: 'Tugas dinas ke Jakarta',
      date: '2025-06-25',
      by: 'Sekretariat',
    });
    const { completeness } = await api.listSheets({ eventId: EVENT });
    expect(
      Object.entries(completeness.J9)
        .filter(([s]) => s.startsWith('wawancara/'))
        .every(([, state]) => state === 'excused'),
    ).toBe(true);
    expect(completeness.J9['administrasi/ukm']).toBe('missing');
    await api.recordAbsence({
      eventId: EVENT,
      jurorId: 'J9',
      roundId: 'administrasi',
      categoryId: null,
      reason: 'Tugas dinas ke Jakarta',
      date: null,
      by: 'Sekretariat',
    });
    await api.recordAbsence({
      eventId: EVENT,
      jurorId: 'J8',
      roundId: 'administrasi',
      categoryId: 'ukm',
      reason: 'Sakit',
      date: '2025-06-20',
      by: 'Sekretariat',
    });
    await api.withdrawAbsence({
      eventId: EVENT,
      jurorId: 'J8',
      roundId: 'administrasi',
      categoryId: 'ukm',
      reason: 'dicatat keliru',
      by: 'Sekretariat',
    });
    expect((await api.listSheets({ eventId: EVENT })).completeness.J8['administrasi/ukm']).toBe('missing');
    // J9's sixteen sections, and the demo's own absence (J7, UKM's interviews), recorded when the demo was loaded.
    expect((await api.listAbsences({ eventId: EVENT })).map((a) => `${a.jurorId}/${a.roundId}/${a.categoryId}`)).toHaveLength(17);
    const audit = await api.audit({ eventId: EVENT, rule: 'mean' });
    const sections = audit.items.find((i) => i.id === 'sections')!;
    expect(sections.findings.map((f) => f.id.slice(0, 5))).toEqual([...Array(12).fill('J8 · '), '… dan']);
    expect(sections.summary.id).toContain('17 berhalangan');
  });

  it('flags the interviews below their quorum of 8, naming who scored and who did not', async () => {
    const audit = await api.audit({ eventId: EVENT, rule: 'mean' });
    const quorum = audit.items.find((i) => i.id === 'quorum')!;
    expect(quorum.ok).toBe(false);
    expect(quorum.findings).toHaveLength(8);
    expect(quorum.findings[0].id).toBe(
      'Wawancara · Pemerintah Kabupaten/Kota: 7 juri menilai (J1, J2, J3, J4, J5, J6, J7), kuorum 8 dari 9; tidak menilai: J8, J9',
    );
    const { sections } = await api.panelChecks({ eventId: EVENT, rule: 'mean' });
    expect(sections.find((s) => s.roundId === 'administrasi' && s.categoryId === 'ukm')).toMatchObject({
      required: null,
      quorumMet: true,
      excused: ['J9'],
    });
  });

  it('flags a category whose nominees were scored by different juror sets, with the nominee and the juror named', async () => {
    const ukm = demoDocument().nominees.filter((n) => n.categoryId === 'ukm');
    expect((await api.audit({ eventId: EVENT, rule: 'mean' })).items.find((i) => i.id === 'equal')!.ok).toBe(true);
    await api.importSheet({ eventId: EVENT, file: fileData('J5-revisi-2.xlsx', await partialJ5(ukm[1].id)) });
    const audit = await api.audit({ eventId: EVENT, rule: 'mean' });
    const equal = audit.items.find((i) => i.id === 'equal')!;
    expect(equal.ok).toBe(false);
    expect(equal.findings).toEqual([
      {
        // J7 is absent from these interviews altogether (the demo's absence): excused, so no inequality of theirs.
        id: `Wawancara · Usaha Kecil Mikro: ${ukm[1].name} dinilai 5 juri (J1, J2, J3, J4, J6), nominasi lain 6; tidak dinilai oleh J5 (bukan karena benturan kepentingan)`,
        en: `Interview · Micro and Small Enterprises: ${ukm[1].name} scored by 5 jurors (J1, J2, J3, J4, J6), the other nominees by 6; not scored by J5 (not a recusal)`,
      },
    ]);
    // A recusal is no inequality: J4 does not score PT Karang Batu Konstruksi†, and Manufaktur is not flagged.
    const { sections } = await api.panelChecks({ eventId: EVENT, rule: 'mean' });
    expect(sections.filter((s) => s.unequal.length > 0).map((s) => `${s.roundId}/${s.categoryId}`)).toEqual(['wawancara/ukm']);
    expect(sections.find((s) => s.roundId === 'wawancara' && s.categoryId === 'ukm')!.unequal).toEqual([
      { nomineeId: ukm[1].id, scoredBy: ['J1', 'J2', 'J3', 'J4', 'J6'], missing: ['J5'], partial: [] },
    ]);
  });

  it('prints the warnings in the category, and in the Berita Acara who assessed each category, who recused and who was absent', async () => {
    const file = await api.reportPdf({ eventId: EVENT, rule: 'mean', lang: 'id' });
    const pdf = join(tmp.dir, 'laporan.pdf');
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = flat((await exec('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
    expect(text).toContain('Perhatian panel: Wawancara: di bawah kuorum — 7 juri menilai, perlu 8 dari 9 yang ditugaskan');
    expect(text).toMatch(
      /Wawancara: La Moringa dinilai 5 juri \(J1, J2, J3, J4, J6\); tidak dinilai oleh J5 \(bukan karena benturan kepentingan\)/,
    );
    expect(text).toContain('J7 berhalangan di Wawancara: Tugas dinas ke luar daerah (demo) (25 Juni 2025)');
    expect(text).toContain('J9 berhalangan di Wawancara: Tugas dinas ke Jakarta (25 Juni 2025)');
    const minutes = text.slice(text.lastIndexOf('BERITA ACARA'));
    expect(minutes).toContain('Penilaian dilakukan oleh Dewan Juri (J1 Juri J1 (demo);');
    expect(minutes).toContain(
      'A. Pemerintah Kabupaten/Kota: Seleksi Administrasi oleh J1, J2, J3, J4, J5, J6, J7; Wawancara oleh J1, J2, J3, J4, J5, J6, J7',
    );
    expect(minutes).toMatch(
      /Tidak menilai nominasi karena benturan kepentingan: J4 — PT Karang Batu Konstruksi ?† \(Pengurus asosiasi pengusaha yang membina perusahaan nominasi\)/,
    );
    expect(minutes).toContain(
      'Berhalangan hadir: J7 — Wawancara · Usaha Kecil Mikro: Tugas dinas ke luar daerah (demo) (25 Juni 2025) J9 — Seleksi Administrasi · Pemerintah Kabupaten/Kota: Tugas dinas ke Jakarta',
    );
    expect(minutes).toContain('J9 — Wawancara · Usaha Kecil Mikro: Tugas dinas ke Jakarta (25 Juni 2025)');
  }, 120_000);
});
