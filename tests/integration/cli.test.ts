import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openWorkspace } from '../../src/services/workspace/workspace.ts';
import { getEvent, nextRevision, saveEvent } from '../../src/services/events/event-store.ts';
import { applyPackage, readPackage } from '../../src/services/packages/event-package.ts';
import { writeEnrolment } from '../../src/services/packages/enrolment.ts';
import { TEST_PASSPHRASE, testWorkspace } from '../support/workspace.ts';
import { main } from '../../src/cli/main.ts';
import { DEMO_EVENT_PATH, PROJECT_ROOT, demoDocument, tempDir } from '../support/demo.ts';
import { FAVOURED, stageAttack, type StagedAttack } from '../support/secretariat-attack.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('timbang event validate', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  const brokenFile = () => {
    const event = demoDocument();
    event.criteria.find((c) => c.code === 'PD3')!.weight = 35; // Seleksi Administrasi, Pemda: 105
    event.nominees[5].id = event.nominees[6].id;
    event.conflicts[0].jurorId = 'J12';
    const path = join(tmp.dir, 'rusak.json');
    writeFileSync(path, JSON.stringify(event));
    return path;
  };

  it('prints a summary of the demo event and exits 0', async () => {
    const result = await run('event', 'validate', DEMO_EVENT_PATH);
    expect(result.code).toBe(0);
    expect(result.out).toContain('✓ Berkas acara sah: Paritrana Award Tingkat Provinsi NTT 2025 (paritrana-ntt-2025)');
    expect(result.out).toContain('8 kategori · 40 nominasi · 9 juri · 2 babak · 22 kriteria · 2 konflik kepentingan');
  });

  it('lists every error of a broken file, by place, and exits 1', async () => {
    const path = brokenFile();
    const result = await run('event', 'validate', path);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Berkas ${path}: 3 kesalahan.`);
    expect(result.err).toContain('- Babak Seleksi Administrasi, kategori Pemerintah Kabupaten/Kota: total bobot 105, harus 100');
    expect(result.err).toContain('dipakai lebih dari sekali');
    expect(result.err).toContain('- Konflik J12–manufaktur-04: juri "J12" tidak dikenal');
  });

  it('speaks English with --lang en and gives JSON with --json', async () => {
    const path = brokenFile();
    expect((await run('--lang', 'en', 'event', 'validate', path)).err).toContain('weights total 105, must be 100');
    const json = await run('event', 'validate', path, '--json');
    const parsed = JSON.parse(json.err) as { ok: boolean; issues: { path: unknown[] }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.issues).toHaveLength(3);
  });

  it('names a file that is not JSON or does not exist', async () => {
    const notJson = join(tmp.dir, 'bukan.json');
    writeFileSync(notJson, 'Kategori;Nominasi\nUKM;La Moringa');
    expect((await run('event', 'validate', notJson)).err).toContain(`Berkas ${notJson} bukan JSON yang sah`);
    const missing = join(tmp.dir, 'tidak-ada.json');
    const result = await run('event', 'validate', missing);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Berkas ${missing} tidak dapat dibaca`);
  });

  it('works as the installed command: npx timbang (exit codes 0 and 1)', () => {
    const ok = spawnSync('npx', ['timbang', 'event', 'validate', DEMO_EVENT_PATH], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('40 nominasi');
    const help = spawnSync('npx', ['timbang', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: timbang');
    const broken = spawnSync('npx', ['timbang', 'event', 'validate', brokenFile()], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(broken.status).toBe(1);
  });
});

describe('timbang event template / import / package, timbang enrol', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  afterEach(() => {
    delete process.env.TIMBANG_PASSPHRASE;
  });

  it('writes the empty template and the demo example as workbooks with the seven sheets and Penugasan', async () => {
    for (const [args, name] of [
      [[], 'kosong.xlsx'],
      [['--example'], 'contoh.xlsx'],
    ] as const) {
      const out = join(tmp.dir, name);
      const result = await run('event', 'template', out, ...args);
      expect(result.code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Acara',
        'Kategori',
        'Babak',
        'Kriteria',
        'Nominasi',
        'Juri',
        'Konflik',
        'Penugasan',
        'Data',
        'Dokumen',
      ]);
    }
  });

  it('imports the example into a workspace, then packages it with a key opened by TIMBANG_PASSPHRASE', async () => {
    const template = join(tmp.dir, 'contoh-import.xlsx');
    await run('event', 'template', template, '--example');
    const db = join(tmp.dir, 'sekretariat.sqlite');
    const imported = await run('event', 'import', template, '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('40 nominasi');
    expect(imported.out).toContain('revisi 1 (acara baru)');
    expect((await run('event', 'import', template, '--db', db)).out).toContain('revisi 1 (tidak berubah)');

    const out = join(tmp.dir, 'acara.timbang');
    const refused = await run('event', 'package', '--db', db, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('TIMBANG_PASSPHRASE');

    process.env.TIMBANG_PASSPHRASE = TEST_PASSPHRASE;
    const packaged = await run('event', 'package', '--db', db, '--out', out);
    expect(packaged.code).toBe(0);
    expect(packaged.out).toMatch(/Kunci baru dibuat; sidik jari \d{5}/);
    const pkg = readPackage(new Uint8Array(readFileSync(out)), 'acara.timbang');
    expect(pkg.revision).toBe(1);
    expect(pkg.event.nominees).toHaveLength(40);

    // A juror enrols; the next package carries the key.
    const juror = testWorkspace('juri');
    applyPackage(juror.ws.db, pkg);
    const key = juror.keys.create(TEST_PASSPHRASE);
    const enrolment = join(tmp.dir, 'pendaftaran-J7.timbang-enrol');
    writeFileSync(enrolment, writeEnrolment(pkg.event.id, 'J7', 'Yohanes Ndun', key));
    const enrolled = await run('enrol', '--db', db, enrolment);
    expect(enrolled.out).toBe(`J7 · Yohanes Ndun · ${key.fingerprint}`);
    await run('event', 'package', '--db', db, '--out', out);
    const next = readPackage(new Uint8Array(readFileSync(out)), 'acara.timbang');
    expect(next.revision).toBe(2);
    expect(next.jurorKeys.map((k) => k.jurorId)).toEqual(['J7']);
    juror.close();
  });

  it('lists what a re-import would change and replaces only with --replace', async () => {
    const template = join(tmp.dir, 'ganti.xlsx');
    await run('event', 'template', template, '--example');
    const db = join(tmp.dir, 'ganti.sqlite');
    await run('event', 'import', template, '--db', db);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    workbook.getWorksheet('Juri')!.spliceRows(5, 1); // J3 leaves the jury
    await workbook.xlsx.writeFile(template);
    const refused = await run('event', 'import', template, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('sudah ada di berkas kerja ini dan berkas ini mengubahnya');
    expect(refused.err).toContain('juri dihapus: J3 Kepala Disnakertrans Provinsi NTT');
    const replaced = await run('event', 'import', template, '--db', db, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('8 juri');
    expect(replaced.out).toContain('revisi 2 (diperbarui)');
  });

  it('refuses to overwrite a file, to open a workspace that does not exist, and a bad port', async () => {
    const out = join(tmp.dir, 'ada.xlsx');
    writeFileSync(out, 'milik sekretariat');
    const overwrite = await run('event', 'template', out);
    expect(overwrite.code).toBe(1);
    expect(overwrite.err).toContain('sudah ada; tidak ditimpa');
    expect(readFileSync(out, 'utf8')).toBe('milik sekretariat');
    expect((await run('event', 'template', join(tmp.dir, 'templat.csv'))).err).toContain('harus berakhiran .xlsx');

    process.env.TIMBANG_PASSPHRASE = TEST_PASSPHRASE;
    const missing = join(tmp.dir, 'salah-ketik.sqlite');
    const result = await run('event', 'package', '--db', missing, '--out', join(tmp.dir, 'x.timbang'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(`Berkas kerja ${missing} tidak ada (atau tidak dapat dibuka).`);
    expect(existsSync(missing)).toBe(false);
    expect((await run('serve', '--port', 'abc')).code).toBe(2);
    expect((await run('enrol', '--db', missing, 'tidak-ada.timbang-enrol')).err).toContain('tidak ada');
  });

  it('refuses a wrong passphrase for an existing key', async () => {
    const db = join(tmp.dir, 'kunci.sqlite');
    await run('event', 'import', DEMO_EVENT_PATH, '--db', db);
    process.env.TIMBANG_PASSPHRASE = TEST_PASSPHRASE;
    expect((await run('event', 'package', '--db', db, '--out', join(tmp.dir, 'a.timbang'))).code).toBe(0);
    process.env.TIMBANG_PASSPHRASE = 'frasa-sandi-salah';
    const wrong = await run('event', 'package', '--db', db, '--out', join(tmp.dir, 'b.timbang'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe('Frasa sandi salah.');
  });

  it("lists a broken template's errors by cell and imports nothing", async () => {
    const template = join(tmp.dir, 'rusak.xlsx');
    await run('event', 'template', template, '--example');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    workbook.getWorksheet('Nominasi')!.getRow(4).getCell(2).value = 'pariwisata';
    await workbook.xlsx.writeFile(template);
    const db = join(tmp.dir, 'kosong.sqlite');
    const result = await run('event', 'import', template, '--db', db);
    expect(result.code).toBe(1);
    expect(result.err).toContain('1 kesalahan; tidak ada yang diimpor.');
    expect(result.err).toContain('- Nominasi!B4: ');
    const ws = openWorkspace(db);
    expect(ws.db.prepare('SELECT count(*) AS n FROM event').get()).toEqual({ n: 0 });
    ws.close();
  });
});

describe('timbang demo, verify and merge', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const out = join(tmp.dir, 'd');
  const sheets = () => ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9'].map((j) => join(out, 'sheets', `${j}.xlsx`));

  it('writes the demo package and nine signed sheets, all valid', async () => {
    const demo = await run('demo', '--out', out);
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('9 lembar nilai');
    const verified = await run('verify', '--event', join(out, 'event.timbang'), ...sheets(), '--json');
    expect(verified.code).toBe(0);
    const results = JSON.parse(verified.out) as {
      file: string;
      status: string;
      juror: string;
      rounds: string[];
      revision: number;
      details: unknown[];
    }[];
    expect(results.map((r) => [r.status, r.juror, r.rounds, r.revision])).toEqual(
      ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9'].map((j) => ['valid', j, ['administrasi', 'wawancara'], 1]),
    );
  });

  it('merges the demo into the published order, with the same hash whatever the order of the files', async () => {
    const merged = await run('merge', '--event', join(out, 'event.timbang'), ...sheets(), '--json');
    expect(merged.code).toBe(0);
    const result = JSON.parse(merged.out) as {
      resultsHash: string;
      rule: string;
      categories: {
        id: string;
        ranking: { rank: number; nomineeId: string; name: string; joint: boolean; final: number; rounds: Record<string, number> }[];
      }[];
      overall: { nomineeId: string; name: string }[];
    };
    expect(result.rule).toBe('mean');
    const demo = demoDocument();
    for (const category of result.categories) {
      const published = demo.nominees
        .filter((n) => n.categoryId === category.id)
        .slice(0, 3)
        .map((n) => n.name);
      expect(
        category.ranking.slice(0, 3).map((n) => n.name),
        category.id,
      ).toEqual(published);
      expect(category.ranking[0].joint).toBe(false);
      expect(Object.keys(category.ranking[0].rounds)).toEqual(['administrasi', 'wawancara']);
    }
    expect(result.overall.map((n) => n.name)).toEqual(['Kopdit TLM', 'PT Crisoris Jaya Mandiri (RSU Siloam)', 'PT Timor Otsuki Mutiara']);
    expect(result.resultsHash).toMatch(/^[0-9a-f]{64}$/);

    const shuffled = JSON.parse((await run('merge', '--event', join(out, 'event.timbang'), ...[...sheets()].reverse(), '--json')).out) as {
      resultsHash: string;
    };
    expect(shuffled.resultsHash).toBe(result.resultsHash);
    const median = JSON.parse(
      (await run('merge', '--event', join(out, 'event.timbang'), ...sheets(), '--rule', 'median', '--json')).out,
    ) as { resultsHash: string; rule: string };
    expect(median.rule).toBe('median');
    expect(median.resultsHash).not.toBe(result.resultsHash);
  });

  it('writes the Rekapitulasi workbook with --out', async () => {
    const rekap = join(tmp.dir, 'rekap.xlsx');
    expect((await run('merge', '--event', join(out, 'event.timbang'), ...sheets(), '--out', rekap)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(rekap);
    expect(workbook.worksheets.map((w) => w.name)).toContain('Verifikasi');
    const jasa = workbook.getWorksheet('Jasa Keuangan')!;
    expect(jasa.getRow(4).getCell(2).text).toBe('Kopdit TLM');
    expect(workbook.getWorksheet('Verifikasi')!.getRow(2).getCell(5).text).toBe('Sah');
    // Unpinned, the package's own signer is named and marked, beside the hash and after the file rows.
    const signer = (
      JSON.parse((await run('verify', '--event', join(out, 'event.timbang'), sheets()[0], '--json')).out) as {
        secretariat: { fingerprint: string };
      }[]
    )[0].secretariat.fingerprint;
    expect(jasa.getRow(2).getCell(6).text).toBe(
      `Paket acara ditandatangani kunci sekretariat dengan sidik jari ${signer} (kunci sekretariat belum disematkan)`,
    );
    expect(workbook.getWorksheet('Verifikasi')!.getRow(11).getCell(1).text).toBe(jasa.getRow(2).getCell(6).text);
    const pinned = join(tmp.dir, 'rekap-disematkan.xlsx');
    expect((await run('merge', '--event', join(out, 'event.timbang'), ...sheets(), '--out', pinned, '--secretariat', signer)).code).toBe(0);
    const pinnedBook = new ExcelJS.Workbook();
    await pinnedBook.xlsx.readFile(pinned);
    expect(pinnedBook.getWorksheet('Jasa Keuangan')!.getRow(2).getCell(6).text).toMatch(/\(disematkan\)$/);
    // The same file named twice counts once.
    const twice = join(tmp.dir, 'rekap-dua-kali.xlsx');
    expect((await run('merge', '--event', join(out, 'event.timbang'), sheets()[0], sheets()[0], '--out', twice)).code).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(twice);
    expect([2, 3].map((r) => again.getWorksheet('Verifikasi')!.getRow(r).getCell(6).text)).toEqual(['Dipakai', 'Salinan']);
    expect(jasa.getRow(4).getCell(1).value).toBe(1); // a number Excel can sort and compare, not text
    expect(jasa.getRow(1).getCell(1).text).toContain('DEMO — bukan hasil resmi');
    expect(jasa.getRow(2).getCell(3).text).toBe('Aturan: rata-rata nilai juri');
    // J4 does not score PT Karang Batu Konstruksi: × in J4's columns (not a blank that reads as missing), and why.
    const manufaktur = workbook.worksheets.find((w) => w.name.startsWith('Manufaktur'))!;
    const header = (manufaktur.getRow(3).values as unknown[]).map(String);
    const row = [...Array(manufaktur.rowCount).keys()]
      .map((i) => manufaktur.getRow(i + 1))
      .find((r) => r.getCell(2).text.startsWith('PT Karang Batu Konstruksi'))!;
    const cellUnder = (title: string) => row.getCell(header.indexOf(title)).text;
    expect(cellUnder('J4 · Seleksi Administrasi')).toBe('×');
    expect(Number(cellUnder('J3 · Seleksi Administrasi'))).toBeGreaterThan(0);
    expect(cellUnder('Benturan kepentingan (×)')).toBe('J4: Pengurus asosiasi pengusaha yang membina perusahaan nominasi');
  });

  it('prints the rankings for people, and exits 1 when a sheet is not valid', async () => {
    const text = await run('merge', '--event', join(out, 'event.timbang'), ...sheets());
    expect(text.out).toMatch(/Jasa Keuangan\n\s+1\s+Kopdit TLM/);
    expect(text.out).toContain('Terbaik Umum Paritrana Award NTT 2025');
    const stray = join(tmp.dir, 'bukan-lembar.xlsx');
    writeFileSync(stray, 'bukan lembar nilai');
    const verified = await run('verify', '--event', join(out, 'event.timbang'), sheets()[0], stray);
    expect(verified.code).toBe(1);
    expect(verified.out).toMatch(/^valid\s+.*J1\.xlsx/m);
    expect(verified.out).toMatch(/^malformed\s+.*bukan-lembar\.xlsx/m);

    // With no valid sheet there is nothing to rank: no list of joint winners at 0, no report.
    for (const command of [['merge'], ['report', '--pdf', join(tmp.dir, 'kosong.pdf')]]) {
      const empty = await run(command[0], '--event', join(out, 'event.timbang'), stray, ...command.slice(1));
      expect(empty.code).toBe(1);
      expect(empty.err).toContain('Belum ada nilai dari lembar nilai yang sah (0 dari 1 lembar dipakai)');
      expect(empty.out).not.toContain('Terbaik');
    }
    expect(existsSync(join(tmp.dir, 'kosong.pdf'))).toBe(false);
  });

  it('gives other plausible marks with another seed', async () => {
    const other = join(tmp.dir, 'd2');
    expect((await run('demo', '--out', other, '--seed', '7')).out).toContain('benih 7');
    const verified = await run('verify', '--event', join(other, 'event.timbang'), join(other, 'sheets', 'J1.xlsx'));
    expect(verified.code).toBe(0);
  });
});

describe('the secretariat key pinned in verify, merge and report (issue 14)', () => {
  const tmp = tempDir('timbang-pin-');
  afterAll(() => tmp.remove());
  let attack: StagedAttack;
  let honestHash: string;

  type Signer = { package: string; revision: number; fingerprint: string; pinned: boolean; warning: { id: string; en: string } | null };
  type Merged = { resultsHash: string; secretariat: Signer; categories: { id: string; ranking: { nomineeId: string; rank: number }[] }[] };
  const mergeJson = async (...argv: string[]) => {
    const result = await run('merge', ...argv, '--json');
    expect(result.code, result.err).toBe(0);
    return { ...result, json: JSON.parse(result.out) as Merged };
  };
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  beforeAll(async () => {
    attack = await stageAttack(run, tmp.dir);
    honestHash = (await mergeJson('--event', join(tmp.dir, 'd', 'event.timbang'), ...attack.sheets)).json.resultsHash;
  }, 120_000);

  it('an honest run with the right pin works, says so, and gives the same results hash as ever', async () => {
    const workspaceBefore = sha(attack.workspace);
    const pins = [
      ['--secretariat', attack.realFingerprint],
      ['--secretariat', attack.realFingerprint.replace(/ /g, '')],
      ['--db', attack.workspace],
    ];
    for (const pin of pins) {
      const merged = await mergeJson('--event', attack.realPackage, ...attack.sheets, ...pin);
      expect(merged.err, pin.join(' ')).toBe('');
      expect(merged.json.resultsHash, pin.join(' ')).toBe(honestHash);
      expect(merged.json.secretariat).toEqual({
        package: attack.realPackage,
        revision: 10,
        fingerprint: attack.realFingerprint,
        pinned: true,
        warning: null,
      });
    }
    // --db reads the workspace's public key without the passphrase and without writing to the file.
    expect(sha(attack.workspace)).toBe(workspaceBefore);

    const verified = await run('verify', '--event', attack.realPackage, ...attack.sheets, '--db', attack.workspace);
    expect(verified.code).toBe(0);
    expect(verified.out.split('\n')[0]).toBe(
      `Paket acara ${attack.realPackage} revisi 10: kunci sekretariat ${attack.realFingerprint} (disematkan)`,
    );
    expect(verified.out.match(/^valid\s/gm)).toHaveLength(9);
    const text = await run('merge', '--event', attack.realPackage, ...attack.sheets, '--secretariat', attack.realFingerprint);
    expect(text.out).toContain(
      `hash hasil: ${honestHash}\nPaket acara ${attack.realPackage} revisi 10: kunci sekretariat ${attack.realFingerprint} (disematkan)`,
    );
  });

  it('refuses the re-signed package (juror key swapped, weights changed) with --secretariat or --db, naming both keys and the file', async () => {
    const rekap = join(tmp.dir, 'rekap-palsu.xlsx');
    const pdf = join(tmp.dir, 'laporan-palsu.pdf');
    const commands = [['verify'], ['merge', '--out', rekap], ['report', '--pdf', pdf]];
    for (const [command, ...rest] of commands) {
      for (const [pin, from] of [
        [['--secretariat', attack.realFingerprint], 'dari --secretariat'],
        [['--db', attack.workspace], `kunci berkas kerja ${attack.workspace}`],
      ] as const) {
        const refused = await run(command, '--event', attack.forgedPackage, ...attack.forgedSheets, ...rest, ...pin);
        expect(refused.code, `${command} ${pin[0]}`).toBe(1);
        expect(refused.err).toBe(
          `Paket acara ${attack.forgedPackage} ditandatangani kunci sekretariat lain: sidik jari ${attack.forgedFingerprint}, bukan ${attack.realFingerprint} yang disematkan (${from}). Paket ditolak; tidak ada lembar yang diperiksa atau digabung.`,
        );
        expect(refused.out).toBe('');
      }
    }
    expect(existsSync(rekap)).toBe(false);
    expect(existsSync(pdf)).toBe(false);
    const english = await run(
      '--lang',
      'en',
      'merge',
      '--event',
      attack.forgedPackage,
      ...attack.forgedSheets,
      '--secretariat',
      attack.realFingerprint,
    );
    expect(english.code).toBe(1);
    expect(english.err).toBe(
      `Event package ${attack.forgedPackage} is signed by another secretariat key: fingerprint ${attack.forgedFingerprint}, not the pinned ${attack.realFingerprint} (from --secretariat). Package refused; no sheet was verified or merged.`,
    );
    // The honest sheets against the forged package are refused the same way: the package is checked first.
    expect((await run('verify', '--event', attack.forgedPackage, ...attack.sheets, '--db', attack.workspace)).code).toBe(1);
  });

  it('without a pin the forgery still merges, but every output names its signer and says the key is not pinned', async () => {
    const forged = await mergeJson('--event', attack.forgedPackage, ...attack.forgedSheets);
    // What the attack does when nobody pins: other rankings, another hash…
    expect(forged.json.resultsHash).not.toBe(honestHash);
    const rankOf = (merged: Merged) =>
      merged.categories.find((c) => c.id === 'jasa-keuangan')!.ranking.find((n) => n.nomineeId === FAVOURED)!.rank;
    expect(rankOf((await mergeJson('--event', attack.realPackage, ...attack.sheets)).json)).toBe(3);
    expect(rankOf(forged.json)).toBe(2);
    // …but the output says whose key signed the package, and that nobody checked it.
    expect(forged.json.secretariat).toEqual({
      package: attack.forgedPackage,
      revision: 11,
      fingerprint: attack.forgedFingerprint,
      pinned: false,
      warning: { id: 'kunci sekretariat belum disematkan', en: 'secretariat key not pinned' },
    });
    expect(forged.err).toContain(
      `Perhatian: kunci sekretariat belum disematkan. Paket ${attack.forgedPackage} menyebut sendiri kunci penandatangannya (${attack.forgedFingerprint})`,
    );

    const text = await run('merge', '--event', attack.forgedPackage, ...attack.forgedSheets);
    expect(text.code).toBe(0);
    expect(text.out.split('\n').at(-1)).toBe(
      `Paket acara ${attack.forgedPackage} revisi 11: kunci sekretariat ${attack.forgedFingerprint} — kunci sekretariat belum disematkan`,
    );

    const verified = await run('verify', '--event', attack.forgedPackage, ...attack.forgedSheets);
    expect(verified.code).toBe(0);
    expect(verified.out.split('\n')[0]).toBe(
      `Paket acara ${attack.forgedPackage} revisi 11: kunci sekretariat ${attack.forgedFingerprint} — kunci sekretariat belum disematkan`,
    );
    const json = JSON.parse((await run('verify', '--event', attack.forgedPackage, ...attack.forgedSheets, '--json')).out) as {
      status: string;
      secretariat: Signer;
    }[];
    expect(json).toHaveLength(9);
    for (const entry of json) {
      expect(entry.status).toBe('valid');
      expect(entry.secretariat).toMatchObject({
        fingerprint: attack.forgedFingerprint,
        pinned: false,
        warning: { id: 'kunci sekretariat belum disematkan' },
      });
    }
    const english = await run('--lang', 'en', 'verify', '--event', attack.forgedPackage, ...attack.forgedSheets);
    expect(english.out.split('\n')[0]).toBe(
      `Event package ${attack.forgedPackage} revision 11: secretariat key ${attack.forgedFingerprint} — secretariat key not pinned`,
    );
    expect(english.err).toContain('Attention: secretariat key not pinned.');
  });

  it('takes the fingerprint with or without spaces, and refuses a malformed one, both options at once, and a workspace with no secretariat key', async () => {
    const args = ['verify', '--event', attack.realPackage, attack.sheets[0]];
    expect((await run(...args, '--secretariat', attack.realFingerprint.replace(/ /g, '-'))).code).toBe(0);
    const short = await run(...args, '--secretariat', '12345 67890');
    expect(short.code).toBe(2);
    expect(short.err).toContain('sidik jari sekretariat adalah 25 angka');
    const both = await run(...args, '--secretariat', attack.realFingerprint, '--db', attack.workspace);
    expect(both.code).toBe(2);
    expect(both.err).toContain("option '--secretariat <fingerprint>' cannot be used with option '--db <path>'");

    const missing = join(tmp.dir, 'tidak-ada.sqlite');
    expect((await run(...args, '--db', missing)).err).toBe(`Berkas kerja ${missing} tidak ada (atau tidak dapat dibuka).`);
    expect(existsSync(missing)).toBe(false);
    const keyless = join(tmp.dir, 'tanpa-kunci.sqlite');
    await run('event', 'import', DEMO_EVENT_PATH, '--db', keyless);
    const noKey = await run(...args, '--db', keyless);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toBe(
      `Berkas kerja ${keyless} belum punya kunci tanda tangan, jadi belum pernah menerbitkan paket acara; tidak ada kunci untuk disematkan.`,
    );

    const juror = testWorkspace('juri');
    applyPackage(juror.ws.db, readPackage(new Uint8Array(readFileSync(attack.realPackage)), 'acara.timbang'));
    juror.keys.create(TEST_PASSPHRASE);
    const jurorDb = juror.ws.path;
    const jurorPin = await run(...args, '--db', jurorDb);
    expect(jurorPin.code).toBe(1);
    expect(jurorPin.err).toContain(`${jurorDb} adalah berkas kerja juri, bukan sekretariat`);
    juror.close();
  });

  it("with --db, refuses a package older than the workspace's current revision (it may carry a juror key since removed)", async () => {
    const ws = openWorkspace(attack.workspace);
    try {
      const event = getEvent(ws.db, 'paritrana-ntt-2025');
      saveEvent(ws.db, event, nextRevision(ws.db, event.id)); // what removing an enrolment or any change does
    } finally {
      ws.close();
    }
    const refused = await run('verify', '--event', attack.realPackage, ...attack.sheets, '--db', attack.workspace);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`Paket ${attack.realPackage} revisi 10, tetapi revisi acara di berkas kerja sekretariat sekarang 11`);
    // The fingerprint alone cannot tell the revision: the output names the one used.
    const byFingerprint = await run('verify', '--event', attack.realPackage, ...attack.sheets, '--secretariat', attack.realFingerprint);
    expect(byFingerprint.out.split('\n')[0]).toContain('revisi 10');
  });
});
