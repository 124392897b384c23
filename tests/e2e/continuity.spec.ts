/**
 * Issue 21 end to end, in Chromium through the browser bridge:
 * - the juror's resume flow: J3's old laptop (made here with the services: it scored, finalized and sent sheet
 *   revision 1, then died) is replaced by the browser's laptop, which imports the package, makes a new key and
 *   enrols it; once the secretariat re-enrolled J3 and the next package arrived, J3 resumes from the old-key
 *   sheet: the marks are back with their origin, the finalized section stays final, and the next sheet is
 *   revision 2, which the secretariat takes as J3's, superseding the old one;
 * - the secretariat's view of a key change: in the browser's secretariat workspace, J3's new laptop is refused
 *   as a plain enrolment and re-enrolled with a reason; the key change is listed with both fingerprints, and
 *   once both sheets are imported the old key's sheet is superseded (not in conflict), each saying why, and
 *   the report's verification appendix says J3's key changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { FileData } from '../../src/api/contract.ts';
import { WORKSPACES } from '../playwright.config.ts';
import {
  EVENT,
  PASSPHRASE,
  bytesOf,
  fileOf,
  jurorLaptop,
  laptop,
  scoreSection,
  secretariatLaptop,
  type Laptop,
} from '../support/continuity.ts';
import { withToken } from '../support/e2e-bridge.ts';

const JURI = `http://127.0.0.1:${WORKSPACES.kontinuitasJuri}/`;
const SEKRETARIAT = `http://127.0.0.1:${WORKSPACES.kontinuitasSekretariat}/`;
const files = mkdtempSync(join(tmpdir(), 'timbang-e2e-kontinuitas-'));
const OLD_MARK = (n: number, c: number) => 1 + ((n + c) % 5);

/** A file the API returned, on disk for a file input. */
function onDisk(file: FileData, name = file.fileName): string {
  const path = join(files, name);
  writeFileSync(path, bytesOf(file));
  return path;
}

/** Clicks something that starts a download and returns the file as the API would carry it. */
async function download(page: Page, click: () => Promise<void>): Promise<FileData> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return fileOf(file.suggestedFilename(), new Uint8Array(readFileSync(path)));
}

async function makeKey(page: Page): Promise<string> {
  await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill(PASSPHRASE);
  await page.getByLabel('Ulangi frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buat kunci', exact: true }).click();
  const fingerprint = page.getByTestId('own-fingerprint');
  await expect(fingerprint).toHaveText(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
  return (await fingerprint.textContent())!;
}

/** J3's old laptop before it died: Seleksi Administrasi · UKM scored and finalized, one interview mark, sheet revision 1 sent. */
async function oldLaptop(secretariat: Laptop) {
  const old = await jurorLaptop(secretariat, 'J3', 'Maria Goreti', { laptopName: 'e2e-lama' });
  await old.api.unlockKey({ passphrase: PASSPHRASE });
  await scoreSection(old, 'administrasi', 'ukm', OLD_MARK);
  await old.api.finalizeRound({ eventId: EVENT, roundId: 'administrasi', categoryId: 'ukm' });
  await old.api.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'ukm-01', criterionCode: 'W1', value: 5 });
  const sheet = await old.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
  return {
    old,
    sheet,
    fingerprint: (await old.api.keyStatus({})).fingerprint!,
    enrolment: await old.api.exportEnrolment({ eventId: EVENT, name: 'Maria Goreti' }),
  };
}

test('a juror resumes from their own sheet on a new laptop after re-enrolment', async ({ page }) => {
  const secretariat = await secretariatLaptop('e2e-sekretariat-juri');
  const { old, sheet, fingerprint: oldKey } = await oldLaptop(secretariat);
  try {
    expect((await secretariat.api.importSheet({ eventId: EVENT, file: sheet })).sheet.status).toBe('valid');
    old.close(); // the laptop dies

    // The new laptop: the package, who I am, a new key.
    await page.goto(withToken(JURI));
    await page
      .getByLabel('Impor paket acara (.timbang)')
      .setInputFiles(onDisk(await secretariat.api.exportPackage({ eventId: EVENT }), 'acara-lama.timbang'));
    await page.getByRole('radio', { name: 'Saya J3 — Kepala Disnakertrans Provinsi NTT' }).check();
    await page.getByRole('button', { name: 'Ini saya' }).click();
    const newKey = await makeKey(page);
    const resume = page.getByTestId('resume');
    await resume.getByText('Lanjutkan dari lembar sendiri').click(); // collapsed until it matters
    await expect(resume).toContainText('Paket acara belum memuat kunci laptop ini.');

    // The enrolment goes to the secretariat, which re-enrols J3 (the old key bound to the new one).
    await page.locator('#enrol-name').fill('Maria Goreti');
    const enrolment = await download(page, () => page.getByRole('button', { name: 'Ekspor berkas pendaftaran' }).click());
    await secretariat.api.reenrolJuror({ eventId: EVENT, file: enrolment, reason: 'Laptop lama rusak' });
    await page
      .getByLabel('Impor revisi baru (.timbang)')
      .setInputFiles(onDisk(await secretariat.api.exportPackage({ eventId: EVENT }), 'acara-baru.timbang'));
    await expect(page.getByTestId('enrolled')).toContainText(newKey);
    await expect(resume).toContainText(`Kunci lama Anda yang diakui sekretariat: ${oldKey}`);

    // J3 resumes from the old-key sheet.
    await resume.getByLabel('Pilih lembar nilai Anda (.xlsx)').setInputFiles(onDisk(sheet));
    await expect(page.getByTestId('resume-result')).toContainText(
      '21 nilai dipulihkan (0 sudah ada), 0 catatan. Lembar berikutnya: revisi 2.',
    );
    await expect(page.getByTestId('resume-result')).toContainText('1 bagian kembali final.');
    await expect(page.getByTestId('resumed-sheets')).toContainText('lembar-nilai-J3-revisi-1.xlsx: revisi 1, 21 nilai');
    await expect(page.getByTestId('resumed-sheets')).toContainText(`${oldKey} · kunci lama`);
    const seleksi = page.locator('[data-assignment="administrasi/ukm"]');
    await expect(seleksi).toContainText('Difinalisasi');
    await expect(seleksi.getByRole('progressbar')).toHaveAccessibleName('20 dari 20');

    // The restored mark says where it came from.
    await page.getByRole('button', { name: 'Nilai: Wawancara, Usaha Kecil Mikro' }).click();
    await page.getByRole('button', { name: 'Tabel', exact: true }).click();
    await page
      .getByRole('gridcell', { name: /, W1: 5$/ })
      .first()
      .click();
    await page.locator('details.history summary').click();
    await expect(page.getByTestId('history-line')).toContainText(
      '→ 5 · dipulihkan dari lembar J3 revisi 1 (lembar-nilai-J3-revisi-1.xlsx)',
    );
    await page.getByRole('button', { name: '← Kembali ke daftar penilaian' }).click();

    // J3 unlocks the new key and sends the next sheet: revision 2, signed with the new key.
    const next = await download(page, () => page.getByRole('button', { name: 'Simpan lembar nilai (.xlsx)' }).click());
    expect(next.fileName).toBe('lembar-nilai-J3-revisi-2.xlsx');
    const imported = await secretariat.api.importSheet({ eventId: EVENT, file: next });
    expect(imported.sheet).toMatchObject({ status: 'valid', signedWith: newKey, sheetRevision: 2, use: 'used' });
    const listed = await secretariat.api.listSheets({ eventId: EVENT });
    expect(listed.sheets.map((s) => [s.sheetRevision, s.signedWith, s.use])).toEqual([
      [1, oldKey, 'stale'],
      [2, newKey, 'used'],
    ]);
  } finally {
    secretariat.close();
  }
});

test("the secretariat sees a juror's key change: re-enrolment, both keys' sheets as one juror's, the report's appendix", async ({
  page,
}) => {
  // J3's two laptops, made with the services against a secretariat of their own (the sheets carry J3's keys only).
  const elsewhere = await secretariatLaptop('e2e-sekretariat-lain');
  const { old, sheet: oldSheet, fingerprint: oldKey, enrolment: oldEnrolment } = await oldLaptop(elsewhere);
  const fresh = laptop('e2e-baru');
  try {
    await fresh.api.importPackage(await elsewhere.api.exportPackage({ eventId: EVENT }));
    await fresh.api.chooseJuror({ eventId: EVENT, jurorId: 'J3' });
    await fresh.api.createKey({ passphrase: PASSPHRASE });
    const newEnrolment = await fresh.api.exportEnrolment({ eventId: EVENT, name: 'Maria Goreti' });
    await elsewhere.api.reenrolJuror({ eventId: EVENT, file: newEnrolment, reason: 'Laptop lama rusak' });
    await fresh.api.importPackage(await elsewhere.api.exportPackage({ eventId: EVENT }));
    await fresh.api.resumeFromSheets({ eventId: EVENT, files: [oldSheet] });
    await fresh.api.recordScore({ eventId: EVENT, roundId: 'wawancara', nomineeId: 'ukm-02', criterionCode: 'W1', value: 4 });
    const newSheet = await fresh.api.exportSheet({ eventId: EVENT, name: 'Maria Goreti', roundIds: ['administrasi', 'wawancara'] });
    const newKey = (await fresh.api.keyStatus({})).fingerprint!;

    // The secretariat's app: the demo event, its key, J3's first laptop enrolled.
    await page.goto(withToken(SEKRETARIAT));
    await page.getByRole('radio', { name: /^Sekretariat/ }).check();
    await page.getByRole('button', { name: 'Buka acara demo' }).click();
    await page.getByRole('tab', { name: 'Paket' }).click();
    await makeKey(page);
    await page.getByRole('tab', { name: 'Juri & kunci' }).click();
    await page
      .getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)')
      .setInputFiles(onDisk(oldEnrolment, 'pendaftaran-J3-lama.timbang-enrol'));
    await expect(page.locator('tr[data-juror="J3"]')).toContainText(oldKey);

    // The new laptop's enrolment: refused as a plain one, saying what to do…
    await page
      .getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)')
      .setInputFiles(onDisk(newEnrolment, 'pendaftaran-J3-baru.timbang-enrol'));
    await expect(page.getByRole('alert')).toContainText('J3 sudah terdaftar dengan kunci lain');
    await expect(page.getByRole('alert')).toContainText('daftarkan ulang dengan alasannya');
    // …and re-enrolled with a reason.
    const changes = page.getByTestId('key-changes');
    await changes
      .getByLabel('Daftarkan ulang (laptop hilang atau rusak)')
      .setInputFiles(onDisk(newEnrolment, 'pendaftaran-J3-baru.timbang-enrol'));
    await changes.getByLabel('Alasan').fill('Laptop lama rusak terkena air');
    await changes.getByRole('button', { name: 'Daftarkan ulang', exact: true }).click();
    await expect(changes.getByRole('status')).toContainText(`J3 didaftarkan ulang dengan kunci ${newKey}`);
    await expect(page.locator('tr[data-juror="J3"]')).toContainText(newKey);
    await expect(changes.locator('[data-juror="J3"]')).toContainText('Kunci J3 berganti');
    await expect(changes.locator('[data-juror="J3"]')).toContainText('Laptop lama rusak terkena air');
    await expect(changes.locator('[data-juror="J3"]')).toContainText(`kunci lama: ${oldKey} → kunci baru: ${newKey}`);

    // Both sheets: J3's, the old key's superseded.
    await page.getByRole('tab', { name: 'Lembar nilai' }).click();
    await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles([onDisk(oldSheet), onDisk(newSheet)]);
    const oldRow = page.locator(`tr[data-sheet="${oldSheet.fileName}"]`);
    const newRow = page.locator(`tr[data-sheet="${newSheet.fileName}"]`);
    await expect(oldRow).toContainText('Usang (ada revisi lebih baru)');
    await expect(oldRow).toContainText(`Kunci J3 berganti: lembar ini ditandatangani kunci lama ${oldKey}`);
    await expect(newRow).toContainText('Dipakai');
    await expect(newRow).toContainText(`ditandatangani kunci baru ${newKey}, pengganti kunci lama ${oldKey}`);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const listed = page.getByTestId('key-changes');
    await expect(listed.getByRole('row', { name: /lembar-nilai-J3-revisi-1\.xlsx 1 kunci lama digantikan/ })).toBeVisible();
    await expect(listed.getByRole('row', { name: /lembar-nilai-J3-revisi-2\.xlsx 2 kunci baru dipakai/ })).toBeVisible();

    // The report's verification appendix says the key changed.
    await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
    await page.getByRole('button', { name: 'Pratinjau cetak' }).click();
    await expect(page.getByTestId('report-preview')).toContainText(`Kunci J3 berganti: lembar ini ditandatangani kunci lama ${oldKey}`);
  } finally {
    old.close();
    fresh.close();
    elsewhere.close();
  }
});
