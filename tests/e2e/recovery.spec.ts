/**
 * Issue 8, backups: the app starts on a damaged workspace file, says what is wrong, offers the latest
 * backup and restores it; then, from the start screen, a juror puts the workspace back to an earlier backup.
 * With no backup at all, the juror starts a new workspace and the damaged file is kept.
 * The server's workspace is prepared by tests/support/damaged-workspace.ts (see playwright.config.ts).
 */
import { expect, test } from '@playwright/test';
import { WORKSPACES } from '../playwright.config.ts';
import { withToken } from '../support/e2e-bridge.ts';

const URL = `http://127.0.0.1:${WORKSPACES.pemulihan}/`;

test('a damaged workspace at start: the message, the latest backup offered and restored, then an earlier one', async ({ page }) => {
  await page.goto(withToken(URL));
  await expect(page.getByRole('heading', { level: 1, name: 'Berkas kerja tidak dapat dibuka' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('rusak atau bukan basis data Timbang (file is not a database)');
  await expect(page.getByRole('alert')).toContainText('Pulihkan salah satu cadangan di bawah');
  const rows = page.locator('.backup-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('setelah ekspor lembar nilai');
  await expect(rows.nth(1)).toContainText('setelah finalisasi babak');
  await expect(page.getByRole('button', { name: 'Buka acara demo' })).toHaveCount(0); // nothing else until it is fixed

  await page.getByRole('button', { name: /^Pulihkan cadangan terbaru \(3 Juli 2025/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Timbang' })).toBeVisible();
  // The latest backup holds J2's one mark in Seleksi Administrasi, UKM.
  const ukmProgress = page
    .getByRole('row', { name: /^Usaha Kecil Mikro .* Nilai: Seleksi Administrasi, Usaha Kecil Mikro$/ })
    .getByRole('progressbar');
  await page.getByRole('button', { name: 'Buka: Paritrana Award Tingkat Provinsi NTT 2025' }).click();
  await expect(ukmProgress).toHaveAccessibleName(/^1 dari \d+$/);
  await page.getByRole('button', { name: '← Kembali ke awal' }).click();

  // The same panel, from a healthy workspace: asks first, since what came after is replaced.
  await page.getByText('Cadangan berkas kerja').click();
  await page
    .getByRole('button', { name: /^Pulihkan: 3 Juli 2025/ })
    .last()
    .click();
  await expect(page.getByRole('alertdialog')).toContainText('Semua yang dicatat sesudahnya tidak ada lagi di berkas kerja');
  await page.getByRole('button', { name: 'Batal' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page
    .getByRole('button', { name: /^Pulihkan: 3 Juli 2025/ })
    .last()
    .click();
  await page.getByRole('button', { name: 'Ya, pulihkan' }).click();
  // The question stays (its buttons disabled) until the restore is done and the screens start again.
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Timbang' })).toBeVisible();
  await expect(page.getByText('Cadangan berkas kerja')).toBeVisible();

  // The earlier backup was taken before that mark.
  await page.getByRole('button', { name: 'Buka: Paritrana Award Tingkat Provinsi NTT 2025' }).click();
  await expect(ukmProgress).toHaveAccessibleName(/^0 dari \d+$/);
});

test('a damaged workspace and no backup: a new workspace, the damaged file kept', async ({ page }) => {
  await page.goto(withToken(`http://127.0.0.1:${WORKSPACES.rusak}/`));
  await expect(page.getByRole('alert')).toContainText('Belum ada cadangan. Mulailah berkas kerja baru (berkas yang rusak tetap disimpan)');
  await expect(page.getByText('Belum ada cadangan.', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Mulai berkas kerja baru…' }).click();
  await page.getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('button', { name: 'Mulai berkas kerja baru…' }).click();
  await page.getByRole('button', { name: 'Ya, simpan berkas rusak dan mulai baru' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang di Timbang' })).toBeVisible();
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paritrana Award Tingkat Provinsi NTT 2025' })).toBeVisible();
});
