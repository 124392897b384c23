/**
 * Issue 19 on the secretariat's laptop (the demo, at 1366×768): the completeness matrix names rounds,
 * categories and jurors and fits the screen (item 9); accepting a key for a juror who already has one asks
 * again, naming both fingerprints, and an empty file says so in its row (item 8); the printed report reads
 * its times in WITA (item 10).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoMarks } from '../../src/services/demo/demo-scores.ts';
import { fingerprint, publicKeyText } from '../../src/services/keys/signing.ts';
import { writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { demoDocument } from '../support/demo.ts';
import { startServer, type OwnServer } from './ux-server.ts';

test.describe.configure({ mode: 'serial' });

let server: OwnServer;
let page: Page;
let dir: string;
let demo: Awaited<ReturnType<typeof demoFiles>>;

test.beforeAll(async ({ browser }) => {
  dir = mkdtempSync(join(tmpdir(), 'timbang-ux-files-'));
  demo = await demoFiles(demoDocument());
  server = await startServer('sekretariat');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(server.address);
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paritrana Award Tingkat Provinsi NTT 2025' })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

test('item 9: the completeness matrix names rounds, categories and jurors, and fits 1366 px', async () => {
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  const matrix = page.getByTestId('completeness');
  await expect(matrix.getByRole('columnheader', { name: 'Seleksi Administrasi' })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: 'Wawancara' })).toBeVisible();
  await expect(matrix.locator('abbr[title="Usaha Kecil Mikro"]').first()).toHaveText('UKM');
  await expect(matrix.locator('th[data-section="administrasi/jasa-keuangan"]')).toHaveAttribute(
    'title',
    'Seleksi Administrasi · Jasa Keuangan',
  );
  await expect(matrix.locator('thead')).not.toContainText('jasa-keuangan'); // no slugs
  await expect(matrix.getByRole('rowheader').first()).toContainText('J1 · Sekretaris Daerah Provinsi NTT');
  await expect(page.getByTestId('category-legend')).toContainText('UKM = Usaha Kecil Mikro');
  const fits = await page.locator('.table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
});

test('item 8: an empty file and a file that is no workbook each say why in their row', async () => {
  await page
    .getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)')
    .setInputFiles([file('kosong.xlsx', ''), file('catatan.xlsx', 'bukan lembar nilai, hanya catatan')]);
  await expect(page.getByText('2 dari 2 berkas diperiksa')).toBeVisible();
  await expect(page.locator('tr[data-sheet="kosong.xlsx"]').getByTestId('sheet-reason')).toBeVisible();
  await expect(page.locator('tr[data-sheet="kosong.xlsx"]').getByTestId('sheet-reason')).toContainText('kosong (0 byte)');
  await expect(page.locator('tr[data-sheet="catatan.xlsx"]').getByTestId('sheet-reason')).toBeVisible();
  await expect(page.locator('tr[data-sheet="catatan.xlsx"]').getByTestId('sheet-reason')).not.toContainText('kosong');
});

test('item 8: accepting a key for a juror who has one registered asks again, naming both fingerprints', async () => {
  const event = demoDocument();
  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page
    .getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)')
    .setInputFiles([file('J3.timbang-enrol', demo.enrolments.get('J3')!)]);
  await expect(page.locator('tr[data-juror="J3"]')).toContainText(demo.jurorKeys.get('J3')!.fingerprint);

  // J3's sheet signed on another laptop, with a key nobody enrolled.
  const pair = generateKeyPairSync('ed25519');
  const other = { privateKey: pair.privateKey, publicKey: publicKeyText(pair.publicKey), fingerprint: '' };
  other.fingerprint = fingerprint(other.publicKey);
  const payload = sheetPayload({
    event,
    jurorId: 'J3',
    jurorName: 'Maria Goreti',
    roundIds: ['administrasi'],
    marks: demoMarks(event, 1).filter((m) => m.jurorId === 'J3' && m.roundId === 'administrasi'),
    notes: [],
    conflicts: new Map(),
    declaredConflicts: [],
    isFinalized: () => true,
    packageRevision: 1,
    sheetRevision: 1,
    exportedAt: new Date().toISOString(),
    key: other,
  });
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await page
    .getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)')
    .setInputFiles([file('J3-laptop-baru.xlsx', await writeScoreSheet(payload, other))]);
  const row = page.locator('tr[data-sheet="J3-laptop-baru.xlsx"]');
  await expect(row).toContainText('Kunci tidak dikenal');
  await expect(row).toContainText('J3 · Kepala Disnakertrans Provinsi NTT'); // the juror by title, not only "J3"

  await row.getByLabel('Diterima oleh').fill('Sekretariat BPJS Kupang');
  await row.getByRole('button', { name: /^Terima kunci/ }).click();
  const confirm = row.getByTestId('confirm-key');
  await expect(confirm).toBeFocused();
  await expect(confirm.getByTestId('registered-fingerprint')).toHaveText(demo.jurorKeys.get('J3')!.fingerprint);
  await expect(confirm.getByTestId('new-fingerprint')).toHaveText(other.fingerprint);
  await expect(row).toContainText('Kunci tidak dikenal'); // nothing accepted yet
  await confirm.getByRole('button', { name: 'Batal' }).click();
  await expect(row.getByTestId('confirm-key')).toHaveCount(0);
  await expect(row.getByRole('button', { name: /^Terima kunci/ })).toBeFocused();

  await row.getByRole('button', { name: /^Terima kunci/ }).click();
  await row.getByRole('button', { name: `Ya, terima juga kunci ${other.fingerprint} untuk J3` }).click();
  await expect(row).toContainText('Sah');
  await expect(row.getByRole('rowheader')).toBeFocused(); // item 4: the keyboard stays with the sheet
  await expect(page.getByTestId('accepted-keys')).toContainText(
    /J3 · Kepala Disnakertrans Provinsi NTT .*\(Sekretariat BPJS Kupang, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}\.\d{2} WITA\)/,
  );
});

test('item 10: the printed report says when it was made in WITA', async () => {
  test.setTimeout(90_000);
  const event = demoDocument();
  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page
    .getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)')
    .setInputFiles(event.jurors.filter((j) => j.id !== 'J3').map((j) => file(`${j.id}.timbang-enrol`, demo.enrolments.get(j.id)!)));
  await expect(page.locator('tr[data-juror="J9"] .fingerprint')).toBeVisible();
  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await page
    .getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)')
    .setInputFiles(event.jurors.map((j) => file(`${j.id}.xlsx`, demo.sheets.get(j.id)!)));
  await expect(page.getByText('9 dari 9 berkas diperiksa')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const pdf = execFileSync('pdftotext', ['-layout', (await (await download).path())!, '-'], { encoding: 'utf8' });
  expect(pdf).toMatch(
    /Dibuat\s+\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} pukul \d{2}\.\d{2} WITA/,
  );
  expect(pdf).not.toMatch(/\(\+00:00\)|\(UTC\)/);
});
