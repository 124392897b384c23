/**
 * A national-scale event on a juror's laptop: 2,000 nominees in one category. The grid renders only the
 * rows in view (virtualised), filters as the juror types, and scores as usual.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoPackage } from '../../src/services/packages/event-package.ts';
import { demoDocument } from '../support/demo.ts';
import { withToken } from '../support/e2e-bridge.ts';

test('2,000 nominees: virtualised rows, filter as you type, scoring', async ({ page }) => {
  const event = demoDocument();
  event.id = 'paritrana-nasional-2025';
  event.name = 'Paritrana Award Nasional 2025 (uji skala)';
  event.conflicts = [];
  // The demo's evidence names its own nominees, which this event replaces.
  delete event.figures;
  delete event.documents;
  event.nominees = Array.from({ length: 2000 }, (_, i) => ({
    id: `ukm-${String(i + 1).padStart(4, '0')}`,
    categoryId: 'ukm',
    name: `Usaha Mikro Nomor ${i + 1}`,
    region: i % 2 ? 'Kota Kupang' : 'Sumba Barat Daya',
    fictional: true,
    attributes: {},
  }));
  const file = join(mkdtempSync(join(tmpdir(), 'timbang-large-')), 'nasional.timbang');
  writeFileSync(file, demoPackage(event).text); // signed by a throwaway secretariat key

  await page.goto(withToken('/'));
  await page.getByLabel('Impor paket acara (.timbang)').setInputFiles(file);
  await page.getByRole('radio', { name: /^Saya J1 — / }).check();
  await page.getByRole('button', { name: 'Ini saya' }).click();
  await expect(page.locator('[data-assignment="wawancara/ukm"]')).toContainText('Menunggu daftar pendek');
  await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Usaha Kecil Mikro' }).click();

  const grid = page.getByRole('grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '2001');
  const rendered = await page.locator('tr[data-nominee]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await page.getByRole('searchbox', { name: 'Cari nama atau wilayah' }).fill('nomor 1999');
  await expect(page.locator('tr[data-nominee]')).toHaveCount(1);
  await page.locator('tr[data-nominee="ukm-1999"] td[data-criterion="UK1"]').click();
  await page.keyboard.press('4');
  await expect(page.locator('tr[data-nominee="ukm-1999"] td[data-criterion="UK1"]')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('searchbox', { name: 'Cari nama atau wilayah' }).fill('kupang nomor 2000');
  await expect(page.locator('tr[data-nominee]')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Cari nama atau wilayah' }).fill('');
  await expect(grid).toHaveAttribute('aria-rowcount', '2001');
});
