import { expect, test } from '@playwright/test';
import { withToken } from '../support/e2e-bridge.ts';

test.describe('renderer shell in Chromium through the browser bridge', () => {
  test('switches Indonesian → English → Indonesian', async ({ page }) => {
    await page.goto(withToken('/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Timbang');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Open the demo event' })).toBeVisible();

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Timbang');
    await expect(page.getByRole('radio', { name: /Sekretariat/ })).toBeVisible();
  });

  test('opens the demo event with the keyboard alone: 8 categories and 40 nominees read from SQLite', async ({ page }) => {
    await page.goto(withToken('/'));
    // Focus order: skip link, the two language buttons, the role radios, the demo button.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Lompat ke isi' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Bahasa Indonesia' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'English' })).toBeFocused();
    // A returning user's events come first (issue 19): their buttons, if this workspace has any, then the roles.
    const juri = page.getByRole('radio', { name: /^Juri/ });
    for (let i = 0; i < 6 && !(await juri.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(juri).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /^Sekretariat/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Buka acara demo' })).toBeFocused();

    const nomineesResponse = page.waitForResponse((r) => r.url().endsWith('/api/listNominees'));
    await page.keyboard.press('Enter');
    const envelope = (await (await nomineesResponse).json()) as { ok: boolean; value: { name: string }[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value).toHaveLength(40);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paritrana Award Tingkat Provinsi NTT 2025');
    await expect(page.getByText('periode penilaian 1 Januari 2024 s.d. 31 Desember 2024')).toBeVisible();
    await expect(page.getByText('Peran: Sekretariat')).toBeVisible();
    await expect(page.getByText(/nominasi bertanda † fiktif/)).toBeVisible();
    await expect(page.getByTestId('event-totals')).toHaveText('8 kategori, 40 nominasi');
    await expect(page.locator('section[data-category]')).toHaveCount(8);
    await expect(page.locator('tr[data-nominee]')).toHaveCount(40);
    for (const name of [
      'Pemerintah Kabupaten/Kota',
      'Pemerintah Desa/Kelurahan',
      'Usaha Kecil Mikro',
      'Jasa Keuangan',
      'Pelayanan Kesehatan',
      'Perdagangan, Jasa & Pendidikan',
      'Manufaktur, Pertambangan & Konstruksi',
      'Pertanian, Perkebunan, Peternakan & Perikanan',
    ]) {
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(`^${name.replace(/[/&]/g, '\\$&')} \\(5 nominasi\\)`) }),
      ).toBeVisible();
    }
    const jasaKeuangan = page.locator('section[data-category="jasa-keuangan"] tbody tr');
    await expect(jasaKeuangan).toHaveCount(5);
    await expect(jasaKeuangan.first()).toContainText('Kopdit TLM');
    await expect(page.locator('tr[data-nominee="manufaktur-04"]')).toContainText('PT Karang Batu Konstruksi †');
    await expect(page.locator('tr[data-nominee="manufaktur-04"]')).toContainText('Fiktif (demo)');

    // The names are not baked into the page: the renderer bundle carries no nominee data.
    const scripts = await page.locator('script[src]').all();
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const bundle = await (await page.request.get((await script.getAttribute('src'))!)).text();
      expect(bundle).toContain('window.timbang'); // the right file: the renderer bundle
      expect(bundle).not.toContain('Kopdit Swastisari');
    }
  });

  test('filters one category, shows English names, and finds the event again after a reload', async ({ page }) => {
    await page.goto(withToken('/'));
    await page.getByRole('radio', { name: /^Sekretariat/ }).check();
    await page.getByRole('button', { name: 'Buka acara demo' }).click();
    await page.getByLabel('Tampilkan kategori').selectOption({ label: 'Pelayanan Kesehatan' });
    await expect(page.locator('tr[data-nominee]')).toHaveCount(5);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Health Services/ })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Nominee' })).toBeVisible();
    await expect(page.getByText('period assessed 1 January 2024 to 31 December 2024')).toBeVisible();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Acara di berkas kerja ini' })).toBeVisible();
    await page.getByRole('button', { name: 'Buka: Paritrana Award Tingkat Provinsi NTT 2025' }).click();
    await expect(page.locator('tr[data-nominee]')).toHaveCount(40);
  });
});
