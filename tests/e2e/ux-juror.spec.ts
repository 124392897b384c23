/**
 * Issue 19 on a juror's laptop (the demo as J4, at 1366×768): the keyboard lands on the next meaningful
 * control after each action (item 4); every figure uses the decimal comma (item 3); fictional nominees
 * carry † in the grid and the interview view (item 6); a refused digit is explained at its cell, and a
 * finalized section looks and says locked (item 7); the history, the save line and the signed sheet's
 * cover read in WITA (item 10).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type OwnServer } from './ux-server.ts';

test.describe.configure({ mode: 'serial' });

const MANUFAKTUR = 'Nilai: Seleksi Administrasi, Manufaktur, Pertambangan & Konstruksi';
const cell = (page: Page, nominee: number, criterion: number) =>
  page.locator(`tr[data-nominee="manufaktur-0${nominee + 1}"] td[data-criterion="BU${criterion + 1}"]`);

let server: OwnServer;
let page: Page;

test.beforeAll(async ({ browser }) => {
  server = await startServer('juri');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(server.address);
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await page.getByRole('radio', { name: /^Saya J4 — Unsur Pengusaha/ }).check();
  await page.getByRole('button', { name: 'Ini saya' }).click();
  await expect(page.getByTestId('identity')).toContainText('Saya J4');
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('item 4: "Bukan saya? Ganti" puts the keyboard on the choice; cancelling, back on who one is', async () => {
  await page.getByRole('button', { name: 'Bukan saya? Ganti' }).click();
  await expect(page.getByRole('radio', { name: /^Saya J4 — Unsur Pengusaha/ })).toBeFocused();
  await page.getByRole('button', { name: 'Batal' }).click();
  await expect(page.getByTestId('identity')).toBeFocused();
});

test('item 4: after "Buat kunci" the keyboard is on the enrolment form, not on the page', async () => {
  await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill('sandi-juri-empat');
  await page.getByLabel('Ulangi frasa sandi').fill('sandi-juri-empat');
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('own-fingerprint')).toBeVisible();
  await expect(page.locator('#enrol-name')).toBeFocused();
});

test('items 3 and 6: the grid writes totals with the decimal comma and marks fictional nominees with †', async () => {
  await page.getByRole('button', { name: MANUFAKTUR }).click();
  await expect(cell(page, 0, 0)).toBeFocused();
  await page.keyboard.press('5');
  await expect(page.getByTestId('total-manufaktur-01')).toHaveText('25,00 (1/5)'); // was "25.00 (1/5)"
  await expect(page.getByTestId('save-status')).toContainText('PT Sun Power Inti BU1 = 5');
  // PT Semen Flobamora Abadi is a demo nominee; PT Sun Power Inti is real.
  await expect(page.locator('tr[data-nominee="manufaktur-05"] th')).toContainText('PT Semen Flobamora Abadi †');
  await expect(page.locator('tr[data-nominee="manufaktur-01"] th')).not.toContainText('†');
});

test('item 10: the save line and the history read in WITA', async () => {
  await expect(page.getByTestId('save-status')).toContainText(/Tersimpan \d{2}\.\d{2}\.\d{2} WITA/);
  await cell(page, 0, 0).click();
  await page.getByText(/^Riwayat \(1 perubahan\)/).click();
  await expect(page.getByTestId('history-line').first()).toContainText(/^\d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}\.\d{2} WITA: — → 5$/);
});

test('item 7: a digit outside the scale is explained at its cell, not at the foot of the page', async () => {
  await cell(page, 0, 1).click();
  await page.keyboard.press('7');
  const error = page.getByTestId('cell-error');
  await expect(error).toHaveText('Nilai 7 di luar skala BU2: 1–5, kelipatan 1.');
  await expect(cell(page, 0, 1)).toHaveAttribute('aria-invalid', 'true');
  await expect(cell(page, 0, 1)).toHaveAttribute('aria-describedby', 'cell-error'); // the cell names its reason
  // Just under the cell, not at the foot of the page.
  const cellBox = (await cell(page, 0, 1).boundingBox())!;
  const errorBox = (await error.boundingBox())!;
  expect(Math.abs(errorBox.y - (cellBox.y + cellBox.height))).toBeLessThan(6);
  expect(Math.abs(errorBox.x - cellBox.x)).toBeLessThan(2);
  await expect(page.locator('.notice-error')).toHaveCount(0);
  await expect(page.getByText('Terjadi kesalahan')).toHaveCount(0);
  // Moving on clears it.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cell-error')).toHaveCount(0);
});

test('item 4: declaring a conflict focuses the reason, and after confirming the keyboard goes to the next mark to give', async () => {
  await cell(page, 2, 0).click();
  await page.getByRole('button', { name: 'Nyatakan benturan kepentingan…' }).click();
  await expect(page.getByTestId('conflict-reason')).toBeFocused();
  await page.keyboard.type('Keluarga dekat bekerja di perusahaan ini');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('conflict-confirm')).toBeFocused();
  await page.getByRole('button', { name: 'Ya, nyatakan benturan kepentingan' }).click();
  await expect(page.locator('tr[data-nominee="manufaktur-03"]')).toContainText('benturan kepentingan');
  await expect(cell(page, 0, 1)).toBeFocused(); // PT Sun Power Inti, BU2: the first mark still to give
});

test('item 6: the interview view marks a fictional nominee with † in its heading and in the nominee list', async () => {
  await page.getByRole('button', { name: 'Per nominasi' }).click();
  await page.getByRole('combobox', { name: 'Nominasi' }).selectOption('manufaktur-05');
  await expect(page.getByTestId('single-head').getByRole('heading')).toContainText('PT Semen Flobamora Abadi †');
  await expect(page.getByRole('combobox', { name: 'Nominasi' }).locator('option[value="manufaktur-05"]')).toHaveText(
    'PT Semen Flobamora Abadi †',
  );
  await expect(page.getByRole('combobox', { name: 'Nominasi' }).locator('option[value="manufaktur-01"]')).toHaveText('PT Sun Power Inti');
  await page.getByRole('button', { name: 'Tabel' }).click();
});

test('item 4: Finalisasi refused puts the keyboard on what is missing; done, it goes back to the list button', async () => {
  await page.getByRole('button', { name: 'Finalisasi babak ini untuk kategori ini' }).click();
  const missing = page.getByTestId('missing');
  await expect(missing).toContainText('PT Sun Power Inti: BU2, BU3, BU4, BU5');
  await expect(missing.getByRole('button').first()).toBeFocused();
  await missing.getByRole('button').first().press('Enter');
  await expect(cell(page, 0, 1)).toBeFocused();
  // Every mark still to give: PT Sun Power Inti's last four, PT Nanda Karya Putera Pratama and PT Semen Flobamora Abadi.
  for (const mark of [4, 3, 4, 5, 4, 4, 4, 3, 3, 2, 3, 3, 3, 2]) await page.keyboard.press(String(mark));
  await expect(page.getByTestId('progress')).toHaveText('15 dari 15 nilai');
  await page.getByRole('button', { name: 'Finalisasi babak ini untuk kategori ini' }).click();
  await expect(page.getByTestId('locked')).toBeVisible();
  await expect(page.getByRole('button', { name: '← Kembali ke daftar penilaian' })).toBeFocused();
});

test('item 7: a finalized section looks locked, and a digit there says so at the cell', async () => {
  await expect(page.locator('table.score-grid')).toHaveAttribute('data-locked', 'true');
  await expect(page.locator('table.score-grid')).toHaveClass(/\blocked\b/);
  await cell(page, 1, 2).click();
  await page.keyboard.press('1');
  await expect(page.getByTestId('cell-error')).toContainText('Sudah difinalisasi: nilai di bagian ini terkunci');
  await expect(page.getByTestId('cell-error')).toHaveAttribute('data-cell', 'manufaktur-02/BU3');
  await expect(cell(page, 1, 2)).toHaveText('4'); // unchanged
  await expect(page.locator('.notice-error')).toHaveCount(0);
});

test('item 4: "← Kembali ke daftar penilaian" returns the keyboard to the row one came from', async () => {
  await page.getByRole('button', { name: '← Kembali ke daftar penilaian' }).click();
  await expect(page.getByRole('button', { name: MANUFAKTUR })).toBeFocused();
});

test("item 10: the signed score sheet's cover says when it was saved in WITA", async () => {
  await page.getByLabel('Nama Anda di lembar').fill('Yohanes Juri Empat');
  await page.getByRole('checkbox', { name: 'Wawancara' }).uncheck();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan lembar nilai (.xlsx)' }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const cover = workbook.getWorksheet('Sampul')!;
  let exported = '';
  cover.eachRow((row) => {
    if (row.getCell(1).value === 'Waktu ekspor') exported = String(row.getCell(2).value);
  });
  expect(exported).toMatch(
    /^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} pukul \d{2}\.\d{2} WITA$/,
  );
});
