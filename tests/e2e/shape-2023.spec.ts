/**
 * Issue 16's acceptance, end to end in the secretariat's app: the 2023 shape of the Paritrana Award NTT.
 * Eight categories with 12/6/6/5/6/3/6/6 places (50 places) come from an Excel template (with its "Dasar"
 * and the Berita Acara's number); five jurors' signed sheets are imported and merged; the plenary names a
 * special award ("Terbaik Coverage") beside Terbaik Umum's three, which makes 2023's 54 awards; the audit
 * fails until the one disagreement flag is discussed and a second person confirms the verification
 * appendix; the Berita Acara prints as DRAF meanwhile; the results are fixed; and the Berita Acara's text
 * (pdftotext) then lists exactly 54 awards, each in its place, as version 1 with signature lines. The
 * nominees are fictional (†): demo marks, not results.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Criterion, Event, Nominee } from '../../src/core/model.ts';
import { writeEventTemplate } from '../../src/services/events/event-template.ts';
import type { UnlockedKey } from '../../src/services/keys/key-store.ts';
import { fingerprint, publicKeyText } from '../../src/services/keys/signing.ts';
import { writeEnrolment } from '../../src/services/packages/enrolment.ts';
import { writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { sheetPayload } from '../../src/services/sheets/sheet-export.ts';
import { WORKSPACES } from '../playwright.config.ts';
import { withToken } from '../support/e2e-bridge.ts';

const URL = `http://127.0.0.1:${WORKSPACES.bentuk2023}/`;
const PASSPHRASE = 'sasando-kupang-2023';
const EVENT_ID = 'paritrana-ntt-2023';

/** NTT 2023's categories in the order of the published list, with their places. */
const CATEGORIES = [
  { id: 'pemkab', id_: 'Pemerintah Kabupaten/Kota', en: 'Regency/City Government', places: 12, prefix: 'Kabupaten Uji' },
  { id: 'jasa-keuangan', id_: 'Jasa Keuangan', en: 'Financial Services', places: 6, prefix: 'Koperasi Uji' },
  { id: 'pendidikan', id_: 'Pendidikan', en: 'Education', places: 6, prefix: 'Sekolah Uji' },
  { id: 'perdagangan', id_: 'Perdagangan', en: 'Trade', places: 5, prefix: 'Toko Uji' },
  { id: 'pertanian', id_: 'Pertanian', en: 'Agriculture', places: 6, prefix: 'Kebun Uji' },
  { id: 'manufaktur', id_: 'Manufaktur/Konstruksi', en: 'Manufacturing/Construction', places: 3, prefix: 'Pabrik Uji' },
  { id: 'pemdes', id_: 'Pemerintah Desa', en: 'Village Government', places: 6, prefix: 'Desa Uji' },
  { id: 'ukm', id_: 'Usaha Kecil Mikro', en: 'Micro and Small Enterprises', places: 6, prefix: 'Usaha Uji' },
];
const JURORS = ['J1', 'J2', 'J3', 'J4', 'J5'];

function key(): UnlockedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const text = publicKeyText(publicKey);
  return { privateKey, publicKey: text, fingerprint: fingerprint(text) };
}

/** The 2023 event: one round, three criteria on a 1–10 scale; two nominees more than places in each category. */
function event2023(): Event {
  const categoryIds = CATEGORIES.map((c) => c.id);
  const rubric = Array.from({ length: 10 }, (_, i) => ({ score: i + 1, text: { id: `Tingkat ${i + 1}`, en: `Level ${i + 1}` } }));
  const criterion = (code: string, weight: number, id: string, en: string): Criterion => ({
    code,
    roundId: 'penilaian',
    categoryIds,
    label: { id, en },
    weight,
    scale: { min: 1, max: 10, step: 0.5 },
    rubric,
  });
  const nominees: Nominee[] = CATEGORIES.flatMap((c) =>
    Array.from({ length: c.places + 2 }, (_, i) => ({
      id: `${c.id}-${String(i + 1).padStart(2, '0')}`,
      categoryId: c.id,
      name: `${c.prefix} ${String(i + 1).padStart(2, '0')}`,
      region: 'Nusa Tenggara Timur',
      fictional: true,
      attributes: {},
    })),
  );
  return {
    format: 'timbang.event',
    formatVersion: 1,
    id: EVENT_ID,
    name: 'Paritrana Award Tingkat Provinsi NTT 2023 (bentuk uji)',
    yearHeld: 2023,
    periodAssessed: { start: '2022-01-01', end: '2022-12-31' },
    place: 'Kupang',
    schedule: { plenary: '2023-07-14' },
    categories: CATEGORIES.map((c) => ({ id: c.id, name: { id: c.id_, en: c.en }, places: c.places })),
    rounds: [{ id: 'penilaian', order: 1, name: { id: 'Penilaian', en: 'Assessment' }, weight: 100, categoryIds, shortlistSize: null }],
    criteria: [
      criterion('K1', 40, 'Kepesertaan', 'Coverage'),
      criterion('K2', 30, 'Kepatuhan iuran', 'Contribution compliance'),
      criterion('K3', 30, 'Inovasi', 'Innovation'),
    ],
    nominees,
    jurors: JURORS.map((id, i) => ({
      id,
      role: i === 0 ? 'ketua' : i === 1 ? 'sekretaris' : 'anggota',
      title: `Anggota Tim Penilai ${id}`,
      institution: 'Tim Penilai Paritrana NTT',
    })),
    conflicts: [],
    merge: {
      rule: 'mean',
      tieBreak: [{ kind: 'plenary' }],
      disagreementThreshold: 2,
      winnersPerCategory: 3,
      overall: {
        name: { id: 'Terbaik Umum Paritrana Award NTT 2023', en: 'Overall best, Paritrana Award NTT 2023' },
        categoryIds: ['jasa-keuangan', 'pendidikan', 'perdagangan', 'pertanian', 'manufaktur'],
        size: 3,
      },
    },
    minutes: {
      decrees: [
        'Keputusan Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan Nomor 28 Tahun 2023 tentang Penetapan Panitia Penghargaan Jaminan Sosial Ketenagakerjaan',
      ],
      panelDecree: 'SK/TP-PARITRANA/NTT/2023',
      number: 'BA/PARITRANA-NTT/2023',
    },
  };
}

/** Every juror's marks: nominee i of category c scores lower the later it is listed (so ranks follow the list); J5 strays on one. */
function marksOf(event: Event, jurorId: string) {
  return event.nominees.flatMap((nominee) => {
    const c = CATEGORIES.findIndex((k) => k.id === nominee.categoryId);
    const i = Number(nominee.id.slice(-2)) - 1;
    const values = { K1: 10 - 0.5 * i, K2: 10 - 0.5 * i, K3: Math.max(1, 10 - 0.5 * i - 0.5 * c) };
    if (jurorId === 'J5' && nominee.id === 'pemkab-01') values.K1 = 7; // three from the panel's 10: one disagreement flag
    return Object.entries(values).map(([criterionCode, value]) => ({ roundId: 'penilaian', nomineeId: nominee.id, criterionCode, value }));
  });
}

async function prepareFiles(dir: string) {
  const event = event2023();
  const template = join(dir, 'acara-2023.xlsx');
  writeFileSync(template, await writeEventTemplate(event));
  const enrolments: string[] = [];
  const sheets: string[] = [];
  for (const jurorId of JURORS) {
    const k = key();
    const name = `Penilai ${jurorId} (uji)`;
    const enrolment = join(dir, `${jurorId}.timbang-enrol`);
    writeFileSync(enrolment, writeEnrolment(EVENT_ID, jurorId, name, k));
    enrolments.push(enrolment);
    const payload = sheetPayload({
      event,
      jurorId,
      jurorName: name,
      roundIds: ['penilaian'],
      marks: marksOf(event, jurorId),
      notes: [],
      conflicts: new Map(),
      declaredConflicts: [],
      isFinalized: () => true,
      packageRevision: 1,
      sheetRevision: 1,
      exportedAt: new Date().toISOString(),
      key: k,
    });
    const sheet = join(dir, `${jurorId}.xlsx`);
    writeFileSync(sheet, await writeScoreSheet(payload, k));
    sheets.push(sheet);
  }
  return { event, template, enrolments, sheets };
}

async function savedPdfText(page: Page): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const pdf = await pending;
  return execFileSync('pdftotext', ['-layout', (await pdf.path())!, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** No serious or critical WCAG 2.1 A/AA finding on the screen as it is now (as tests/e2e/a11y.spec.ts asks of every screen). */
async function accessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    grave.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
    name,
  ).toEqual([]);
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** A fictional nominee's name as pdftotext reads it (it may set the † apart). */
const printed = (name: string) => `${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ?†`;

test('the 2023 shape: 54 awards fixed from an Excel template, audited, and printed in their places', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'timbang-2023-'));
  const files = await prepareFiles(dir);

  await page.goto(withToken(URL));
  await page.getByRole('radio', { name: /^Sekretariat/ }).check();
  await page.getByLabel('Impor templat Excel').setInputFiles(files.template);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paritrana Award Tingkat Provinsi NTT 2023 (bentuk uji)');
  await expect(page.locator('tr[data-nominee]')).toHaveCount(66);

  await page.getByRole('tab', { name: 'Paket' }).click();
  await page.getByLabel('Frasa sandi (minimal 8 karakter)').fill(PASSPHRASE);
  await page.getByLabel('Ulangi frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^\d{5}( \d{5}){4}$/);

  await page.getByRole('tab', { name: 'Kehadiran' }).click();
  await expect(page.getByTestId('assignments')).toContainText('wajib');
  await accessible(page, 'Kehadiran');

  await page.getByRole('tab', { name: 'Juri & kunci' }).click();
  await page.getByLabel('Impor berkas pendaftaran juri (.timbang-enrol)').setInputFiles(files.enrolments);
  await expect(page.locator('tr[data-juror="J5"]')).toContainText('Penilai J5 (uji)');

  await page.getByRole('tab', { name: 'Lembar nilai' }).click();
  await page.getByLabel('Impor lembar nilai juri (.xlsx, boleh banyak)').setInputFiles(files.sheets);
  await expect(page.getByText('5 dari 5 berkas diperiksa')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('completeness').locator('td.cell-received')).toHaveCount(5 * 8);

  // Each category's own places, on the results screen.
  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  for (const c of CATEGORIES) await expect(page.getByTestId(`places-${c.id}`)).toContainText(`${c.places} tempat pemenang`);
  const pemkab = page.locator('section[data-result="pemkab"]');
  await expect(pemkab.locator('tr[data-ranked="pemkab-12"] td').first()).toHaveText(/^12 · Terbaik 12/);
  await expect(pemkab.locator('tr[data-ranked="pemkab-13"] td').first()).toHaveText(/^13$/);
  // The plenary names a special award across the event, with who and why.
  const special = page.locator('[data-awards="event"]');
  await special.getByRole('button', { name: 'Catat penghargaan khusus…' }).click();
  await special.getByLabel('Nama penghargaan').fill('Terbaik Coverage');
  await special.getByLabel('Nominasi').selectOption('ukm-02');
  await special.getByLabel('Alasan').fill('Cakupan kepesertaan pekerja rentan tertinggi di provinsi');
  await special.getByLabel('Diputuskan oleh').fill('Rapat pleno Tim Penilai');
  await special.getByRole('button', { name: 'Catat penghargaan khusus' }).click();
  await expect(special.locator('[data-special="Terbaik Coverage"]')).toContainText(
    'Usaha Uji 02 — Cakupan kepesertaan pekerja rentan tertinggi di provinsi',
  );

  // Before the audit passes, the Berita Acara is a draft without signatures.
  const draft = flat(await savedPdfText(page));
  expect(draft).toContain('DRAF — belum ditetapkan');
  expect(draft).not.toContain('Tanda Tangan');

  // The audit names what fails; the flag is discussed, a second person confirms the files; it passes.
  await page.getByRole('tab', { name: 'Pemeriksaan' }).click();
  await expect(page.getByTestId('audit-status')).toContainText('Belum lolos: 2 butir gagal');
  await accessible(page, 'Pemeriksaan');
  await expect(page.locator('[data-audit-item="flags"]')).toContainText(
    'J5 · Penilaian · Kabupaten Uji 01† · K1: nilai 7, median panel 10',
  );
  await page.getByLabel('Oleh (nama)').fill('Rapat pleno Tim Penilai');
  await page.getByLabel('Catatan').fill('Dibahas: J5 menilai data kepesertaan tahun sebelumnya');
  await page.getByRole('button', { name: 'Tandai 1 tanda sudah dibahas' }).click();
  await expect(page.locator('[data-audit-item="flags"]')).toHaveAttribute('data-ok', 'true');
  await page.getByLabel('Operator (nama)').fill('Yohanes Operator');
  await page.getByLabel('Dikonfirmasi oleh (nama, bukan operator)').fill('Yohanes Operator');
  await page.getByRole('button', { name: 'Konfirmasi lampiran verifikasi' }).click();
  await expect(page.getByRole('alert')).toContainText('orang kedua, bukan operator');
  await page.getByLabel('Dikonfirmasi oleh (nama, bukan operator)').fill('Maria Pemeriksa');
  await page.getByRole('button', { name: 'Konfirmasi lampiran verifikasi' }).click();
  await expect(page.getByTestId('audit-status')).toHaveText('Pemeriksaan lolos: hasil dapat ditetapkan.');

  // Tetapkan hasil.
  await page.getByRole('tab', { name: 'Penetapan' }).click();
  await expect(page.getByTestId('awards-list')).toContainText('Pemerintah Kabupaten/Kota: Terbaik 1 Kabupaten Uji 01');
  await accessible(page, 'Penetapan');
  await page.getByLabel('Ditetapkan oleh').fill('Ketua Tim Penilai');
  await page.getByRole('button', { name: 'Tetapkan hasil' }).click();
  await expect(page.getByTestId('penetapan-status')).toContainText('Hasil ditetapkan: penetapan versi 1 oleh Ketua Tim Penilai');
  await expect(page.getByTestId('penetapan-status')).toContainText('Berita Acara dicetak final.');

  // The final Berita Acara: exactly 54 awards, each in its place.
  await page.getByRole('tab', { name: 'Rekapitulasi' }).click();
  const text = flat(await savedPdfText(page));
  expect(text).not.toContain('DRAF');
  const minutes = text.slice(text.lastIndexOf('BERITA ACARA'));
  expect(minutes).toContain('Nomor: BA/PARITRANA-NTT/2023 · Versi 1');
  expect(minutes).toContain('Dasar: 1. Keputusan Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan Nomor 28 Tahun 2023');
  expect(minutes).toContain(
    '2. Surat Keputusan tentang Tim Penilai Paritrana Award Tingkat Provinsi NTT 2023 (bentuk uji) Nomor SK/TP-PARITRANA/NTT/2023',
  );
  expect(minutes).not.toContain('tidak ditetapkan');
  expect(minutes).toContain('Tanda Tangan');
  const places = [...minutes.matchAll(/Terbaik (\d+) (\S)/g)];
  const specials = [...minutes.matchAll(/Terbaik Coverage: /g)];
  expect(places.length + specials.length).toBe(54);
  expect(specials).toHaveLength(1);
  // In the right places: each category's heading, then Terbaik 1..N in the listed order; then Terbaik Umum's three.
  let from = 0;
  CATEGORIES.forEach((c, index) => {
    const heading = `${'ABCDEFGH'[index]}. ${c.id_}`;
    const at = minutes.indexOf(heading, from);
    expect(at, heading).toBeGreaterThanOrEqual(from);
    const next =
      index + 1 < CATEGORIES.length
        ? minutes.indexOf(`${'ABCDEFGH'[index + 1]}. ${CATEGORIES[index + 1].id_}`, at)
        : minutes.indexOf('Penghargaan Khusus', at);
    const block = minutes.slice(at, next);
    const listed = [...block.matchAll(/Terbaik (\d+) (\S+ Uji \d\d)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(listed, c.id_).toEqual(Array.from({ length: c.places }, (_, i) => `${i + 1} ${c.prefix} ${String(i + 1).padStart(2, '0')}`));
    from = at;
  });
  expect(minutes).toMatch(
    new RegExp(
      `Terbaik Coverage: ${printed('Usaha Uji 02')} \\(Usaha Kecil Mikro\\) — Cakupan kepesertaan pekerja rentan tertinggi di provinsi`,
    ),
  );
  // Terbaik Umum among the business categories' winners: Jasa Keuangan's, Pendidikan's, Perdagangan's (innovation gives the order).
  expect(minutes).toMatch(
    new RegExp(
      `Terbaik Umum Paritrana Award NTT 2023 Nilai Akhir Terbaik 1 ${printed('Koperasi Uji 01')} .*Terbaik 2 ${printed('Sekolah Uji 01')} .*Terbaik 3 ${printed('Toko Uji 01')}`,
    ),
  );
});
