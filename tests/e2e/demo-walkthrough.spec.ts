/**
 * The README's demo walkthrough, as a newcomer follows it (issue 19, items 1 and 2): `timbang demo --out d`
 * on the command line, then the secretariat app's "Buka acara demo"; the sheets imported before the
 * jurors' enrolment files are "Kunci tidak dikenal", and turn valid by themselves once `d/enrolments/` is
 * imported (no accepting keys by hand, no importing again); a repeated file says what became of the first;
 * the merged results show the published order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type OwnServer } from './ux-server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
let server: OwnServer;
test.beforeAll(async () => {
  server = await startServer('demo-jalan');
});
test.afterAll(async () => server?.stop());

test('the CLI demo connects to the secretariat app: sheets before enrolment turn valid once the enrolments come', async ({ page }) => {
  test.setTimeout(120_000);
  const d = join(mkdtempSync(join(tmpdir(), 'timbang-demo-jalan-')), 'd');
  execFileSync(process.execPath, ['src/cli/timbang.js', 'demo', '--out', d], { cwd: ROOT, stdio: 'ignore' });
  const sheets = readdirSync(join(d, 'sheets')).map((f) => join(d, 'sheets', f));
  const enrolments = readdirSync(join(d, 'enrolments')).map((f) => join(d, 'enrolments', f));
  expect(sheets).toHaveLength(9);

  await page.goto(server.address);
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await page.getByRole('button', { name: 'Buka acara demo' }).click();

  // The sheets first, as a hurried secretariat might: nobody is enrolled yet.
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles(sheets);
  await expect(page.getByText('9 dari 9 berkas diperiksa')).toBeVisible({ timeout: 60_000 });
  const row = (file: string) => page.locator(`tr[data-sheet="${file}"]`);
  await expect(row('J1.xlsx')).toContainText('Kunci tidak dikenal');
  // The same file again: said to be there already, and what became of it (not "accepted").
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles([sheets[0]]);
  await expect(page.getByTestId('sheet-repeats')).toContainText('(Kunci tidak dikenal · Tidak dipakai)');

  // Then the jurors' enrolment files from d/enrolments/: each juror's sheets are checked again.
  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page.getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)').setInputFiles(enrolments);
  await expect(page.locator('tr[data-juror="J9"]')).toContainText('Juri J9 (demo)');
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  for (const file of ['J1.xlsx', 'J5.xlsx', 'J9.xlsx']) {
    await expect(row(file)).toContainText('Sah');
    await expect(row(file)).toContainText('Dipakai');
  }
  await expect(page.getByText('Kunci tidak dikenal')).toHaveCount(0);
  // A junk file: refused, then taken off the list with a reason; the audit trail keeps it.
  const junk = join(d, 'bukan-lembar.xlsx');
  writeFileSync(junk, 'ini bukan berkas Excel');
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles([junk]);
  await expect(row('bukan-lembar.xlsx')).toContainText('Rusak');
  await expect(row('J1.xlsx').getByText('Hapus dari daftar…')).toHaveCount(0); // a used sheet cannot be removed
  await row('bukan-lembar.xlsx').getByText('Hapus dari daftar…').click();
  await row('bukan-lembar.xlsx').getByLabel('Alasan').fill('Salah unggah, bukan lembar nilai');
  await row('bukan-lembar.xlsx').getByLabel('Nama Anda').fill('Operator Sekretariat');
  await row('bukan-lembar.xlsx').getByRole('button', { name: 'Hapus bukan-lembar.xlsx dari daftar' }).click();
  await expect(row('bukan-lembar.xlsx')).toHaveCount(0);
  await expect(page.getByTestId('removed-sheets')).toContainText('1 berkas dihapus dari daftar (tetap tercatat)');
  await page.getByTestId('removed-sheets').locator('summary').click();
  await expect(page.getByTestId('removed-sheets')).toContainText(
    'bukan-lembar.xlsx (Rusak): Salah unggah, bukan lembar nilai — dihapus oleh Operator Sekretariat',
  );

  // "Periksa ulang" changes nothing more now, and says so.
  await page.getByRole('button', { name: 'Periksa ulang semua lembar' }).click();
  await expect(page.getByText('Diperiksa ulang: 0 lembar berubah status.')).toBeVisible();

  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  await expect(page.getByText('Kopdit TLM').first()).toBeVisible({ timeout: 30_000 });
  // Demo marks beside a fictional nominee's name are marked as such; the flags column says what it counts.
  await expect(page.locator('tr[data-ranked="jasa-keuangan-04"]')).toContainText('†');
  await expect(page.locator('tr[data-ranked="jasa-keuangan-01"]')).not.toContainText('†');
  await expect(page.getByTestId('flags-explained')).toContainText('berjarak 2 atau lebih dari median panel');
});
