/**
 * A juror typing during an interview, on a 1366×768 laptop: J1 of an event whose W2 takes half points
 * scores Wawancara one nominee at a time with the keyboard (a digit scores and moves on, "," adds a half
 * point, arrows only select a level, saved once, Ctrl+Z undoes), with the rubric of the focused criterion
 * beside and the clock always in view; then the grid of a fifteen-nominee category starts high on the
 * screen with focus on the first mark still to give, and Alt+C / Alt+K reach the notes and Finalisasi.
 *
 * A juror's laptop holds one event, so this event gets a laptop of its own (the "papanKetik" workspace of
 * tests/playwright.config.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoPackage } from '../../src/services/packages/event-package.ts';
import { demoDocument } from '../support/demo.ts';
import { WORKSPACES } from '../playwright.config.ts';
import { withToken } from '../support/e2e-bridge.ts';

const VIEWPORT = { width: 1366, height: 768 };
const UKM_NOMINEES = 15;

/** Where the package is written, made when the tests start (not when Playwright lists them). */
let folder = '';

function keyboardEventPackage(): string {
  const event = demoDocument();
  event.id = 'paritrana-uji-papan-ketik';
  event.name = 'Uji Papan Ketik Juri 2025';
  event.conflicts = [];
  const w2 = event.criteria.find((c) => c.code === 'W2')!;
  w2.scale = { ...w2.scale, step: 0.5 };
  // More UKM nominees than the grid shows at once (their Wawancara then waits for a shortlist: not used here).
  const ukm = event.nominees.filter((n) => n.categoryId === 'ukm').length;
  for (let i = ukm + 1; i <= UKM_NOMINEES; i++) {
    event.nominees.push({
      id: `ukm-uji-${String(i).padStart(2, '0')}`,
      categoryId: 'ukm',
      name: `Usaha Uji ${i}`,
      region: 'Kota Kupang',
      fictional: true,
      attributes: {},
    });
  }
  const file = join(folder, 'uji.timbang');
  writeFileSync(file, demoPackage(event).text); // signed by a throwaway secretariat key
  return file;
}

test.describe.configure({ mode: 'serial' });

test.describe('a juror at the keyboard, 1366×768', () => {
  let page: Page;
  const criterion = (code: string) => page.getByRole('radiogroup', { name: new RegExp(`^${code} · `) });
  const level = (code: string, score: number) => criterion(code).getByRole('radio', { name: new RegExp(`^${score} `) });
  const checked = (code: string) => criterion(code).getByRole('radio', { checked: true });
  const panel = () => page.getByRole('complementary', { name: 'Rubrik dan catatan' });
  const history = () => panel().locator('details.history summary');

  test.beforeAll(async ({ browser }) => {
    folder = mkdtempSync(join(tmpdir(), 'timbang-keys-'));
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(withToken(`http://127.0.0.1:${WORKSPACES.papanKetik}/`));
    await page.getByLabel('Impor paket acara (.timbang)').setInputFiles(keyboardEventPackage());
    await page.getByRole('radio', { name: /^Saya J1 — / }).check();
    await page.getByRole('button', { name: 'Ini saya' }).click();
    await expect(page.getByTestId('identity')).toContainText('Saya J1');
  });
  test.afterAll(async () => {
    await page?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('opening the interview puts the keyboard on the first criterion, with its rubric beside', async () => {
    await page.getByRole('button', { name: 'Nilai: Wawancara, Pemerintah Kabupaten/Kota' }).click();
    await expect(page.getByRole('button', { name: 'Per nominasi' })).toHaveAttribute('aria-pressed', 'true');
    await expect(level('W1', 1)).toBeFocused();
    await expect(panel().getByRole('heading')).toHaveText('W1 · Komitmen pimpinan');
    await expect(page.getByTestId('keys-hint')).toContainText('lalu koma untuk setengah poin');
  });

  test('a digit scores the focused criterion and moves on; "," adds a half point; an off-scale digit is refused in place', async () => {
    await page.keyboard.press('4');
    await expect(level('W1', 4)).toHaveAttribute('aria-checked', 'true');
    await expect(level('W2', 1)).toBeFocused();
    await expect(panel().getByRole('heading')).toHaveText('W2 · Inovasi kebijakan/program');
    await expect(page.getByTestId('single-total')).toContainText('24,00 (1/5)');

    // W2 takes half points: a digit stays, so that "," can follow, as in the grid.
    await page.keyboard.press('3');
    await expect(level('W2', 3)).toBeFocused();
    await page.keyboard.press(',');
    await expect(page.getByTestId('mark-W2')).toHaveText(' · nilai 3,5');
    await expect(level('W2', 3)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('single-total')).toContainText('41,50 (2/5)');

    await page.keyboard.press('7');
    await expect(criterion('W2').getByRole('alert')).toHaveText('Nilai 7 di luar skala W2: 1–5, kelipatan 0,5.');
    await expect(page.getByTestId('mark-W2')).toHaveText(' · nilai 3,5');
    await page.keyboard.press('Tab');
    await expect(level('W3', 1)).toBeFocused();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.keyboard.press('0');
    await expect(criterion('W3').getByRole('alert')).toHaveText('Nilai 0 di luar skala W3: 1–5, kelipatan 1.');
    await expect(checked('W3')).toHaveCount(0);
  });

  test('arrow keys move a selection, saved once: on Enter, or on leaving the criterion; Esc drops it', async () => {
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(level('W3', 4)).toBeFocused();
    await expect(checked('W3')).toHaveCount(0);
    await expect(criterion('W3').getByTestId('pending-hint')).toContainText('Tingkat 4 dipilih, belum disimpan');
    await expect(page.getByTestId('single-total')).toContainText('(2/5)');
    await page.keyboard.press('Enter');
    await expect(level('W3', 4)).toHaveAttribute('aria-checked', 'true');
    await expect(level('W4', 1)).toBeFocused();

    // Back on W3: the rubric panel follows, and the history has one change, not one per arrow.
    await page.keyboard.press('Shift+Tab');
    await expect(level('W3', 4)).toBeFocused();
    await expect(panel().getByRole('heading')).toHaveText('W3 · Realisasi dan bukti');
    await expect(history()).toHaveText('Riwayat (1 perubahan)');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(level('W3', 4)).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Tab'); // leaving W3 saves the level selected, once
    await expect(level('W3', 2)).toHaveAttribute('aria-checked', 'true');
    await expect(level('W4', 1)).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(history()).toHaveText('Riwayat (2 perubahan)');
    await page.keyboard.press('Tab');

    await page.keyboard.press('End');
    await expect(level('W4', 5)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(level('W4', 1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(level('W4', 2)).toBeFocused();
    await expect(checked('W4')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(level('W4', 1)).toBeFocused();
    await expect(page.getByTestId('pending-hint')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await expect(level('W5', 1)).toBeFocused();
    await expect(checked('W4')).toHaveCount(0);
    await expect(page.getByTestId('single-total')).toContainText('(3/5)');
  });

  test('Ctrl+Z undoes as in the grid, going back to the criterion it changed; Backspace clears', async () => {
    await page.keyboard.press('Control+z');
    await expect(level('W3', 4)).toHaveAttribute('aria-checked', 'true');
    await expect(level('W3', 4)).toBeFocused();
    await expect(page.getByTestId('single-total')).toContainText('61,50 (3/5)');
    await page.keyboard.press('Backspace');
    await expect(checked('W3')).toHaveCount(0);
    await expect(page.getByTestId('single-total')).toContainText('41,50 (2/5)');
    await page.keyboard.press('Control+z');
    await expect(level('W3', 4)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('single-total')).toContainText('61,50 (3/5)');
  });

  test('the clock stays in view while the juror works down to the last criterion', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(level('W5', 1)).toBeFocused();
    await expect(panel().getByRole('heading')).toHaveText('W5 · Penguasaan materi');
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(100); // the page has scrolled down to W5
    const head = (await page.getByTestId('single-head').boundingBox())!;
    expect(head.y).toBeGreaterThanOrEqual(0);
    expect(head.y + head.height).toBeLessThanOrEqual(VIEWPORT.height);
    await expect(page.getByTestId('timer-clock')).toBeInViewport();
    const focused = (await level('W5', 1).boundingBox())!;
    expect(focused.y).toBeGreaterThanOrEqual(head.y + head.height - 1); // not hidden under the clock
    expect(focused.y + focused.height).toBeLessThanOrEqual(VIEWPORT.height);
  });

  test('a selection still pending is saved when the juror moves to the next nominee', async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(level('W5', 3)).toBeFocused();
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await expect(page.getByRole('heading', { level: 3, name: /^Kab\. Timor Tengah Utara/ })).toBeVisible();
    await expect(checked('W5')).toHaveCount(0);
    await page.getByRole('button', { name: '← Sebelumnya' }).click();
    await expect(level('W5', 3)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('single-total')).toContainText('(4/5)');
  });

  test('Space saves the level selected and moves on; once finalized, a digit is refused where the juror looks', async () => {
    await level('W4', 1).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await expect(level('W4', 3)).toHaveAttribute('aria-checked', 'true');
    await expect(level('W5', 3)).toBeFocused(); // on to W5, at its mark
    await expect(page.getByTestId('single-total')).toContainText('(5/5)');

    // The other four nominees, a digit per criterion, as fast as a juror types.
    for (let n = 2; n <= 5; n++) {
      await page.getByRole('button', { name: 'Berikutnya →' }).click();
      await level('W1', 1).focus();
      for (const key of ['3', '4', 'Tab', '5', '4', '3']) await page.keyboard.press(key); // W2 has half points: Tab moves on
      await expect(page.getByTestId('single-total')).toContainText('(5/5)');
    }
    await expect(page.getByTestId('progress')).toHaveText('25 dari 25 nilai');
    await page.keyboard.press('Alt+k');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('locked')).toBeVisible();

    await level('W1', 3).focus();
    await page.keyboard.press('2');
    await expect(criterion('W1').getByRole('alert')).toContainText('Sudah difinalisasi');
    await expect(level('W1', 3)).toHaveAttribute('aria-checked', 'true');
    await expect(checked('W1')).toHaveCount(1);
  });

  const cell = (nomineeId: string, code: string) => page.locator(`tr[data-nominee="${nomineeId}"] td[data-criterion="${code}"]`);

  test('the grid starts high and shows ten rows at 1366×768, with focus on the first mark still to give', async () => {
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Usaha Kecil Mikro' }).click();
    await expect(cell('ukm-01', 'UK1')).toBeFocused();
    const grid = (await page.locator('.grid-scroller').boundingBox())!;
    const rows = await page
      .locator('tr[data-nominee]')
      .evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    expect(rows[0].top).toBeLessThan(330); // it was at 579
    const inView = rows.filter((r) => r.top >= 0 && r.bottom <= Math.min(VIEWPORT.height, grid.y + grid.height));
    expect(inView.length).toBeGreaterThanOrEqual(10); // it was 4

    // Some marks given: back on the list and in again, focus is on the first one still to give.
    for (const mark of ['4', '3', '5', '2', '5', '4']) await page.keyboard.press(mark);
    await expect(cell('ukm-02', 'UK2')).toHaveAttribute('data-state', 'saved');
    await page.getByRole('button', { name: 'Kembali ke daftar penilaian' }).click();
    await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Usaha Kecil Mikro' }).click();
    await expect(cell('ukm-02', 'UK3')).toBeFocused();
    await expect(page.getByTestId('progress')).toHaveText(`6 dari ${UKM_NOMINEES * 4} nilai`);
  });

  test('Alt+C and Alt+K (and the links above the grid) reach the notes and Finalisasi without tabbing through the cells', async () => {
    await expect(page.getByRole('navigation', { name: 'Lompat ke' })).toBeVisible();
    await page.keyboard.press('Alt+c');
    await expect(page.getByLabel('Catatan untuk La Moringa')).toBeFocused();
    await page.keyboard.type('Pemilik terdaftar.');
    await page.keyboard.press('Shift+Tab'); // and back to the cell the juror left
    await expect(cell('ukm-02', 'UK3')).toBeFocused();
    await page.keyboard.press('Alt+k');
    const finalize = page.getByRole('button', { name: 'Finalisasi babak ini untuk kategori ini' });
    await expect(finalize).toBeFocused();
    await expect(finalize).toBeInViewport();

    await cell('ukm-03', 'UK1').click();
    await page.getByRole('button', { name: 'Catatan (Alt+C)' }).click();
    await expect(page.getByLabel('Catatan untuk UKM Ghaura')).toBeFocused();
    await page.getByRole('button', { name: 'Finalisasi (Alt+K)' }).click();
    await expect(finalize).toBeFocused();
  });
});
