/**
 * Issue 17 (evidence) on a juror's laptop: scoring Seleksi Administrasi for Pemerintah Kabupaten/Kota, the
 * juror sees the nominee's figure beside the criterion it informs (PD3: "Cakupan kepesertaan 34,90 %", with
 * its source and date), the figure of the nominee in focus only, and none beside a criterion it does not inform.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type OwnServer } from './ux-server.ts';

test.describe.configure({ mode: 'serial' });

const cell = (page: Page, nominee: string, criterion: string) => page.locator(`tr[data-nominee="${nominee}"] td[data-criterion="${criterion}"]`);

let server: OwnServer;
let page: Page;

test.beforeAll(async ({ browser }) => {
  server = await startServer('bukti');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(server.address);
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await page.getByRole('radio', { name: /^Saya J3 — Kepala Disnakertrans/ }).check();
  await page.getByRole('button', { name: 'Ini saya' }).click();
  await expect(page.getByTestId('identity')).toContainText('Saya J3');
  await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Pemerintah Kabupaten/Kota' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Seleksi Administrasi · Pemerintah Kabupaten/Kota' })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('a juror scoring PD3 sees "Cakupan kepesertaan 34,90 %" beside the criterion, with its source and date', async () => {
  await cell(page, 'pemkab-01', 'PD3').click();
  const panel = page.getByRole('complementary', { name: 'Rubrik dan catatan' });
  await expect(panel.getByRole('heading')).toContainText('PD3');
  const figures = panel.getByTestId('criterion-figures');
  await expect(figures).toContainText('Cakupan kepesertaan 34,90 %');
  await expect(figures).toContainText('BPJS Ketenagakerjaan');
  await expect(figures).toContainText('per 31 Desember 2024');
  // A mark given with the figure in view is saved as any other.
  await page.keyboard.press('5');
  await expect(cell(page, 'pemkab-01', 'PD3')).toHaveAttribute('data-state', 'saved');
});

test('beside PD2 the persons funded from the APBD, with Indonesian thousands; each nominee its own figures', async () => {
  await cell(page, 'pemkab-01', 'PD2').click();
  const figures = page.getByRole('complementary', { name: 'Rubrik dan catatan' }).getByTestId('criterion-figures');
  await expect(figures).toContainText('Pekerja rentan dibiayai APBD 12.500 orang');
  await expect(figures).not.toContainText('Cakupan kepesertaan');
  await cell(page, 'pemkab-04', 'PD3').click();
  await expect(figures).toContainText('Cakupan kepesertaan 16,20 %');
  await expect(figures).toContainText('Contoh demo (fiktif)');
});

test('no figure beside a criterion none informs (PD1, the regulation)', async () => {
  await cell(page, 'pemkab-01', 'PD1').click();
  const panel = page.getByRole('complementary', { name: 'Rubrik dan catatan' });
  await expect(panel.getByRole('heading')).toContainText('PD1');
  await expect(panel.getByTestId('criterion-figures')).toHaveCount(0);
});
