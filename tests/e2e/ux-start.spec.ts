/**
 * Issue 19, item 5: a returning user's own event ("continue where I was") comes first on the start screen,
 * above the demo and within the first screen at 1366×768, also after a restart; and (item 4) coming back
 * from an event puts the keyboard on that event's button.
 */
import { expect, test } from '@playwright/test';
import { startServer, type OwnServer } from './ux-server.ts';

let server: OwnServer;

test.beforeAll(async () => {
  server = await startServer('mulai');
});

test.afterAll(async () => {
  await server?.stop();
});

test('the event of this workspace is offered first, above the demo, on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(server.address);
  // A new user: the welcome and the demo, nothing to continue.
  await expect(page.getByTestId('continue')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Buka acara demo' })).toHaveClass(/primary/);

  await page.getByRole('button', { name: 'Buka acara demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paritrana Award Tingkat Provinsi NTT 2025' })).toBeVisible();
  await page.getByRole('button', { name: '← Kembali ke awal' }).click();

  const open = page.getByRole('button', { name: 'Buka: Paritrana Award Tingkat Provinsi NTT 2025' });
  await expect(open).toBeFocused(); // item 4: back where one left
  for (const reload of [false, true]) {
    if (reload) await page.reload(); // the next day: the app starts again
    const continueBox = await page.getByTestId('continue').boundingBox();
    const demoBox = await page.getByRole('button', { name: 'Buka acara demo' }).boundingBox();
    expect(continueBox && demoBox && continueBox.y < demoBox.y).toBe(true);
    const openBox = await open.boundingBox();
    expect(openBox!.y + openBox!.height).toBeLessThan(768); // above the fold
    await expect(open).toHaveClass(/primary/);
    await expect(page.getByRole('button', { name: 'Buka acara demo' })).not.toHaveClass(/primary/);
  }
});
