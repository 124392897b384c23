/**
 * Issue 3 end to end, through two workspaces side by side (a secretariat's and a juror's laptop):
 * the secretariat imports the Excel template and exports a package; the juror imports it, picks their
 * identity, makes a key and exports an enrolment file; the secretariat enrols that juror and confirms
 * the fingerprint read aloud; the juror receives the next revision.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { WORKSPACES } from '../playwright.config.ts';
import { withToken } from '../support/e2e-bridge.ts';

const SEKRETARIAT = `http://127.0.0.1:${WORKSPACES.sekretariat}/`;
const JURI = `http://127.0.0.1:${WORKSPACES.juri}/`;
const PASSPHRASE = 'sasando-kupang-2025';
const files = mkdtempSync(join(tmpdir(), 'timbang-e2e-files-'));

/** Clicks something that starts a download and keeps the file, returning its path. */
async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function makeKey(page: Page) {
  await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill(PASSPHRASE);
  await page.getByLabel('Ulangi frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  const fingerprint = page.getByTestId('own-fingerprint');
  await expect(fingerprint).toHaveText(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
  return (await fingerprint.textContent())!;
}

test.describe.configure({ mode: 'serial' });

test.describe('event set-up, packages and enrolment across two laptops', () => {
  let secretariat: Page;
  let juror: Page;
  let template: string;
  let firstPackage: { path: string; name: string };
  let jurorFingerprint: string;

  test.beforeAll(async ({ browser }) => {
    secretariat = await browser.newPage();
    juror = await browser.newPage();
  });

  test('the secretariat is told every mistake of a broken template, by cell, and nothing is imported', async () => {
    await secretariat.goto(withToken(SEKRETARIAT));
    await secretariat.getByRole('radio', { name: /^Sekretariat/ }).check();
    template = (await download(secretariat, () => secretariat.getByRole('button', { name: 'Unduh contoh terisi (acara demo)' }).click()))
      .path;

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const criteria = workbook.getWorksheet('Kriteria')!;
    const weightColumn = criteria.getRow(1).values as unknown[];
    const weight = weightColumn.indexOf('Bobot');
    criteria.getRow(3).getCell(weight).value = 'dua puluh';
    workbook.removeWorksheet(workbook.getWorksheet('Konflik')!.id);
    const broken = join(files, 'rusak.xlsx');
    await workbook.xlsx.writeFile(broken);

    await secretariat.getByLabel('Impor templat Excel').setInputFiles(broken);
    const alert = secretariat.getByRole('alert');
    await expect(alert).toContainText('rusak.xlsx');
    await expect(alert).toContainText('Tidak ada yang diimpor');
    await expect(alert.getByRole('row', { name: /Konflik/ })).toBeVisible();
    await expect(alert.getByRole('cell', { name: new RegExp(`^Kriteria!${String.fromCharCode(64 + weight)}3$`) })).toBeVisible();
    await expect(secretariat.getByRole('heading', { name: 'Acara di berkas kerja ini' })).toHaveCount(0);
  });

  test('the secretariat imports the template and exports a signed package', async () => {
    await secretariat.getByLabel('Impor templat Excel').setInputFiles(template);
    await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText('Paritrana Award Tingkat Provinsi NTT 2025');
    await expect(secretariat.locator('tr[data-nominee]')).toHaveCount(40);

    await secretariat.getByRole('tab', { name: 'Kriteria & rubrik' }).click();
    await secretariat
      .getByText(/^Usaha Kecil Mikro · 4 kriteria/)
      .first()
      .click();
    await expect(secretariat.getByRole('rowheader', { name: 'Pemilik dan pekerja terdaftar' })).toBeVisible();

    await secretariat.getByRole('tab', { name: 'Data acara' }).click();
    // A year typed short: the problem stands beside the field, in words, said once.
    const year = secretariat.getByLabel('Tahun penyelenggaraan');
    await year.fill('25');
    await secretariat.getByRole('button', { name: 'Simpan' }).click();
    await expect(year).toHaveAttribute('aria-invalid', 'true');
    await expect(secretariat.locator('#yearHeld-error')).toHaveText('Terlalu kecil: diharapkan angka menjadi >=2000');
    await expect(secretariat.getByRole('alert')).toHaveCount(0);
    await year.fill('2025');
    await secretariat.getByLabel('Rapat pleno penetapan').fill('2025-07-11');
    await secretariat.getByRole('button', { name: 'Simpan' }).click();
    await expect(secretariat.getByRole('status')).toHaveText('Tersimpan sebagai revisi 2.');
    await secretariat.getByRole('button', { name: 'Simpan' }).click(); // nothing changed: no new revision
    await expect(secretariat.getByRole('status')).toHaveText('Tersimpan sebagai revisi 2.');

    await secretariat.getByRole('tab', { name: 'Paket' }).click();
    await makeKey(secretariat);
    firstPackage = await download(secretariat, () => secretariat.getByRole('button', { name: 'Ekspor paket acara (.timbang)' }).click());
    expect(firstPackage.name).toBe('paritrana-ntt-2025-revisi-2.timbang');
  });

  test('re-importing a changed template lists the changes and replaces only when confirmed', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const nominees = workbook.getWorksheet('Nominasi')!;
    const lastRow = nominees.actualRowCount;
    const removed = String(nominees.getRow(lastRow).getCell(3).value);
    const removedId = String(nominees.getRow(lastRow).getCell(1).value);
    nominees.spliceRows(lastRow, 1);
    // Its figures on sheet Data go with it, as a secretariat removing a nominee would remove them.
    const data = workbook.getWorksheet('Data')!;
    for (let r = data.actualRowCount; r >= 3; r--) if (String(data.getRow(r).getCell(1).value) === removedId) data.spliceRows(r, 1);
    const changed = join(files, 'berubah.xlsx');
    await workbook.xlsx.writeFile(changed);

    await secretariat.getByRole('button', { name: /Kembali ke awal/ }).click();
    await secretariat.getByLabel('Impor templat Excel').setInputFiles(changed);
    const dialog = secretariat.getByRole('alertdialog');
    await expect(dialog).toContainText(
      'mengganti acara "Paritrana Award Tingkat Provinsi NTT 2025" yang sudah ada. Belum ada yang diubah.',
    ); // named, not by id (issue 19)
    await expect(dialog).toContainText(`Nominasi dihapus: ${removed}`);
    await dialog.getByRole('button', { name: 'Batal, jangan ubah apa pun' }).click();
    await expect(secretariat.getByText('40 nominasi')).toBeVisible();

    await secretariat.getByRole('button', { name: 'Buka: Paritrana Award Tingkat Provinsi NTT 2025' }).click();
    await expect(secretariat.locator('tr[data-nominee]')).toHaveCount(40);
    await expect(secretariat.getByRole('heading', { level: 1 })).toHaveText('Paritrana Award Tingkat Provinsi NTT 2025');
  });

  test('a juror laptop imports the package, picks its identity, makes its key and enrols', async () => {
    await juror.goto(withToken(JURI));
    await juror.getByLabel('Impor paket acara (.timbang)').setInputFiles(firstPackage.path);
    await expect(juror.getByRole('heading', { level: 1 })).toHaveText('Paritrana Award Tingkat Provinsi NTT 2025');
    await expect(juror.getByTestId('secretariat-fingerprint')).toHaveText(/^\d{5}( \d{5}){4}$/);

    await juror.getByRole('radio', { name: 'Saya J3 — Kepala Disnakertrans Provinsi NTT' }).check();
    await juror.getByRole('button', { name: 'Ini saya' }).click();
    await expect(juror.getByTestId('identity')).toContainText('Saya J3 — Kepala Disnakertrans Provinsi NTT');
    await expect(juror.locator('[data-assignment="wawancara/ukm"]')).toContainText('Dibuka');
    await expect(juror.locator('[data-assignment="administrasi/manufaktur"]')).toContainText('5');

    jurorFingerprint = await makeKey(juror);
    await juror.getByLabel('Nama Anda', { exact: true }).fill('Maria Goreti');
    const enrolment = await download(juror, () => juror.getByRole('button', { name: 'Ekspor berkas pendaftaran' }).click());
    expect(enrolment.name).toBe('pendaftaran-J3.timbang-enrol');

    await secretariat.getByRole('tab', { name: 'Juri & kunci' }).click();
    await secretariat.getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)').setInputFiles(enrolment.path);
    const row = secretariat.locator('tr[data-juror="J3"]');
    await expect(row).toContainText('Maria Goreti');
    await expect(row).toContainText(jurorFingerprint);

    await row.getByLabel('Sidik jari yang dibacakan').fill('11111 22222 33333 44444 55555');
    await row.getByRole('button', { name: 'Konfirmasi' }).click();
    await expect(secretariat.getByRole('alert')).toContainText('Jangan konfirmasi');
    await row.getByLabel('Sidik jari yang dibacakan').fill(jurorFingerprint);
    await row.getByRole('button', { name: 'Konfirmasi' }).click();
    await expect(row).toContainText('Dikonfirmasi lisan');
  });

  test("the juror's laptop shows its key is in the next package", async () => {
    await expect(juror.getByTestId('enrolled')).toHaveCount(0);
  });

  test('the juror receives the next revision; an older one is refused', async () => {
    await secretariat.getByRole('tab', { name: 'Paket' }).click();
    const next = await download(secretariat, () => secretariat.getByRole('button', { name: 'Ekspor paket acara (.timbang)' }).click());
    expect(next.name).toBe('paritrana-ntt-2025-revisi-3.timbang'); // enrolling J3 made revision 3

    await juror.getByLabel('Impor revisi baru (.timbang)').setInputFiles(next.path);
    await expect(juror.getByText('Diperbarui dari revisi 2 ke revisi 3. Semua nilai Anda tetap tersimpan.')).toBeVisible();
    await expect(juror.getByTestId('enrolled')).toContainText(
      `Laptop ini sudah terdaftar di paket sekretariat (sidik jari ${jurorFingerprint})`,
    );
    await expect(juror.getByTestId('identity')).toContainText('J3');

    await juror.getByLabel('Impor revisi baru (.timbang)').setInputFiles(firstPackage.path);
    await expect(juror.getByRole('alert')).toContainText('lebih lama dari revisi');
  });
});
