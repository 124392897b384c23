/**
 * Awards per category, special awards and the Berita Acara's legal basis (issue 16, items 1 and 6): the
 * template carries places, the minimum Nilai Akhir and the "Dasar" (an older template without them still
 * reads); in a secretariat workspace with the demo's nine sheets, a place below the minimum stays empty
 * and nobody is promoted, a special award recorded by the plenary is printed, and both change the results
 * hash; the printed Berita Acara (pdftotext) says "Terbaik 3: tidak ditetapkan", names the special award,
 * opens with its number and its "Dasar", and the Rekapitulasi has the awards on a sheet of their own.
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
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const exec = promisify(execFile);
const EVENT = 'paritrana-ntt-2025';
const DECREE =
  'Keputusan Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan Nomor 41 Tahun 2023 tentang Perubahan atas Keputusan Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan Nomor 28 Tahun 2023 tentang Penetapan Panitia Penghargaan Jaminan Sosial Ketenagakerjaan';
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The demo with its places, a minimum Nilai Akhir and the Berita Acara's basis and number. */
function shaped(minimum?: number): Event {
  const event = demoDocument();
  event.categories.find((c) => c.id === 'pemkab')!.places = 4;
  if (minimum !== undefined) event.categories.find((c) => c.id === 'kesehatan')!.minimumScore = minimum;
  event.minutes = {
    decrees: [DECREE, 'Peraturan Gubernur Nusa Tenggara Timur Nomor 18 Tahun 2025'],
    panelDecree: 'BPJS.NTT/SK/017/2025',
    number: 'BA/PA-NTT/07/2025',
  };
  return event;
}

describe("the template carries places, the minimum and the Berita Acara's basis", () => {
  it('reads back what it writes', async () => {
    const event = shaped(61.5);
    const result = await readEventTemplate(await writeEventTemplate(event), 'acara.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.event.categories.find((c) => c.id === 'pemkab')).toMatchObject({ places: 4 });
    expect(result.event.categories.find((c) => c.id === 'kesehatan')).toMatchObject({ minimumScore: 61.5 });
    expect(result.event.categories.find((c) => c.id === 'ukm')).not.toHaveProperty('places');
    expect(result.event.minutes).toEqual(event.minutes);
  });

  it('still reads a template made before these columns and rows existed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await writeEventTemplate(demoDocument())).buffer);
    const categories = workbook.getWorksheet('Kategori')!;
    categories.spliceColumns(4, 2);
    const acara = workbook.getWorksheet('Acara')!;
    for (const label of ['Dasar (keputusan)', 'Nomor SK Tim Penilai', 'Nomor Berita Acara']) {
      const row = [...Array(acara.rowCount).keys()].map((i) => i + 1).find((r) => acara.getCell(`A${r}`).value === label)!;
      acara.spliceRows(row, 1);
    }
    const result = await readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'lama.xlsx');
    // The demo's own minimum (Pelayanan Kesehatan) went with the removed column.
    const demo = demoDocument();
    delete demo.categories.find((c) => c.id === 'kesehatan')!.minimumScore;
    expect(result.ok ? result.event : result.issues).toEqual(demo);
  });

  it('refuses places out of range and a minimum that is not a score, at their cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await writeEventTemplate(demoDocument())).buffer);
    const categories = workbook.getWorksheet('Kategori')!;
    categories.getCell('D3').value = 0;
    categories.getCell('E4').value = 'tinggi';
    const result = await readEventTemplate(Buffer.from(await workbook.xlsx.writeBuffer()), 'salah.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message.id}`)).toEqual([
      "Kategori!D3: jumlah pemenang harus bilangan bulat 1–50, ditemukan '0'",
      "Kategori!E4: nilai akhir minimum harus angka 0–100, ditemukan 'tinggi'",
    ]);
  });
});

describe('a place below the minimum stays empty; a special award is recorded and printed', () => {
  const tmp = tempDir('timbang-awards-');
  let ws: Workspace;
  let api: TimbangApi;
  let demo: DemoFiles;
  beforeAll(async () => {
    ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't', printing: CLI_PRINTING });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    demo = await demoFiles(demoDocument());
    await api.loadDemoEvent({ role: 'sekretariat' });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    for (const [jurorId, bytes] of demo.sheets) await api.importSheet({ eventId: EVENT, file: fileData(`${jurorId}.xlsx`, bytes) });
  }, 120_000);
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  it('leaves Terbaik 3 of Pelayanan Kesehatan empty below the minimum, and says so in print', async () => {
    const before = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    const kesehatan = before.categories.find((c) => c.id === 'kesehatan')!.ranking;
    // The demo itself sets Pelayanan Kesehatan's minimum at 75, as NTT 2024 named no Terbaik 3 there.
    expect(before.awards.find((a) => a.categoryId === 'kesehatan')).toMatchObject({
      minimum: 75,
      places: [{ vacant: null }, { vacant: null }, { nomineeIds: [], vacant: 'below-minimum' }],
    });
    expect(before.awards.find((a) => a.categoryId === 'ukm')!.places.map((p) => p.nomineeIds)).toEqual(
      before.categories
        .find((c) => c.id === 'ukm')!
        .ranking.slice(0, 3)
        .map((n) => [n.nomineeId]),
    );
    // A minimum between the second's and the third's Nilai Akhir.
    const minimum = Math.round(((kesehatan[1].final! + kesehatan[2].final!) / 2) * 100) / 100;
    const imported = await api.importEventTemplate({ ...fileData('acara.xlsx', await writeEventTemplate(shaped(minimum))), replace: true });
    expect(imported.status).toBe('imported');

    const after = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(after.usedSheets).toBe(9);
    // The ranking is the same; the award is not.
    expect(after.categories.find((c) => c.id === 'kesehatan')!.ranking.map((n) => n.nomineeId)).toEqual(kesehatan.map((n) => n.nomineeId));
    expect(after.awards.find((a) => a.categoryId === 'kesehatan')).toEqual({
      categoryId: 'kesehatan',
      size: 3,
      minimum,
      places: [
        { place: 1, nomineeIds: [kesehatan[0].nomineeId], vacant: null },
        { place: 2, nomineeIds: [kesehatan[1].nomineeId], vacant: null },
        { place: 3, nomineeIds: [], vacant: 'below-minimum' },
      ],
    });
    expect(after.awards.find((a) => a.categoryId === 'pemkab')!.places.map((p) => p.vacant)).toEqual([null, null, null, null]);
    expect(after.resultsHash).not.toBe(before.resultsHash);

    const { html } = await api.reportHtml({ eventId: EVENT, rule: 'mean', lang: 'id' });
    const minutes = flat(html.slice(html.indexOf('<section class="berita-acara">')).replace(/<[^>]+>/g, ' '));
    expect(minutes).toMatch(/Terbaik 3 tidak ditetapkan \(Nilai Akhir di bawah batas minimum \d+,\d\d\)/);
    expect(minutes).not.toContain(kesehatan[2].name);
  }, 120_000);

  it('records a special award with who and why, carries it in the hash and prints it', async () => {
    const before = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    const ukm = demoDocument().nominees.filter((n) => n.categoryId === 'ukm');
    await expect(
      api.recordSpecialAward({
        eventId: EVENT,
        categoryId: 'ukm',
        name: 'Terbaik Inovasi',
        nomineeId: demoDocument().nominees.find((n) => n.categoryId === 'pemkab')!.id,
        reason: 'inovasi',
        decidedBy: 'Ketua',
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    const recorded = await api.recordSpecialAward({
      eventId: EVENT,
      categoryId: 'ukm',
      name: 'Terbaik Inovasi',
      nomineeId: ukm[3].id,
      reason: 'Program iuran bersama penenun yang dapat ditiru desa lain',
      decidedBy: 'Rapat pleno, dipimpin Ketua',
    });
    expect(recorded).toMatchObject([
      { categoryId: 'ukm', name: 'Terbaik Inovasi', nomineeId: ukm[3].id, decidedBy: 'Rapat pleno, dipimpin Ketua' },
    ]);
    await api.recordSpecialAward({
      eventId: EVENT,
      categoryId: null,
      name: 'Terbaik Coverage',
      nomineeId: demoDocument().nominees.find((n) => n.name === 'Kopdit TLM')!.id,
      reason: 'Cakupan kepesertaan tertinggi',
      decidedBy: 'Rapat pleno',
    });
    const after = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(after.specialAwards.map((a) => a.name)).toEqual(['Terbaik Inovasi', 'Terbaik Coverage']);
    expect(after.resultsHash).not.toBe(before.resultsHash);

    // Withdrawn and given again: the latest record counts, and the same awards give the same hash.
    await api.recordSpecialAward({
      eventId: EVENT,
      categoryId: 'ukm',
      name: 'Terbaik Inovasi',
      nomineeId: null,
      reason: 'dicatat keliru',
      decidedBy: 'Sekretariat',
    });
    expect((await api.deliberation({ eventId: EVENT, rule: 'mean' })).specialAwards.map((a) => a.name)).toEqual(['Terbaik Coverage']);
    await api.recordSpecialAward({
      eventId: EVENT,
      categoryId: 'ukm',
      name: 'Terbaik Inovasi',
      nomineeId: ukm[3].id,
      reason: 'Program iuran bersama penenun yang dapat ditiru desa lain',
      decidedBy: 'Rapat pleno, dipimpin Ketua',
    });
    expect((await api.deliberation({ eventId: EVENT, rule: 'mean' })).resultsHash).toBe(after.resultsHash);
    expect(ws.db.prepare('SELECT count(*) AS n FROM special_award').get()).toEqual({ n: 4 });
  });

  it('prints the Berita Acara with its number, its basis, the empty place and the special awards', async () => {
    const pdf = join(tmp.dir, 'laporan.pdf');
    const file = await api.reportPdf({ eventId: EVENT, rule: 'mean', lang: 'id' });
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = flat((await exec('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
    const minutes = text.slice(text.lastIndexOf('BERITA ACARA'));
    expect(minutes).toContain('Nomor: BA/PA-NTT/07/2025');
    expect(minutes).toContain(`Dasar: 1. ${DECREE}`);
    expect(minutes).toContain('2. Peraturan Gubernur Nusa Tenggara Timur Nomor 18 Tahun 2025');
    expect(minutes).toContain(
      '3. Surat Keputusan tentang Tim Penilai Paritrana Award Tingkat Provinsi NTT 2025 Nomor BPJS.NTT/SK/017/2025',
    );
    expect(minutes.indexOf('Dasar:')).toBeLessThan(minutes.indexOf('Pada hari ini'));
    expect(minutes).toMatch(/Pelayanan Kesehatan .*Terbaik 2 .*Terbaik 3 tidak ditetapkan \(Nilai Akhir di bawah batas minimum \d+,\d\d\)/);
    // Pemerintah Kabupaten/Kota awards four places; the others three.
    expect(minutes).toMatch(
      /A\. Pemerintah Kabupaten\/Kota Nilai Akhir Terbaik 1 .* Terbaik 2 .* Terbaik 3 .* Terbaik 4 .* B\. Pemerintah Desa/,
    );
    expect(minutes).toMatch(/Terbaik Inovasi: Tenun Ikat Sumba Lestari ?† — Program iuran bersama penenun yang dapat ditiru desa lain/);
    expect(minutes).toContain('Penghargaan Khusus');
    expect(minutes).toContain('Penghargaan Khusus Terbaik Coverage: Kopdit TLM (Jasa Keuangan) — Cakupan kepesertaan tertinggi');
    // And the Rekapitulasi part, per category and after Terbaik Umum.
    expect(text).toMatch(
      /Terbaik 3: tidak ditetapkan \(Nilai Akhir di bawah batas minimum \d+,\d\d; tidak ada nominasi yang dinaikkan ke tempat ini\)/,
    );
    expect(text).toContain('Penghargaan khusus (seluruh acara)');
  }, 120_000);

  it("puts the awards on the Rekapitulasi's own sheet", async () => {
    const file = await api.exportRekapitulasi({ eventId: EVENT, rule: 'mean' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
    expect(workbook.worksheets.at(-2)!.name).toBe('Verifikasi');
    const sheet = workbook.getWorksheet('Penghargaan')!;
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 6));
    expect(rows.filter((r) => r[0] === 'Pelayanan Kesehatan').map((r) => [r[1], r[2] === undefined ? null : 'named'])).toEqual([
      ['Terbaik 1', 'named'],
      ['Terbaik 2', 'named'],
      ['Terbaik 3', null],
    ]);
    expect(rows.filter((r) => r[0] === 'Pemerintah Kabupaten/Kota')).toHaveLength(4);
    expect(rows.filter((r) => r[1] === 'Terbaik Inovasi' || r[1] === 'Terbaik Coverage')).toHaveLength(2);
  });
});
