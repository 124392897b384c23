/// <reference lib="dom" />
/**
 * Issue 19, "Accessibility" and "Look at it": every screen of the app, as a juror and as the secretariat
 * reach it at 1366×768, is scanned with axe-core (WCAG 2.1 A and AA rules): no serious or critical
 * violation. Every screen is photographed to tests/artifacts/screens/ (kept between runs, for a reviewer
 * who does not run the app). On the main screens every control is reached with Tab and shows its focus.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoDocument } from '../support/demo.ts';
import { startServer, type OwnServer } from './ux-server.ts';

const SCREENS = resolve(import.meta.dirname, '..', 'artifacts', 'screens');
mkdirSync(SCREENS, { recursive: true });
const VIEWPORT = { width: 1366, height: 768 };

test.describe.configure({ mode: 'serial' });

/** Pictures are numbered per walk-through ("juri-03-…"), so running one test renames nothing of another's. */
const counters = new Map<string, number>();
/** Scans the page as it is now with axe (no serious or critical finding) and keeps a picture of it. */
async function screen(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150); // let focus and scroll settle for the picture
  const walk = name.split('-')[0];
  const n = (counters.get(walk) ?? 0) + 1;
  counters.set(walk, n);
  await page.screenshot({ path: join(SCREENS, `${walk}-${String(n).padStart(2, '0')}-${name.slice(walk.length + 1) || walk}.png`) });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = grave
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n')}`,
    )
    .join('\n');
  expect(grave, `${name}: axe found\n${report}`).toEqual([]);
}

/**
 * Tabs through the whole page and checks that every control that can be used is reached by the keyboard,
 * and that the focused one shows an outline (its own, or its file button's label).
 */
async function everyControlByKeyboard(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.querySelectorAll('[data-reached]').forEach((el) => el.removeAttribute('data-reached'));
  });
  const unseen: string[] = [];
  let first: string | null = null;
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (!el.dataset.reachedId) el.dataset.reachedId = String(Math.random());
      el.setAttribute('data-reached', '');
      const shown = el.closest('.file-picker')?.querySelector<HTMLElement>('.button-like') ?? el;
      const style = getComputedStyle(shown);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return {
        id: el.dataset.reachedId,
        outlined,
        what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`,
      };
    });
    if (!state) continue;
    if (state.id === first) break;
    first ??= state.id;
    if (!state.outlined) unseen.push(state.what);
  }
  expect(unseen, `${name}: focused without a visible outline`).toEqual([]);
  const missed = await page.evaluate(() => {
    const visible = (el: HTMLElement) =>
      !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) || el.classList.contains('visually-hidden');
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')]
      .filter(
        (el) =>
          !(el as HTMLButtonElement).disabled &&
          el.getAttribute('tabindex') !== '-1' &&
          visible(el) &&
          !el.closest('details:not([open]) > :not(summary)'),
      )
      // A radio group is one stop: its checked radio (or its first, when none is checked).
      .filter((el) => {
        if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
        const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`)];
        return el.checked || (!group.some((r) => r.checked) && group[0] === el);
      });
    return controls
      .filter((el) => !el.hasAttribute('data-reached'))
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`);
  });
  expect(missed, `${name}: controls the keyboard never reached`).toEqual([]);
}

let juror: OwnServer;
let secretariat: OwnServer;
let damaged: OwnServer;

test.beforeAll(async () => {
  [juror, secretariat, damaged] = await Promise.all([
    startServer('a11y-juri'),
    startServer('a11y-sekretariat'),
    startServer('a11y-rusak', { damaged: true }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([juror?.stop(), secretariat?.stop(), damaged?.stop()]);
});

test("a juror's screens", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(VIEWPORT);
  await page.goto(juror.address);
  await screen(page, 'juri-awal-pengguna-baru');
  await everyControlByKeyboard(page, 'start');
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByRole('radio', { name: /^Saya J3/ })).toBeVisible();
  await screen(page, 'juri-pilih-identitas');
  await page.getByRole('radio', { name: /^Saya J3/ }).check();
  await page.getByRole('button', { name: 'Ini saya' }).click();
  await expect(page.getByTestId('identity')).toContainText('Saya J3');
  await screen(page, 'juri-beranda-tanpa-kunci');
  await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill('sandi-juri-tiga');
  await page.getByLabel('Ulangi frasa sandi').fill('sandi-juri-tiga');
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('own-fingerprint')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screen(page, 'juri-beranda');
  await everyControlByKeyboard(page, 'juror home');

  await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Usaha Kecil Mikro' }).click();
  await expect(page.locator('td[role="gridcell"][tabindex="0"]')).toBeFocused();
  for (const mark of [4, 3, 5, 4, 3]) await page.keyboard.press(String(mark));
  await screen(page, 'juri-tabel-nilai');
  await everyControlByKeyboard(page, 'scoring grid');
  await page.locator('tr[data-nominee] td[data-criterion="UK2"]').nth(1).click();
  await page.keyboard.press('9');
  await expect(page.getByTestId('cell-error')).toBeVisible();
  await screen(page, 'juri-tabel-nilai-ditolak');
  await page.getByRole('button', { name: 'Nyatakan benturan kepentingan…' }).click();
  await page.keyboard.type('Kerabat pemilik usaha');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('conflict-confirm')).toBeFocused();
  await screen(page, 'juri-benturan-konfirmasi');
  await page.getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('button', { name: 'Per nominasi' }).click();
  await screen(page, 'juri-per-nominasi');
  await everyControlByKeyboard(page, 'interview view');
  await page.getByRole('button', { name: 'Tabel' }).click();
  await page.getByRole('button', { name: 'Finalisasi babak ini untuk kategori ini' }).click();
  await expect(page.getByTestId('missing')).toBeVisible();
  await screen(page, 'juri-finalisasi-ditolak');
  await page.getByRole('button', { name: '← Kembali ke daftar penilaian' }).click();
  await page.getByRole('button', { name: 'Nilai: Wawancara, Pemerintah Kabupaten/Kota' }).click();
  await expect(page.getByTestId('single-head')).toBeVisible();
  await screen(page, 'juri-wawancara');

  // The same screens speak English too.
  await page.getByRole('button', { name: 'English' }).click();
  await screen(page, 'juri-wawancara-en');
  await page.getByRole('button', { name: '← Back to what I score' }).click();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('button', { name: '← Kembali ke awal' }).click();
  await screen(page, 'juri-awal-pengguna-kembali');
});

test("the secretariat's screens", async ({ page }) => {
  test.setTimeout(300_000);
  const event = demoDocument();
  const demo = await demoFiles(event);
  const dir = resolve(SCREENS, '..', 'a11y-files');
  mkdirSync(dir, { recursive: true });
  const put = (name: string, bytes: string | Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  await page.setViewportSize(VIEWPORT);
  await page.goto(secretariat.address);
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await screen(page, 'sekretariat-awal');
  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paritrana Award Tingkat Provinsi NTT 2025' })).toBeVisible();
  await screen(page, 'sekretariat-ringkasan');
  await everyControlByKeyboard(page, 'overview');
  for (const [tab, name] of [
    ['Data acara', 'data-acara'],
    ['Kriteria & rubrik', 'kriteria'],
    ['Konflik', 'konflik'],
    ['Paket', 'paket'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await screen(page, `sekretariat-${name}`);
  }
  await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill('sandi-sekretariat');
  await page.getByLabel('Ulangi frasa sandi').fill('sandi-sekretariat');
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('own-fingerprint')).toBeVisible();
  await screen(page, 'sekretariat-paket-kunci');

  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page
    .getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)')
    .setInputFiles(event.jurors.map((j) => put(`${j.id}.timbang-enrol`, demo.enrolments.get(j.id)!)));
  await expect(page.locator('tr[data-juror="J9"] .fingerprint')).toBeVisible();
  await screen(page, 'sekretariat-juri');
  await everyControlByKeyboard(page, 'jurors');

  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await screen(page, 'sekretariat-lembar-kosong');
  await page
    .getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)')
    .setInputFiles([...event.jurors.map((j) => put(`${j.id}.xlsx`, demo.sheets.get(j.id)!)), put('kosong.xlsx', '')]);
  await expect(page.getByText('10 dari 10 berkas diperiksa')).toBeVisible({ timeout: 30_000 });
  await screen(page, 'sekretariat-lembar');
  await page.getByTestId('completeness').scrollIntoViewIfNeeded();
  await screen(page, 'sekretariat-kelengkapan');
  await everyControlByKeyboard(page, 'sheets');

  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  await expect(page.locator('tr[data-ranked]').first()).toBeVisible({ timeout: 30_000 });
  await screen(page, 'sekretariat-rekapitulasi');
  await page.locator('tr[data-ranked] th button').first().click();
  await screen(page, 'sekretariat-protokol-nominasi');
  await page.getByRole('button', { name: 'Pratinjau cetak' }).click();
  await expect(page.getByTestId('report-preview')).toBeVisible();
  await page.waitForTimeout(1500);
  await screen(page, 'sekretariat-pratinjau-laporan');
});

test('the recovery screen of a damaged workspace', async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  await page.goto(damaged.address);
  await expect(page.getByRole('heading', { level: 1, name: 'Berkas kerja tidak dapat dibuka' })).toBeVisible();
  await screen(page, 'pemulihan-berkas-kerja-rusak');
  await everyControlByKeyboard(page, 'recovery');
});
