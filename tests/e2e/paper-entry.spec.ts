/**
 * Issue 17, the paper fallback end to end in Chromium: the secretariat prints J3's Lembar Penilaian Juri for
 * Seleksi Administrasi · Usaha Kecil Mikro and reads its number and checksum off the PDF; operator A keys it;
 * operator B opens the same form and sees none of A's values (the screen and the API alike), keys it with
 * one deliberate difference; the difference is shown side by side, resolved against the paper with a
 * reason; the form is signed with the secretariat's key into a paper sheet, which the sheet list labels
 * kertas and the printed report (pdftotext) counts and labels with its form and both operators.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoDocument } from '../support/demo.ts';
import { bridgeHeaders } from '../support/e2e-bridge.ts';
import { startServer, type OwnServer } from './ux-server.ts';

test.describe.configure({ mode: 'serial' });

let server: OwnServer;
let page: Page;

test.afterAll(async () => {
  try {
    await page?.close();
  } finally {
    await server?.stop(); // never left listening, whatever happened to the page
  }
});

const event = demoDocument();
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'paper-entry');
const ukm = event.nominees.filter((n) => n.categoryId === 'ukm');
const criteria = ['UK1', 'UK2', 'UK3', 'UK4'];
/** What J3 wrote on the paper. */
const onPaper = (i: number, j: number) => String(1 + ((i + 2 * j) % 5));
const shownName = (i: number) => (ukm[i].fictional ? `${ukm[i].name}†` : ukm[i].name);

async function keyForm(formNumber: string, checksum: string, operator: string) {
  await page.getByLabel('Nomor formulir').fill(formNumber);
  await page.getByLabel('Kode periksa').fill(checksum);
  await page.getByLabel('Nama operator').fill(operator);
  await page.getByRole('button', { name: 'Buka formulir' }).click();
  const form = page.getByTestId('paper-entry-form');
  await expect(form.getByRole('heading')).toHaveText(
    `Formulir ${formNumber.toUpperCase()} — J3 · Seleksi Administrasi · Usaha Kecil Mikro`,
  );
  return form;
}

async function fill(value: (i: number, j: number) => string) {
  await page.getByLabel('Nama juri (seperti tertulis di kertas)').fill('Dr. Maria Tefa');
  for (const [i] of ukm.entries()) {
    for (const [j, code] of criteria.entries()) await page.getByLabel(`${shownName(i)} ${code}`, { exact: true }).fill(value(i, j));
  }
  await page.getByRole('button', { name: 'Simpan pengetikan' }).click();
}

test('two operators key one paper form blind; the difference is caught and resolved, and the sheet counts as kertas in the report', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'timbang-kertas-'));
  const demo = await demoFiles(event);
  mkdirSync(join(dir, 'enrol'));
  const enrolments = event.jurors.map((j) => {
    const path = join(dir, 'enrol', `${j.id}.timbang-enrol`);
    writeFileSync(path, demo.enrolments.get(j.id)!);
    return path;
  });
  // Eight jurors scored on their laptops; J3 scored Usaha Kecil Mikro on paper.
  const sheets = event.jurors
    .filter((j) => j.id !== 'J3')
    .map((j) => {
      const path = join(dir, `${j.id}.xlsx`);
      writeFileSync(path, demo.sheets.get(j.id)!);
      return path;
    });

  server = await startServer('kertas');
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(server.address);
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page.getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)').setInputFiles(enrolments);
  await expect(page.locator('tr[data-juror="J9"]')).toContainText('Juri J9 (demo)');
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles(sheets);
  await expect(page.getByText('8 dari 8 berkas diperiksa')).toBeVisible({ timeout: 30_000 });

  // The form, printed: its number and checksum are read off the paper, as the operators will.
  await page.getByRole('tab', { name: 'Kertas' }).click();
  await page.getByRole('combobox', { name: /^Juri/ }).selectOption('J3');
  await page.getByRole('combobox', { name: /^Babak/ }).selectOption('administrasi');
  await page.getByRole('combobox', { name: /^Kategori/ }).selectOption('ukm');
  await expect(page.getByTestId('paper-print-form')).toContainText('Nomor formulir LPJ-J3-1-03');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF formulir' }).click();
  const formPdf = await download;
  expect(formPdf.suggestedFilename()).toBe('formulir-LPJ-J3-1-03.pdf');
  const formText = execFileSync('pdftotext', ['-layout', (await formPdf.path())!, '-'], { encoding: 'utf8' });
  const checksum = /LPJ-J3-1-03 · kode periksa ([0-9A-F]{4}-[0-9A-F]{4})/.exec(formText)?.[1];
  expect(checksum, formText.slice(0, 400)).toBeDefined();
  for (const i of ukm.keys()) expect(formText).toContain(shownName(i));

  // Operator A.
  await keyForm('LPJ-J3-1-03', checksum!, 'Ani Wijaya');
  await expect(page.getByTestId('paper-entry-turn')).toContainText('Pengetikan pertama formulir ini.');
  await fill(onPaper);
  await expect(page.getByTestId('paper-entry-saved')).toHaveText(
    'Pengetikan pertama formulir LPJ-J3-1-03 oleh Ani Wijaya disimpan. Formulir ini perlu diketik sekali lagi oleh operator lain, tanpa melihat yang pertama.',
  );
  await expect(page.getByTestId('paper-entry-form')).toHaveCount(0); // A's values have left the screen
  const row = page.locator('tr[data-keying="LPJ-J3-1-03"]');
  await expect(row).toContainText('menunggu pengetikan kedua');
  await expect(row).toContainText('Ani Wijaya');

  // Nothing of A's entry reaches B: not the screen, not the API.
  const keyings = (await (
    await page.request.post(`${server.origin}api/paperKeyings`, { headers: bridgeHeaders(server.address), data: { eventId: event.id } })
  ).json()) as { ok: true; value: { id: number }[] };
  const hidden = (await (
    await page.request.post(`${server.origin}api/paperComparison`, {
      headers: bridgeHeaders(server.address),
      data: { eventId: event.id, keyingId: keyings.value[0].id },
    })
  ).json()) as { ok: boolean; error: { code: string } };
  expect(hidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await keyForm('lpj-j3-1-03', checksum!.toLowerCase(), 'Budi Santoso');
  await expect(page.getByTestId('paper-entry-turn')).toContainText(
    'Pengetikan kedua: formulir ini sudah diketik oleh Ani Wijaya; nilainya tidak ditampilkan.',
  );
  await expect(page.getByLabel('Nama juri (seperti tertulis di kertas)')).toHaveValue('');
  for (const [i] of ukm.entries())
    for (const code of criteria) await expect(page.getByLabel(`${shownName(i)} ${code}`, { exact: true })).toHaveValue('');

  // Operator B misreads one box: the second nominee's UK2.
  const misread = onPaper(1, 1) === '2' ? '3' : '2';
  await fill((i, j) => (i === 1 && j === 1 ? misread : onPaper(i, j)));
  await expect(page.getByTestId('paper-entry-saved')).toHaveText(
    'Pengetikan kedua formulir LPJ-J3-1-03 oleh Budi Santoso disimpan: 1 isian berbeda, selesaikan terhadap kertasnya di bawah.',
  );

  // Side by side: only the differing box.
  const comparison = page.getByTestId('paper-comparison');
  await expect(comparison.getByTestId('paper-compare-summary')).toHaveText(
    '20 dari 21 isian diketik sama oleh Ani Wijaya dan Budi Santoso; 1 berbeda.',
  );
  const cell = comparison.locator(`tr[data-cell="${ukm[1].id}/UK2"]`);
  await expect(comparison.locator('tbody tr')).toHaveCount(1);
  await expect(cell.locator('[data-operator="1"]')).toHaveText(onPaper(1, 1));
  await expect(cell.locator('[data-operator="2"]')).toHaveText(misread);
  await expect(comparison.getByRole('button', { name: 'Tandatangani sebagai lembar kertas' })).toBeDisabled();
  await comparison.screenshot({ path: join(ARTIFACTS, 'perbandingan.png') }); // for people to look at (git-ignored)

  // Resolved against the paper, with the reason logged.
  await comparison.getByLabel('Diselesaikan oleh').fill('Citra Lestari');
  await comparison.getByLabel(`Isi di kertas untuk ${shownName(1)} UK2`).fill(onPaper(1, 1));
  await comparison.getByLabel(`Alasan untuk ${shownName(1)} UK2`).fill(`Di kertas jelas tertulis ${onPaper(1, 1)}; operator 2 salah baca`);
  await comparison.getByRole('button', { name: 'Catat' }).click();
  await expect(comparison.getByTestId('paper-resolution')).toHaveText(
    `Diselesaikan: ${onPaper(1, 1)} — Di kertas jelas tertulis ${onPaper(1, 1)}; operator 2 salah baca (Citra Lestari)`,
  );
  await expect(row).toContainText('siap ditandatangani');

  // Signed with the secretariat's key (made here), with the hash of a photo of the paper.
  await comparison.getByLabel('Frasa sandi (minimal 8 karakter)').fill('kupang-juli-2025');
  await comparison.getByLabel('Ulangi frasa sandi').fill('kupang-juli-2025');
  await comparison.getByRole('button', { name: 'Buat kunci' }).click();
  const photo = join(dir, 'foto-LPJ-J3-1-03.jpg');
  writeFileSync(photo, Buffer.from('foto kertas J3'));
  await comparison.getByLabel('Pindaian atau foto kertas (opsional)').setInputFiles(photo);
  await expect(comparison.getByTestId('paper-scan')).toContainText('foto-LPJ-J3-1-03.jpg: SHA-256 ');
  await comparison.getByRole('button', { name: 'Tandatangani sebagai lembar kertas' }).click();
  await expect(comparison.getByTestId('paper-signed')).toHaveText(
    /^Lembar kertas kertas-LPJ-J3-1-03-ketik-\d+\.xlsx \(revisi 1\) ditandatangani dengan kunci sekretariat dan diterima: Sah, Dipakai\.$/,
  );
  await expect(row).toContainText('ditandatangani menjadi lembar kertas');
  await page.screenshot({ path: join(ARTIFACTS, 'kertas.png'), fullPage: true });
  const sheetFile = page.waitForEvent('download');
  await comparison.getByRole('button', { name: 'Unduh lembar kertas (.xlsx)' }).click();
  expect((await sheetFile).suggestedFilename()).toMatch(/^kertas-LPJ-J3-1-03-ketik-\d+\.xlsx$/);

  // The sheet list labels it kertas; J3's Usaha Kecil Mikro is in.
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  const paperRow = page.locator('tr[data-sheet^="kertas-LPJ-J3-1-03"]');
  await expect(paperRow.getByTestId('paper-label')).toHaveText('Kertas · formulir LPJ-J3-1-03 · diketik oleh Ani Wijaya dan Budi Santoso');
  await expect(paperRow).toContainText('Sah');
  await expect(paperRow).toContainText('Dipakai');
  await expect(page.locator('tr[data-juror="J3"] td.cell-received')).toHaveCount(1);

  // The report counts it and says where it came from and who keyed it.
  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  await expect(page.getByText('9 dari 9 lembar dipakai')).toBeVisible({ timeout: 15_000 });
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF', exact: true }).click();
  const report = await pending;
  const text = execFileSync('pdftotext', ['-layout', (await report.path())!, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('9 dari 9 lembar nilai bertanda tangan dipakai. 1 di antaranya lembar kertas');
  expect(flat).toContain('kertas · formulir LPJ-J3-1-03 · diketik oleh Ani Wijaya dan Budi Santoso · pindaian SHA-256');
  expect(flat).toContain(
    'Bagian berikut dinilai juri di atas kertas (Lembar Penilaian Juri), diketik dua kali secara terpisah oleh sekretariat dan ditandatangani dengan kunci sekretariat: J3 — Seleksi Administrasi · Usaha Kecil Mikro (formulir LPJ-J3-1-03, diketik oleh Ani Wijaya dan Budi Santoso).',
  );
  expect(flat).toMatch(/kertas = bagian ini berasal dari lembar penilaian kertas juri/);
});
