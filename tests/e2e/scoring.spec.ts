/**
 * Issue 4 end to end in Chromium: a juror (J4, who has a conflict with PT Karang Batu Konstruksi) scores
 * the whole Manufaktur category of Seleksi Administrasi with the keyboard, undoes a change, is refused on
 * the conflicted nominee, reloads and finds every mark and note, and finalizes only once nothing is missing.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { verifyScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { WORKSPACES } from '../playwright.config.ts';
import { demoDocument } from '../support/demo.ts';
import { bridgeHeaders, withToken } from '../support/e2e-bridge.ts';

const URL = `http://127.0.0.1:${WORKSPACES.penilaian}/`;
const CONFLICTED = 3;
/** Marks for BU1..BU5 per nominee, in the category's order (the conflicted fourth, PT Karang Batu Konstruksi, gets none). */
const MARKS = [[5, 4, 3, 4, 5], [4, 4, 4, 3, 3], [3, 5, 2, 4, 4], [], [2, 3, 3, 3, 2]];
const WEIGHTS = [25, 20, 20, 15, 20];
const total = (marks: number[]) =>
  (marks.reduce((sum, mark, i) => sum + WEIGHTS[i] * (mark / 5) * 100, 0) / 100).toFixed(2).replace('.', ','); // the decimal comma, as on the sheet and in print (issue 19)

test.describe.configure({ mode: 'serial' });

async function openManufaktur(page: Page) {
  const button = page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Manufaktur, Pertambangan & Konstruksi' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Seleksi Administrasi · Manufaktur, Pertambangan & Konstruksi' })).toBeVisible();
}

const cell = (page: Page, nominee: number, criterion: number) =>
  page.locator(`tr[data-nominee="manufaktur-0${nominee + 1}"] td[data-criterion="BU${criterion + 1}"]`);

test.describe('juror scoring', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto(withToken(URL));
    await page.getByRole('button', { name: 'Buka acara demo' }).click();
    await page.getByRole('radio', { name: /^Saya J4 — Unsur Pengusaha/ }).check();
    await page.getByRole('button', { name: 'Ini saya' }).click();
    await expect(page.getByTestId('identity')).toContainText('Saya J4');
    await expect(page.getByRole('button', { name: 'Bukan saya? Ganti' })).toBeVisible(); // no mark yet: a wrong pick can be changed
  });

  test('finalize is refused while marks are missing, naming them', async () => {
    await openManufaktur(page);
    // Opening the grid puts the keyboard on the first mark still to give, not on the page.
    await expect(cell(page, 0, 0)).toBeFocused();
    await page.getByRole('button', { name: 'Finalisasi babak ini untuk kategori ini' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Belum bisa difinalisasi');
    await expect(alert).toContainText('PT Sun Power Inti: BU1, BU2, BU3, BU4, BU5');
    await expect(alert).not.toContainText('PT Karang Batu Konstruksi');
  });

  test('the juror scores the whole category with the keyboard alone', async () => {
    // Into the grid with Tab: the focused cell is the only one in the tab order.
    await page.getByRole('searchbox', { name: 'Cari nama atau wilayah' }).focus();
    for (let i = 0; i < 5 && !(await cell(page, 0, 0).evaluate((el) => el === el.ownerDocument.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(cell(page, 0, 0)).toBeFocused();

    for (const marks of MARKS) for (const mark of marks) await page.keyboard.press(String(mark));
    for (const [n, marks] of MARKS.entries()) {
      for (const [c, mark] of marks.entries()) {
        await expect(cell(page, n, c)).toHaveText(String(mark));
        await expect(cell(page, n, c)).toHaveAttribute('data-state', 'saved');
      }
      if (marks.length) await expect(page.getByTestId(`total-manufaktur-0${n + 1}`)).toHaveText(total(marks));
    }
    await expect(page.getByTestId('progress')).toHaveText('20 dari 20 nilai');
    await expect(page.getByTestId('save-status')).toContainText('PT Semen Flobamora Abadi BU5 = 2');
  });

  test('the rubric of the focused criterion is in view, with the chosen level marked', async () => {
    await cell(page, 0, 1).click();
    const rubric = page.getByTestId('rubric');
    await expect(page.getByRole('complementary', { name: 'Rubrik dan catatan' }).getByRole('heading')).toContainText('BU2');
    await expect(rubric.locator('li[aria-current="true"]')).toContainText('4');
  });

  test("the columns' tooltips name the criteria in the interface language", async () => {
    const header = page.getByRole('columnheader', { name: /^BU1/ });
    await expect(header).toHaveAttribute('title', 'Seluruh pekerja terdaftar');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(header).toHaveAttribute('title', 'All workers registered');
    await expect(page.getByRole('columnheader', { name: /^BU5/ })).toHaveAttribute(
      'title',
      'Social care: CSR for vulnerable workers, compliant vendors, SIPP/JMO',
    );
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(header).toHaveAttribute('title', 'Seluruh pekerja terdaftar');
  });

  test('a conflicted nominee refuses input', async () => {
    await cell(page, CONFLICTED, 0).click();
    await page.keyboard.press('4');
    await expect(page.getByRole('alert')).toContainText('Tidak menilai — benturan kepentingan: ');
    await expect(cell(page, CONFLICTED, 0)).toHaveText('—');
  });

  test('undo restores the previous value', async () => {
    await cell(page, 2, 2).click();
    await page.keyboard.press('5');
    await expect(cell(page, 2, 2)).toHaveText('5');
    await expect(cell(page, 2, 2)).toHaveAttribute('data-state', 'saved');
    await expect(cell(page, 2, 3)).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(cell(page, 2, 2)).toHaveText('2');
    await expect(cell(page, 2, 2)).toBeFocused(); // back on the mark undone
    await expect(page.getByTestId(`total-manufaktur-03`)).toHaveText(total(MARKS[2]));
  });

  test('a mark off the scale is refused with a message', async () => {
    await cell(page, 0, 0).click();
    await page.keyboard.press('7');
    await expect(page.getByRole('alert')).toContainText('Nilai 7 di luar skala BU1: 1–5, kelipatan 1.');
    await expect(cell(page, 0, 0)).toHaveText('5');
  });

  test('notes are saved as the juror types', async () => {
    await cell(page, 1, 0).click();
    const note = page.getByLabel('Catatan untuk PT Nanda Karya Putera Pratama');
    await note.focus();
    await page.keyboard.type('Kepatuhan iuran baik; minta bukti JKP.');
    await expect(page.getByTestId('note-status')).toHaveText('Catatan tersimpan');
  });

  test('after a reload every mark and note is there', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Buka: Paritrana Award Tingkat Provinsi NTT 2025' }).click();
    await expect(page.locator('[data-assignment="administrasi/manufaktur"]')).toContainText('20 dari 20');
    await openManufaktur(page);
    for (const [n, marks] of MARKS.entries())
      for (const [c, mark] of marks.entries()) await expect(cell(page, n, c)).toHaveText(String(mark));
    await cell(page, 1, 0).click();
    await expect(page.getByLabel('Catatan untuk PT Nanda Karya Putera Pratama')).toHaveValue('Kepatuhan iuran baik; minta bukti JKP.');
  });

  test('finalize then locks the marks', async () => {
    await page.getByRole('button', { name: 'Finalisasi babak ini untuk kategori ini' }).click();
    await expect(page.getByTestId('locked')).toBeVisible();
    await cell(page, 0, 0).click();
    await page.keyboard.press('1');
    await expect(page.getByRole('alert')).toContainText('Sudah difinalisasi');
    await expect(cell(page, 0, 0)).toHaveText('5');
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await expect(page.locator('[data-assignment="administrasi/manufaktur"]')).toContainText('Difinalisasi');
  });

  test('the interview view scores one nominee at a time with the rubric as choices, and runs the clock', async () => {
    await page.getByRole('button', { name: 'Nilai: Wawancara, Usaha Kecil Mikro' }).click();
    await expect(page.getByRole('button', { name: 'Per nominasi' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('timer-clock')).toHaveText('10:00');
    await page.getByRole('button', { name: 'Mulai' }).click();
    await expect(page.getByTestId('timer-clock')).toHaveText(/^09:5\d$/, { timeout: 5000 });
    await page.getByRole('button', { name: 'Jeda' }).click();
    const paused = await page.getByTestId('timer-clock').textContent();

    // Each nominee has its own clock; looking at another one neither resets nor stops the interview under way.
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await expect(page.getByTestId('timer-clock')).toHaveText('10:00');
    await page.getByRole('button', { name: '← Sebelumnya' }).click();
    await expect(page.getByTestId('timer-clock')).toHaveText(paused!);
    await page.getByRole('button', { name: 'Mulai' }).click();
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await page.getByRole('button', { name: '← Sebelumnya' }).click();
    await expect(page.getByRole('button', { name: 'Jeda' })).toBeVisible();
    await expect(page.getByTestId('timer-clock')).not.toHaveText(paused!, { timeout: 5000 });
    await page.getByRole('button', { name: 'Jeda' }).click();

    const w1 = page.getByRole('radiogroup', { name: /^W1 · Komitmen pimpinan/ });
    await w1.getByRole('radio').nth(3).check();
    await expect(page.getByTestId('single-total')).toContainText('24,00 (1/5)');
    // An arrow only moves the selection; Enter saves it.
    await w1.getByRole('radio').nth(3).press('ArrowDown');
    await expect(w1.getByRole('radio').nth(4)).toBeFocused();
    await expect(w1.getByRole('radio').nth(4)).not.toBeChecked();
    await expect(page.getByTestId('single-total')).toContainText('24,00 (1/5)');
    await page.keyboard.press('Enter');
    await expect(w1.getByRole('radio').nth(4)).toBeChecked();
    await expect(page.getByTestId('single-total')).toContainText('30,00 (1/5)');
  });

  test('the juror declares a conflict of interest: kept with its reason, the nominee refuses input', async () => {
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Jasa Keuangan' }).click();
    await page.locator('tr[data-nominee="jasa-keuangan-02"] td[data-criterion="BU1"]').click();
    await page.keyboard.press('4');
    await expect(page.getByTestId('progress')).toHaveText('1 dari 25 nilai');
    // A mark in the interview too: declaring sets aside the marks of every round.
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await page.getByRole('button', { name: 'Nilai: Wawancara, Jasa Keuangan' }).click();
    await page.getByRole('combobox', { name: 'Nominasi' }).selectOption({ label: 'Bank NTT' });
    await page
      .getByRole('radiogroup', { name: /^W1 · / })
      .getByRole('radio')
      .nth(2)
      .click();
    await expect(page.getByTestId('single-total')).toContainText('(1/5)');
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Jasa Keuangan' }).click();
    await page.locator('tr[data-nominee="jasa-keuangan-02"] td[data-criterion="BU1"]').click();

    /** The conflict with Bank NTT, up to its confirmation step. */
    const askToDeclare = async () => {
      await page.getByRole('button', { name: 'Nyatakan benturan kepentingan…' }).click();
      await page.getByLabel('Alasan tidak menilai Bank NTT').fill('Saudara kandung bekerja di Bank NTT');
      await page.getByRole('button', { name: 'Nyatakan', exact: true }).click();
    };
    // First a confirmation that says what is set aside and how a mistake is undone; cancelling changes nothing.
    await askToDeclare();
    const confirmation = page.getByTestId('conflict-confirm');
    await expect(confirmation).toBeFocused();
    await expect(confirmation).toContainText('Nyatakan benturan kepentingan dengan Bank NTT?');
    await expect(confirmation.getByTestId('conflict-marks')).toHaveText(
      '2 nilai yang sudah Anda berikan untuk Bank NTT akan disisihkan dan tidak dihitung (Seleksi Administrasi: 1; Wawancara: 1).',
    );
    await expect(confirmation).toContainText('Bila keliru, Anda dapat mencabutnya selama babak ini belum difinalisasi');
    await confirmation.getByRole('button', { name: 'Batal' }).click();
    await expect(confirmation).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Nyatakan benturan kepentingan…' })).toBeFocused();
    await expect(page.locator('tr[data-nominee="jasa-keuangan-02"] td[data-criterion="BU1"]')).toHaveText('4');
    await expect(page.getByTestId('progress')).toHaveText('1 dari 25 nilai');

    await askToDeclare();
    await expect(confirmation.getByTestId('conflict-marks')).toContainText('2 nilai');
    await confirmation.getByRole('button', { name: 'Ya, nyatakan benturan kepentingan' }).click();
    const row = page.locator('tr[data-nominee="jasa-keuangan-02"]');
    await expect(row).toContainText('Tidak menilai — benturan kepentingan: Saudara kandung bekerja di Bank NTT');
    await expect(row.locator('td[data-criterion="BU1"]')).toHaveText('—');
    await row.locator('td[data-criterion="BU2"]').click();
    await page.keyboard.press('3');
    await expect(page.getByRole('alert')).toContainText('Saudara kandung bekerja di Bank NTT');
    await expect(page.getByTestId('progress')).toHaveText('0 dari 20 nilai');

    // Declared by mistake: withdrawn with a reason, the mark set aside comes back; then declared again for good.
    await page.getByRole('button', { name: 'Cabut pernyataan benturan kepentingan…' }).click();
    await page.getByLabel('Mengapa pernyataan benturan kepentingan dengan Bank NTT dicabut?').fill('Salah baris');
    await page.getByRole('button', { name: 'Cabut pernyataan', exact: true }).click();
    await expect(row.locator('td[data-criterion="BU1"]')).toHaveText('4');
    await expect(row).not.toContainText('Tidak menilai');
    await expect(page.getByTestId('progress')).toHaveText('1 dari 25 nilai');
    await row.locator('td[data-criterion="BU1"]').click();
    await askToDeclare();
    await confirmation.getByRole('button', { name: 'Ya, nyatakan benturan kepentingan' }).click();
    await expect(row).toContainText('Tidak menilai — benturan kepentingan: Saudara kandung bekerja di Bank NTT');
  });

  test('the juror saves a signed score sheet that verifies, with the marks typed', async () => {
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await expect(page.getByTestId('identity')).toContainText('Saya J4');
    await expect(page.getByRole('button', { name: 'Bukan saya? Ganti' })).toHaveCount(0); // marks given: this laptop is J4's
    await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill('moringa-2025-juri');
    await page.getByLabel('Ulangi frasa sandi').fill('moringa-2025-juri');
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    await expect(page.getByTestId('own-fingerprint')).toBeVisible();
    await page.getByLabel('Nama Anda di lembar').fill('Yosef Ndolu');
    await page.getByRole('checkbox', { name: 'Wawancara' }).uncheck();
    // Said before saving: which sections go out as drafts (Manufaktur was finalized, the others not).
    const drafts = page.getByTestId('sheet-drafts');
    await expect(drafts).toContainText('Belum difinalisasi (7 bagian): Seleksi Administrasi · Pemerintah Kabupaten/Kota (0 dari 20 nilai)');
    await expect(drafts).not.toContainText('Manufaktur');
    await expect(drafts).not.toContainText('Wawancara');
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Simpan lembar nilai (.xlsx)' }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toBe('lembar-nilai-J4-revisi-1.xlsx');
    await expect(page.getByText('Berkas lembar-nilai-J4-revisi-1.xlsx dibuat.')).toBeVisible();

    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const key = (await (await page.request.post(`${URL}api/keyStatus`, { headers: bridgeHeaders(URL), data: {} })).json()) as {
      value: { publicKey: string };
    };
    const result = await verifyScoreSheet(bytes, download.suggestedFilename(), {
      event: demoDocument(),
      latestPackageRevision: 1,
      jurorKeys: new Map([['J4', key.value.publicKey]]),
    });
    expect(result.status).toBe('valid');
    expect(result.rounds).toEqual(['administrasi']);
    const manufaktur = result.payload!.sections.find((section) => section.categoryId === 'manufaktur')!;
    expect(manufaktur.finalized).toBe(true);
    expect(manufaktur.nominees.map((n) => Object.values(n.marks).map((m) => (m === null ? null : Number(m))))).toEqual(
      MARKS.map((marks, i) => (i === CONFLICTED ? [null, null, null, null, null] : marks)),
    );
    expect(manufaktur.nominees[1].note).toBe('Kepatuhan iuran baik; minta bukti JKP.');
    expect(result.payload!.juror).toMatchObject({ id: 'J4', name: 'Yosef Ndolu' });
    expect(result.payload!.declaredConflicts).toEqual([{ nomineeId: 'jasa-keuangan-02', reason: 'Saudara kandung bekerja di Bank NTT' }]);
  });
});
