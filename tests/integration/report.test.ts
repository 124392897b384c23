/**
 * The deliberation report: the date in words of the Berita Acara, the HTML (escaping, no script, joint
 * ranks and plenary decisions, English), and `timbang report` on the demo's nine signed sheets read back
 * with pdftotext: every category's Terbaik 1–3 in the published order, the overall three, the plenary
 * date in words, the nine signature blocks and the results hash in the footer of every page.
 * Needs Debian's chromium and poppler-utils; missing tools fail the tests with that message.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deliberation } from '../../src/api/contract.ts';
import { AppError } from '../../src/api/errors.ts';
import { main } from '../../src/cli/main.ts';
import type { Event } from '../../src/core/model.ts';
import { demoFiles } from '../../src/services/demo/demo-files.ts';
import { demoScores } from '../../src/services/demo/demo-scores.ts';
import { deliberate } from '../../src/services/merge/deliberation.ts';
import { dateInWords, formatRange, numberInWords } from '../../src/services/printing/date-words.ts';
import { pageFrame } from '../../src/services/report/page-frame.ts';
import { reportHtml } from '../../src/services/report/report-html.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { demoDocument, tempDir } from '../support/demo.ts';
import { stageAttack, type StagedAttack } from '../support/secretariat-attack.ts';

const exec = promisify(execFile);
const INSTALL = 'apt-get install -y chromium poppler-utils';
const TIMEOUT = 120_000;
const PLENARY_WORDS = 'Jumat tanggal Empat bulan Juli tahun Dua Ribu Dua Puluh Lima';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function pdftotext(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  try {
    return (await exec('pdftotext', ['-layout', ...range, pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw new Error(`pdftotext is not installed; install it with: ${INSTALL}`);
    throw error;
  }
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await exec('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** Whitespace (line breaks and layout padding included) folded to single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Each needle found after the previous one. */
function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

/** The demo deliberated straight from its generated marks (no files), for HTML-level checks. */
function demoDeliberation(event: Event): Deliberation {
  const { marks } = demoScores(event);
  return deliberate(event, 'mean', { files: [], completeness: {}, marks, conflicts: [], jurorNames: {} }, [], []);
}

describe('the date in words of the Berita Acara', () => {
  it('writes day name, day, month and year as the formula does', () => {
    expect(dateInWords('2025-07-04')).toBe(PLENARY_WORDS);
    expect(dateInWords('2024-02-29')).toBe('Kamis tanggal Dua Puluh Sembilan bulan Februari tahun Dua Ribu Dua Puluh Empat');
    expect(dateInWords('2000-01-01')).toBe('Sabtu tanggal Satu bulan Januari tahun Dua Ribu');
    expect(dateInWords('2019-08-17')).toBe('Sabtu tanggal Tujuh Belas bulan Agustus tahun Dua Ribu Sembilan Belas');
    expect(dateInWords('2031-12-11')).toBe('Kamis tanggal Sebelas bulan Desember tahun Dua Ribu Tiga Puluh Satu');
    expect(dateInWords('2110-10-10')).toBe('Jumat tanggal Sepuluh bulan Oktober tahun Dua Ribu Seratus Sepuluh');
    expect(dateInWords('2026-01-31')).toBe('Sabtu tanggal Tiga Puluh Satu bulan Januari tahun Dua Ribu Dua Puluh Enam');
  });

  it('capitalises every number word, including seribu, seratus and belas', () => {
    expect(numberInWords(1000)).toBe('Seribu');
    expect(numberInWords(1999)).toBe('Seribu Sembilan Ratus Sembilan Puluh Sembilan');
    expect(numberInWords(2100)).toBe('Dua Ribu Seratus');
    expect(numberInWords(12)).toBe('Dua Belas');
    expect(numberInWords(21)).toBe('Dua Puluh Satu');
  });

  it('refuses a date that does not exist, and formats ranges', () => {
    expect(() => dateInWords('2025-02-29')).toThrow(AppError);
    expect(() => dateInWords('4 Juli 2025')).toThrow('Not a calendar date: 4 Juli 2025');
    expect(formatRange('2025-06-24', '2025-06-26', 'id')).toBe('24–26 Juni 2025');
    expect(formatRange('2024-01-01', '2024-12-31', 'en')).toBe('1 January – 31 December 2024');
  });
});

describe('the report HTML', () => {
  const generatedAt = '2025-07-04T09:15:00+08:00';

  it('escapes every name and note, carries no script and no external resource', () => {
    const event = demoDocument();
    const nominee = event.nominees.find((n) => n.id === 'pemkab-01')!;
    nominee.name = '<script>alert("x")</script> & Co';
    event.jurors[0].name = '<img src=x onerror=alert(1)>';
    const result = demoDeliberation(event);
    result.decisions = [
      {
        categoryId: 'ukm',
        nomineeIds: ['ukm-02', 'ukm-03'],
        text: 'Sepakat <b>bulat</b> & "tegas"',
        decidedBy: 'Ketua <Dewan>',
        recordedAt: '2025-07-04T10:00:00.000Z',
      },
    ];
    const html = reportHtml({
      event,
      result,
      files: [{ fileName: '<J1>.xlsx', fileHash: 'ab', jurorId: 'J1', signedWith: null, sheetRevision: 1, status: 'valid', use: 'used' }],
      lang: 'id',
      generatedAt,
    });

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Sepakat &lt;b&gt;bulat&lt;/b&gt; &amp; &quot;tegas&quot;');
    expect(html).toContain('&lt;J1&gt;.xlsx');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    // The header and footer templates take the escaped texts as they are.
    expect(pageFrame(html).footerTemplate).toContain(result.resultsHash);
    expect(pageFrame(html).footerTemplate).toContain('Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span>');
  });

  it('marks joint ranks with "=", the plenary decision applied, Terbaik 1–3 and the demo warning', () => {
    const event = demoDocument();
    const result = demoDeliberation(event);
    const ukm = result.categories.find((c) => c.id === 'ukm')!;
    ukm.ranking[1].joint = true;
    ukm.ranking[2].joint = true;
    ukm.ranking[2].rank = 2;
    const pemkab = result.categories.find((c) => c.id === 'pemkab')!;
    result.decisions = [
      {
        categoryId: 'pemkab',
        nomineeIds: [pemkab.ranking[1].nomineeId, pemkab.ranking[2].nomineeId],
        text: 'Nagekeo di atas TTU: kehadiran bupati.',
        decidedBy: 'Rapat pleno',
        recordedAt: '2025-07-04T10:00:00.000Z',
      },
    ];
    const html = reportHtml({ event, result, files: [], lang: 'id', generatedAt });
    const text = flat(html.replace(/<[^>]+>/g, ' '));

    expect(text).toContain('2= La Moringa');
    expect(text).toContain('2= UKM Ghaura');
    expect(text).toContain('Terbaik 2 (bersama)');
    expect(text).toContain('urutan ditetapkan keputusan pleno');
    expect(text).toContain('Keputusan pleno: Nagekeo di atas TTU: kehadiran bupati. (oleh Rapat pleno, 4 Juli 2025)');
    expect(text).toContain('Nilai dan nominasi demo bukan hasil resmi');
    expect(text).toContain(`Pada hari ini ${PLENARY_WORDS}, bertempat di Kupang`);
  });

  it('speaks English with lang "en" and keeps the Berita Acara in Indonesian, translated beside it', () => {
    const event = demoDocument();
    delete event.schedule.plenary;
    const html = reportHtml({ event, result: demoDeliberation(event), files: [], lang: 'en', generatedAt: '2026-01-31T08:00:00+08:00' });
    const text = flat(html.replace(/<[^>]+>/g, ' '));
    expect(html).toContain('<html lang="en">');
    expect(text).toContain('Demo scores and nominees, not official results');
    expect(text).toContain('Regency/City Government');
    // Without a plenary date the Berita Acara takes the day it is printed.
    expect(text).toContain('Pada hari ini Sabtu tanggal Tiga Puluh Satu bulan Januari tahun Dua Ribu Dua Puluh Enam, bertempat di Kupang');
    expect(text).toContain('On Saturday, 31 January 2026, at Kupang, we the undersigned');
    expect(text).toContain('Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.');
    expect(pageFrame(html).footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });
});

describe('timbang report on the demo', () => {
  const tmp = tempDir('timbang-report-');
  const event = demoDocument();
  const pdf = join(tmp.dir, 'laporan.pdf');
  const html = join(tmp.dir, 'laporan.html');
  let sheets: string[];
  let packageFile: string;
  /** The demo package's secretariat key, pinned with --secretariat. */
  let key: string;
  let hash: string;
  let pages: number;
  let text: string;
  /** Text of the Berita Acara: from its title page to the end. */
  let beritaAcara: string;

  beforeAll(async () => {
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}; install it with: ${INSTALL} (or set CHROMIUM_PATH)`);
    const files = await demoFiles(event);
    packageFile = join(tmp.dir, 'event.timbang');
    writeFileSync(packageFile, files.packageText);
    mkdirSync(join(tmp.dir, 'sheets'));
    sheets = [...files.sheets].map(([jurorId, bytes]) => {
      const path = join(tmp.dir, 'sheets', `${jurorId}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    key = readPackage(new TextEncoder().encode(files.packageText), 'event.timbang').secretariat.fingerprint;
    const result = await run('report', '--event', packageFile, ...sheets, '--pdf', pdf, '--html', html, '--secretariat', key);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`kunci sekretariat ${key} (disematkan)`);
    hash = /hash hasil ([0-9a-f]{64})/.exec(result.out)![1];
    pages = await pageCount(pdf);
    text = await pdftotext(pdf);
    const pageTexts = await Promise.all(Array.from({ length: pages }, (_, i) => pdftotext(pdf, i + 1)));
    const first = pageTexts.findIndex((p) => p.includes('PENETAPAN PEMENANG'));
    expect(first, 'a page with the Berita Acara title').toBeGreaterThan(0);
    beritaAcara = pageTexts.slice(first).join('\n');
  }, TIMEOUT);
  afterAll(() => tmp.remove());

  it("names every category's Terbaik 1–3 in the published order, in the Rekapitulasi and in the Berita Acara", () => {
    const all = flat(text);
    const minutes = flat(beritaAcara);
    for (const category of event.categories) {
      const published = event.nominees.filter((n) => n.categoryId === category.id).slice(0, 3);
      const name = (i: number) => `${published[i].name}${published[i].fictional ? '†' : ''}`;
      // Issue 16: a rank without a place (Pelayanan Kesehatan's third) is ranked in the Rekapitulasi all the same.
      if (category.minimumScore) expect(all.slice(0, all.lastIndexOf('BERITA ACARA'))).toContain(`3 ${name(2)}`);
      else expectInOrder(all, [category.name.id, `1 ${name(0)}`, `2 ${name(1)}`, `3 ${name(2)}`]);
      // Issue 16: the demo's Pelayanan Kesehatan awards no Terbaik 3 below its minimum Nilai Akhir of 75.
      const third = category.minimumScore
        ? 'Terbaik 3 tidak ditetapkan (Nilai Akhir di bawah batas minimum 75,00)'
        : `Terbaik 3 ${name(2)}`;
      expectInOrder(minutes, [category.name.id, `Terbaik 1 ${name(0)}`, `Terbaik 2 ${name(1)}`, third]);
    }
    expect(event.categories.filter((c) => c.minimumScore).map((c) => c.id)).toEqual(['kesehatan']);
    const overall = ['Kopdit TLM', 'PT Crisoris Jaya Mandiri (RSU Siloam)', 'PT Timor Otsuki Mutiara'];
    expectInOrder(all, ['Terbaik Umum Paritrana Award NTT 2025', ...overall.map((n, i) => `${i + 1} ${n}`)]);
    expectInOrder(minutes, ['Terbaik Umum Paritrana Award NTT 2025', ...overall.map((n, i) => `Terbaik ${i + 1} ${n}`)]);
  });

  it('opens the Berita Acara with the plenary date in words; without a penetapan it is a draft, with no signature lines', () => {
    const minutes = flat(beritaAcara);
    expect(minutes).toContain(
      `Pada hari ini ${PLENARY_WORDS}, bertempat di Kupang, kami yang bertanda tangan di bawah ini, Dewan Juri Paritrana Award Tingkat Provinsi NTT 2025, telah menetapkan pemenang sebagai berikut:`,
    );
    expect(minutes).toContain('Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.');
    // Issue 16: nothing fixed these results, so the Berita Acara is a draft and nobody signs it yet.
    expect(minutes).toContain('DRAF — belum ditetapkan Berita acara ini belum final');
    expect(minutes).not.toContain('Tanda Tangan');
    expect(minutes).not.toMatch(/Ketua merangkap Anggota/);
  });

  it(
    'closes with nine signature blocks once a penetapan fixed the results',
    async () => {
      const { deliberateFiles } = await import('../../src/cli/commands/sheet-files.ts');
      const { renderPdfWithChromium } = await import('../../src/services/report/render-pdf.ts');
      const merged = await deliberateFiles(packageFile, sheets, null);
      const html = reportHtml({
        event: merged.event,
        result: merged.summary,
        files: merged.rekap,
        lang: 'id',
        generatedAt: '2025-07-04T02:00:00.000Z',
        minutes: { final: true, version: 1, supersedes: null, fixedAt: '2025-07-04T03:00:00.000Z', fixedBy: 'Ketua Dewan Juri' },
      });
      const finalPdf = join(tmp.dir, 'final.pdf');
      writeFileSync(finalPdf, await renderPdfWithChromium(html));
      const all = await pdftotext(finalPdf);
      expect(all).not.toContain('DRAF');
      const minutes = flat(all.slice(all.lastIndexOf('BERITA ACARA')));
      expect(minutes).toContain('Ditetapkan dengan penetapan versi 1, 4 Juli 2025 pukul 11.00 WITA, oleh Ketua Dewan Juri.');
      // The signature table (the panel's account above it quotes conflict reasons, which may say "Anggota").
      const signing = minutes.slice(minutes.indexOf('Tanda Tangan'));
      expect(signing.match(/Ketua merangkap Anggota/g)).toHaveLength(1);
      expect(signing.match(/Sekretaris merangkap Anggota/g)).toHaveLength(1);
      expect(signing.match(/(?<!merangkap )\bAnggota\b/g)).toHaveLength(7);
      for (const juror of event.jurors) expect(minutes).toContain(juror.institution);
      // The event carries no names; each signature block takes the name the juror typed on their sheet.
      for (const juror of event.jurors) expect(minutes).toContain(`Juri ${juror.id} (demo)`);
      const text = all.slice(all.lastIndexOf('BERITA ACARA'));
      for (let i = 1; i <= 9; i++) expect(text).toMatch(new RegExp(`^\\s*${i}\\.`, 'm'));
    },
    TIMEOUT,
  );

  it('prints the results hash with the secretariat key beside it in the footer of every page, on the cover, in the appendix and in the Berita Acara', async () => {
    expect(pages).toBeGreaterThan(5);
    for (let page = 1; page <= pages; page++) {
      const lines = (await pdftotext(pdf, page)).trimEnd().split('\n');
      expect(lines.at(-2), `footer of page ${page}`).toBe(`Kunci sekretariat: ${key}`);
      expect(lines.at(-1), `footer of page ${page}`).toMatch(new RegExp(`^Hash hasil: ${hash}\\s+Halaman ${page} dari ${pages}$`));
    }
    const cover = flat(await pdftotext(pdf, 1));
    expect(cover).toContain(`Hash hasil (SHA-256) ${hash} Kunci sekretariat (sidik jari) ${key} (disematkan)`);
    expect(flat(text)).toContain(`Paket acara ditandatangani kunci sekretariat dengan sidik jari ${key}: disematkan.`);
    expect(flat(beritaAcara)).toContain(
      `Hash hasil penggabungan: ${hash}; paket acara ditandatangani kunci sekretariat dengan sidik jari ${key}.`,
    );
    expect(text).not.toContain('belum disematkan');
    expect(readFileSync(html, 'utf8')).toContain(hash);
  });

  it(
    "speaks English with --lang en after the command and warns when a juror's sheet is missing",
    async () => {
      const englishPdf = join(tmp.dir, 'report-en.pdf');
      const englishHtml = join(tmp.dir, 'report-en.html');
      const result = await run(
        'report',
        '--event',
        packageFile,
        ...sheets.slice(0, 8),
        '--pdf',
        englishPdf,
        '--html',
        englishHtml,
        '--lang',
        'en',
      );
      expect(result.code).toBe(0);
      expect(result.out).toContain('Report written');
      const english = flat(await pdftotext(englishPdf));
      expect(english).toContain('Score Tally (Rekapitulasi Nilai)');
      // The demo's J7 was absent from UKM's interviews (issue 16): from files, nobody recorded it, so it is listed too.
      expect(english).toContain(
        'Sections not received or not final (juror · round · category): J7 · Interview · Micro and Small Enterprises; J9 · Administrative Selection · Regency/City Government',
      );
      expect(english).toContain(`Pada hari ini ${PLENARY_WORDS}`);
      expect(english).toMatch(/Results hash: [0-9a-f]{64} Page 1 of \d+/);
      // Not pinned: the cover, every footer and the terminal say so.
      expect(english).toContain(`Secretariat key (fingerprint) ${key} secretariat key not pinned`);
      expect(english).toContain(`Secretariat key: ${key} (secretariat key not pinned) Results hash:`);
      expect(result.out).toContain(`secretariat key ${key} — secretariat key not pinned`);
      expect(result.err).toContain('Attention: secretariat key not pinned.');
    },
    TIMEOUT,
  );
});

describe('timbang report on a package re-signed with another key (issue 14)', () => {
  const tmp = tempDir('timbang-report-pin-');
  let attack: StagedAttack;
  beforeAll(async () => {
    attack = await stageAttack(run, tmp.dir);
  }, TIMEOUT);
  afterAll(() => tmp.remove());

  it(
    'without a pin, prints the forger\'s fingerprint and "kunci sekretariat belum disematkan" on the cover, on every page and in the Berita Acara',
    async () => {
      const pdf = join(tmp.dir, 'palsu.pdf');
      const result = await run('report', '--event', attack.forgedPackage, ...attack.forgedSheets, '--pdf', pdf);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`kunci sekretariat ${attack.forgedFingerprint} — kunci sekretariat belum disematkan`);
      expect(result.err).toContain('Perhatian: kunci sekretariat belum disematkan.');
      const cover = flat(await pdftotext(pdf, 1));
      expect(cover).toContain(
        'Nilai dan nominasi demo bukan hasil resmi † nominasi fiktif, hanya ada di acara demo kunci sekretariat belum disematkan Rekapitulasi Nilai dan Berita Acara',
      );
      expect(cover).toContain(`Kunci sekretariat (sidik jari) ${attack.forgedFingerprint} kunci sekretariat belum disematkan`);
      expect(cover).toContain('Sidik jari ini dibaca dari paket acara itu sendiri, tidak dicocokkan dengan kunci sekretariat');
      const pages = await pageCount(pdf);
      for (let page = 1; page <= pages; page++) {
        const lines = (await pdftotext(pdf, page)).trimEnd().split('\n');
        expect(lines.at(-2), `footer of page ${page}`).toBe(
          `Kunci sekretariat: ${attack.forgedFingerprint} (kunci sekretariat belum disematkan)`,
        );
      }
      const all = flat(await pdftotext(pdf));
      expect(all).toContain(
        `paket acara ditandatangani kunci sekretariat dengan sidik jari ${attack.forgedFingerprint} (kunci sekretariat belum disematkan).`,
      );
      expect(all).not.toContain(attack.realFingerprint);
    },
    TIMEOUT,
  );

  it(
    "with the secretariat's workspace pinned, refuses the forgery and prints the honest report with the real key",
    async () => {
      const refusedPdf = join(tmp.dir, 'ditolak.pdf');
      const refused = await run(
        'report',
        '--event',
        attack.forgedPackage,
        ...attack.forgedSheets,
        '--pdf',
        refusedPdf,
        '--db',
        attack.workspace,
      );
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(
        `ditandatangani kunci sekretariat lain: sidik jari ${attack.forgedFingerprint}, bukan ${attack.realFingerprint} yang disematkan`,
      );
      expect(existsSync(refusedPdf)).toBe(false);

      const pdf = join(tmp.dir, 'asli.pdf');
      const honest = await run('report', '--event', attack.realPackage, ...attack.sheets, '--pdf', pdf, '--db', attack.workspace);
      expect(honest.err).toBe('');
      expect(honest.code).toBe(0);
      const merged = JSON.parse((await run('merge', '--event', attack.realPackage, ...attack.sheets, '--json')).out) as {
        resultsHash: string;
      };
      const hash = /hash hasil ([0-9a-f]{64})/.exec(honest.out)![1];
      expect(hash).toBe(merged.resultsHash);
      const cover = flat(await pdftotext(pdf, 1));
      expect(cover).toContain(`Hash hasil (SHA-256) ${hash} Kunci sekretariat (sidik jari) ${attack.realFingerprint} (disematkan)`);
      expect(cover).not.toContain('belum disematkan');
    },
    TIMEOUT,
  );
});
