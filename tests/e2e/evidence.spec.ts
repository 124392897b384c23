/**
 * Issue 17 (evidence) on a juror's laptop: scoring Seleksi Administrasi for Pemerintah Kabupaten/Kota, the
 * juror sees the nominee's figure beside the criterion it informs (PD3: "Cakupan kepesertaan 34,90 %", with
 * its source and date), the figure of the nominee in focus only, and none beside a criterion it does not inform.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import type { Event } from '../../src/core/model.ts';
import { fingerprint, publicKeyText } from '../../src/services/keys/signing.ts';
import { readPackage, writePackage } from '../../src/services/packages/event-package.ts';
import { writeEventTemplate } from '../../src/services/events/event-template.ts';
import { bundleDocuments } from '../../src/services/packages/package-documents.ts';
import { demoDocument } from '../support/demo.ts';
import { startServer, type OwnServer } from './ux-server.ts';

test.describe.configure({ mode: 'serial' });

const cell = (page: Page, nominee: string, criterion: string) =>
  page.locator(`tr[data-nominee="${nominee}"] td[data-criterion="${criterion}"]`);

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

/** A real 1×1 PNG (an image the page can decode), made here: signature, IHDR, IDAT, IEND. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xc0, 0x10, 0x20]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test.describe('documents opened offline from the package (issue 17)', () => {
  let own: OwnServer;
  let dir: string;
  test.beforeAll(async () => {
    own = await startServer('dokumen');
    dir = mkdtempSync(join(tmpdir(), 'timbang-dokumen-'));
  });
  test.afterAll(async () => {
    await own?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a juror opens a nominee's PDF and photo from the package, with the network blocked", async ({ page }) => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const event: Event = {
      ...demoDocument(),
      documents: [
        { nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf', kind: 'perda' },
        { nomineeId: 'pemkab-01', fileName: 'foto-kegiatan.png', kind: 'foto' },
      ],
    };
    const bundled = bundleDocuments(
      event,
      new Map([
        ['pemkab-01/Perda-Nagekeo.pdf', pdf],
        ['pemkab-01/foto-kegiatan.png', tinyPng()],
      ]),
    );
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyText = publicKeyText(publicKey);
    const file = join(dir, 'acara.timbang');
    writeFileSync(
      file,
      writePackage(
        bundled.event,
        1,
        '2025-06-01T00:00:00.000Z',
        [],
        { privateKey, publicKey: keyText, fingerprint: fingerprint(keyText) },
        {},
        bundled.documents,
      ),
    );

    const outside: string[] = [];
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => {
        outside.push(route.request().url());
        return route.abort();
      },
    );
    await page.goto(own.address);
    await page.getByLabel('Impor paket acara (.timbang)').setInputFiles(file);
    await page.getByRole('radio', { name: /^Saya J3 — Kepala Disnakertrans/ }).check();
    await page.getByRole('button', { name: 'Ini saya' }).click();
    await page.getByRole('button', { name: 'Nilai: Seleksi Administrasi, Pemerintah Kabupaten/Kota' }).click();
    await cell(page, 'pemkab-01', 'PD3').click();

    const documents = page.getByTestId('nominee-documents');
    await expect(documents).toContainText('Perda-Nagekeo.pdf');
    await documents.getByRole('button', { name: 'Buka Perda-Nagekeo.pdf' }).click();
    const frame = page.getByTestId('document-view').locator('iframe');
    await expect(frame).toHaveAttribute('src', /^blob:/);
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(frame).toHaveAttribute('title', 'Perda-Nagekeo.pdf');

    await documents.getByRole('button', { name: 'Buka foto-kegiatan.png' }).click();
    const image = page.getByTestId('document-view').getByRole('img', { name: 'foto-kegiatan.png' });
    await expect(image).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    // Another nominee's documents are not listed with this one.
    await cell(page, 'pemkab-02', 'PD3').click();
    await expect(page.getByTestId('nominee-documents')).toHaveCount(0);
    expect(outside).toEqual([]);
  });
});

test.describe('the secretariat bundles the listed documents into the package (issue 17)', () => {
  let own: OwnServer;
  let dir: string;
  test.beforeAll(async () => {
    own = await startServer('dokumen-sekretariat');
    dir = mkdtempSync(join(tmpdir(), 'timbang-dokumen-s-'));
  });
  test.afterAll(async () => {
    await own?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a template listing a Perda: exporting without its file is refused naming it; with it, the package pins its hash', async ({
    page,
  }) => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const template = join(dir, 'acara.xlsx');
    writeFileSync(
      template,
      await writeEventTemplate({
        ...demoDocument(),
        documents: [{ nomineeId: 'pemkab-01', fileName: 'Perda-Nagekeo.pdf', kind: 'perda' }],
      }),
    );
    writeFileSync(join(dir, 'Perda-Nagekeo.pdf'), pdf);
    await page.goto(own.address);
    await page.getByRole('radio', { name: /^Sekretariat/ }).check();
    await page.getByLabel('Impor templat Excel').setInputFiles(template);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paritrana Award Tingkat Provinsi NTT 2025');
    await page.getByRole('tab', { name: 'Paket' }).click();
    await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill('sandi-sekretariat');
    await page.getByLabel('Ulangi frasa sandi').fill('sandi-sekretariat');
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    await expect(page.getByTestId('own-fingerprint')).toHaveText(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);

    await page.getByRole('button', { name: 'Ekspor paket acara (.timbang)' }).click();
    await expect(page.getByRole('alert')).toContainText('Dokumen Perda-Nagekeo.pdf (pemkab-01): berkasnya tidak ada.');

    await page.getByLabel(/^Dokumen nominasi \(1 tercantum di sheet Dokumen/).setInputFiles(join(dir, 'Perda-Nagekeo.pdf'));
    await expect(page.getByTestId('package-documents')).toHaveText('1 dari 1 dokumen dipilih');
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor paket acara (.timbang)' }).click();
    const saved = join(dir, 'paket.timbang');
    await (await pending).saveAs(saved);
    const pkg = readPackage(readFileSync(saved), 'paket.timbang');
    expect(pkg.event.documents?.[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(pkg.documents.get('pemkab-01/Perda-Nagekeo.pdf')!).equals(pdf)).toBe(true);
  });
});
