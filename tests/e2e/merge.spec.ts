/**
 * Issue 6 end to end: the secretariat imports the nine demo jurors' sheets plus a tampered one and a
 * juror's older revision; sees each file's status; the merge goes on without the bad two; the ranking is
 * shown, the rule switched, and a tie the cascade cannot break is settled by a recorded plenary decision.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoMarks } from '../../src/services/demo/demo-scores.ts';
import { writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { WORKSPACES } from '../playwright.config.ts';
import { demoDocument } from '../support/demo.ts';
import { withToken } from '../support/e2e-bridge.ts';

const URL = `http://127.0.0.1:${WORKSPACES.rekap}/`;

/** Nine signed sheets in which UKM's second and third nominees get identical marks from everyone: a true tie. */
async function prepareFiles(dir: string) {
  const event = demoDocument();
  const demo = await demoFiles(event);
  const marks = demoMarks(event, 1);
  const tied = [
    ...marks.filter((m) => m.nomineeId !== 'ukm-03'),
    ...marks.filter((m) => m.nomineeId === 'ukm-02').map((m) => ({ ...m, nomineeId: 'ukm-03' })),
  ];
  const sheets: string[] = [];
  mkdirSync(join(dir, 'enrol'));
  for (const juror of event.jurors) {
    writeFileSync(join(dir, 'enrol', `${juror.id}.timbang-enrol`), demo.enrolments.get(juror.id)!);
    const key = demo.jurorKeys.get(juror.id)!;
    const content = {
      event,
      jurorId: juror.id,
      jurorName: `Juri ${juror.id} (demo)`,
      roundIds: ['administrasi', 'wawancara'],
      marks: tied.filter((m) => m.jurorId === juror.id),
      notes: [],
      conflicts: new Map(event.conflicts.filter((c) => c.jurorId === juror.id).map((c) => [c.nomineeId, c.reason])),
      declaredConflicts: [],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 1,
      exportedAt: new Date().toISOString(),
      key,
    };
    const path = join(dir, `${juror.id}.xlsx`);
    writeFileSync(path, await writeScoreSheet(sheetPayload(content), key));
    sheets.push(path);
    if (juror.id === 'J3') {
      // J3 reopened and sent revision 2: the first file becomes stale.
      const newer = join(dir, 'J3-revisi-2.xlsx');
      writeFileSync(
        newer,
        await writeScoreSheet(
          sheetPayload({ ...content, sheetRevision: 2, notes: [{ roundId: 'wawancara', nomineeId: 'ukm-01', text: 'Direvisi' }] }),
          key,
        ),
      );
      sheets.push(newer);
    }
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, 'J2.xlsx'));
  const first = workbook.worksheets.find((w) => w.state === 'visible' && w.name !== 'Sampul')!;
  let done = false;
  first.eachRow((row) =>
    row.eachCell((cell) => {
      if (!done && typeof cell.value === 'number' && cell.value >= 1 && cell.value < 5 && Number(cell.col) > 4) {
        cell.value += 1;
        done = true;
      }
    }),
  );
  const tampered = join(dir, 'J2-diubah.xlsx');
  await workbook.xlsx.writeFile(tampered);
  return { sheets: [...sheets, tampered], enrolments: event.jurors.map((j) => join(dir, 'enrol', `${j.id}.timbang-enrol`)) };
}

test("the secretariat merges the jurors' sheets into rankings for the plenary", async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'timbang-rekap-'));
  const files = await prepareFiles(dir);

  await page.goto(withToken(URL));
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page.getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)').setInputFiles(files.enrolments);
  await expect(page.locator('tr[data-juror="J9"]')).toContainText('Juri J9 (demo)');
  await expect(page.getByRole('status')).toContainText('J9 (Juri J9 (demo)) terdaftar, sidik jari');

  // Before any sheet: nothing to rank (not every nominee joint first at 0).
  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  await expect(page.getByRole('status')).toContainText('Belum ada nilai dari lembar nilai yang sah (0 dari 0 lembar dipakai)');
  await expect(page.locator('tr[data-ranked]')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles(files.sheets);
  await expect(page.getByText('11 dari 11 berkas diperiksa')).toBeVisible({ timeout: 30_000 });
  const row = (file: string) => page.locator(`tr[data-sheet="${file}"]`);
  await expect(row('J1.xlsx')).toContainText('Sah');
  await expect(row('J1.xlsx')).toContainText('Dipakai');
  await expect(row('J2-diubah.xlsx')).toContainText('Diubah');
  await expect(row('J2-diubah.xlsx')).toContainText('Tidak dipakai');
  await expect(row('J3.xlsx')).toContainText('Usang (ada revisi lebih baru)');
  await expect(row('J3-revisi-2.xlsx')).toContainText('Dipakai');
  await row('J2-diubah.xlsx')
    .getByText(/temuan/)
    .click();
  await expect(row('J2-diubah.xlsx')).toContainText(/!\w+\d+/); // the changed cell, by address
  // Every section but one: the demo's J7 is absent from the UKM interviews, so that section came without marks
  // (finalized, but unfinished until the secretariat records the absence).
  await expect(page.getByTestId('completeness').locator('td.cell-received')).toHaveCount(9 * 16 - 1);
  // The same file again, under another name: said so, not stored twice.
  const copy = join(dir, 'J1-salinan.xlsx');
  copyFileSync(files.sheets[0], copy);
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles([copy]);
  await expect(page.getByTestId('sheet-repeats')).toHaveText(
    `Berkas J1-salinan.xlsx sama persis dengan ${basename(files.sheets[0])} yang sudah ada di daftar (Sah · Dipakai); tidak diimpor lagi.`,
  );
  await expect(row('J1-salinan.xlsx')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  await expect(page.getByText('9 dari 11 lembar dipakai')).toBeVisible(); // without the tampered file and J3's older revision
  const jasa = page.locator('section[data-result="jasa-keuangan"]');
  await expect(jasa.locator('tr[data-ranked]').first()).toContainText('Kopdit TLM');
  await expect(jasa.locator('tr[data-ranked]').first()).toContainText('Terbaik 1');
  await expect(jasa.locator('tr[data-ranked]').first().locator('td.num strong')).toHaveText(/^\d+,\d\d$/); // the decimal comma
  await expect(page.getByTestId('results-gaps')).toHaveCount(0); // every section received and final
  await expect(page.getByTestId('overall')).toContainText('Kopdit TLM');
  const meanHash = await page.getByTestId('results-hash').textContent();

  const manufaktur = page.locator('section[data-result="manufaktur"]');
  await manufaktur.getByRole('button', { name: 'PT Karang Batu Konstruksi' }).click();
  const protocol = page.getByTestId('protocol-manufaktur-04');
  await expect(protocol.locator('td.mark-conflict')).toHaveCount(10); // J4 does not score it: 5 + 5 criteria
  await expect(protocol.getByRole('row', { name: /^J1 / }).first()).not.toContainText('×');

  await page.getByLabel('Bandingkan dengan').selectOption('median');
  await expect(jasa.getByRole('columnheader', { name: 'Peringkat (pembanding)' })).toBeVisible();
  await page.getByLabel('Aturan penggabungan').selectOption('trimmed');
  await expect(page.getByTestId('results-hash')).not.toHaveText(meanHash!);

  await page.getByLabel('Aturan penggabungan').selectOption('mean');
  const ukm = page.locator('section[data-result="ukm"]');
  await expect(ukm.locator('tr[data-ranked="ukm-02"] td').first()).toHaveText(/^2=/);
  await expect(ukm.locator('tr[data-ranked="ukm-03"] td').first()).toHaveText(/^2=/);
  await ukm.getByRole('radio', { name: 'UKM Ghaura di atas' }).check();
  await ukm.getByLabel('Isi keputusan').fill('Pleno memilih UKM Ghaura karena jangkauan mitra lebih luas');
  await ukm.getByLabel('Diputuskan oleh').fill('Ketua Tim Penilai');
  await ukm.getByRole('button', { name: 'Catat keputusan' }).click();
  await expect(page.getByTestId('decision-ukm')).toContainText(
    'Keputusan pleno: Pleno memilih UKM Ghaura karena jangkauan mitra lebih luas (Ketua Tim Penilai)',
  );
  await expect(ukm.locator('tr[data-ranked="ukm-03"] td').first()).toHaveText(/^2 · Terbaik 2/);
  await expect(ukm.locator('tr[data-ranked="ukm-02"] td').first()).toHaveText(/^3 · Terbaik 3/);

  await page.getByRole('button', { name: 'Tetapkan daftar pendek (revisi paket baru)' }).click();
  await expect(page.getByText(/^Daftar pendek ditetapkan sebagai revisi 11\./)).toBeVisible(); // 1 + nine enrolments + this

  // The print preview shows the report itself; Save PDF writes it through the API; printing needs the desktop app.
  await page.getByRole('button', { name: 'Pratinjau cetak' }).click();
  const preview = page.getByTestId('report-preview');
  await expect(preview.getByText(/Pada hari ini Jumat tanggal Empat bulan Juli tahun Dua Ribu Dua Puluh Lima/)).toBeVisible({
    timeout: 15_000,
  });
  await expect(preview.getByText('Ketua merangkap Anggota').first()).toBeVisible();
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('laporan-paritrana-ntt-2025-mean.pdf');
  const pdfText = execFileSync('pdftotext', ['-layout', (await pdf.path())!, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Pleno memilih UKM Ghaura karena jangkauan mitra lebih luas');
  expect(pdfText).toContain((await page.getByTestId('results-hash').textContent())!);
  await page.getByRole('button', { name: 'Cetak', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Cetak langsung hanya di aplikasi desktop');

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh Rekapitulasi Nilai (.xlsx)' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('rekapitulasi-paritrana-ntt-2025-mean.xlsx');
  const rekap = new ExcelJS.Workbook();
  await rekap.xlsx.readFile((await download.path())!);
  expect(rekap.worksheets.map((w) => w.name)).toHaveLength(10); // eight categories, Verifikasi, and Penghargaan (issue 16) last
  const verification = rekap.getWorksheet('Verifikasi')!;
  expect(verification.rowCount).toBe(12); // a header and the eleven files
  const ukmSheet = rekap.getWorksheet('Usaha Kecil Mikro')!;
  expect(String(ukmSheet.getRow(4).getCell(2).text)).toBe('Padu Padan by Erwin Yuan');
  expect(String(ukmSheet.getRow(5).getCell(2).text)).toBe('UKM Ghaura'); // the plenary's decision holds in the workbook
});
