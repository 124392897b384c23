/**
 * The audit gate and the penetapan (issue 16, items 4 and 5), in a secretariat workspace with the demo's
 * nine signed sheets: the checklist names what fails; the report prints "DRAF — belum ditetapkan" on every
 * page and no signature lines while it does; fixing is refused until it passes; once fixed (a record signed
 * with the secretariat's key) the Berita Acara prints as final with its number and version; an import or
 * a decision that would change the results is refused until the penetapan is reopened with a reason; after
 * that, the next penetapan is version 2 and the Berita Acara says it supersedes version 1. The CLI's
 * `timbang audit` exits 1 naming each failing item, and `timbang verify --penetapan` checks the record
 * and recomputes its results hash from the package and sheets.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { main } from '../../src/cli/main.ts';
import { CLI_PRINTING } from '../../src/cli/context.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { writeEventTemplate } from '../../src/services/events/event-template.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { readPenetapan } from '../../src/services/penetapan/penetapan.ts';
import { writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const exec = promisify(execFile);
const EVENT = 'paritrana-ntt-2025';
const PASSPHRASE = 'kata sandi sekretariat';
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function pdfPages(pdf: string): Promise<string[]> {
  const pages = Number(/^Pages:\s+(\d+)/m.exec((await exec('pdfinfo', [pdf])).stdout)?.[1]);
  return Promise.all(
    Array.from(
      { length: pages },
      async (_, i) =>
        (await exec('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout,
    ),
  );
}

describe('audit gate and penetapan', () => {
  const tmp = tempDir('timbang-penetapan-');
  let ws: Workspace;
  let api: TimbangApi;
  let demo: DemoFiles;
  const dbPath = () => join(tmp.dir, 'sekretariat.sqlite');
  const printPdf = async (name: string) => {
    const file = await api.reportPdf({ eventId: EVENT, rule: 'mean', lang: 'id' });
    const pdf = join(tmp.dir, name);
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    return pdfPages(pdf);
  };
  /** J3's sheet again, as revision 2 with one mark changed: a valid import that changes the results. */
  let changed: Buffer | undefined;
  const changedJ3 = async () => (changed ??= await signChangedJ3());
  const signChangedJ3 = async () => {
    const row = ws.db
      .prepare("SELECT payload FROM received_sheet WHERE juror_id = 'J3' AND status = 'valid' ORDER BY id LIMIT 1")
      .get() as { payload: string };
    const payload = SheetPayload.parse(JSON.parse(row.payload));
    const section = payload.sections.find((s) => s.roundId === 'wawancara' && s.categoryId === 'ukm')!;
    const nominee = section.nominees.find((n) => n.conflict === null)!;
    nominee.marks.W1 = nominee.marks.W1 === '1' ? '5' : '1';
    return writeScoreSheet({ ...payload, sheetRevision: 2 }, demo.jurorKeys.get('J3')!);
  };

  beforeAll(async () => {
    ws = openWorkspace(dbPath());
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't', printing: CLI_PRINTING });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    await api.createKey({ passphrase: PASSPHRASE });
    demo = await demoFiles(demoDocument());
    await api.loadDemoEvent({ role: 'sekretariat' });
    const event = demoDocument();
    event.minutes = { number: 'BA/PA-NTT/07/2025' };
    await api.importEventTemplate({ ...fileData('acara.xlsx', await writeEventTemplate(event)), replace: true });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    for (const [jurorId, bytes] of demo.sheets) await api.importSheet({ eventId: EVENT, file: fileData(`${jurorId}.xlsx`, bytes) });
  }, 120_000);
  afterAll(() => {
    ws.close();
    tmp.remove();
  });

  it('names what fails, and refuses to fix the results until the audit passes', async () => {
    const audit = await api.audit({ eventId: EVENT, rule: 'mean' });
    expect(audit.passed).toBe(false);
    const byId = Object.fromEntries(audit.items.map((i) => [i.id, i]));
    expect(byId.marks.ok).toBe(true);
    expect(byId.sections.ok).toBe(true);
    expect(byId.sheets.ok).toBe(true);
    expect(byId.ties.ok).toBe(true);
    expect(byId.flags.ok).toBe(false);
    expect(audit.flags.length).toBeGreaterThan(0);
    expect(byId.flags.findings[0].id).toMatch(/^J\d · (Seleksi Administrasi|Wawancara) · .+ · [A-Z]+\d: nilai \d, median panel [\d.]+$/);
    expect(byId.verification).toMatchObject({ ok: false, findings: [{ id: 'Lampiran verifikasi belum dikonfirmasi orang kedua.' }] });
    await expect(api.fixResults({ eventId: EVENT, rule: 'mean', fixedBy: 'Ketua Dewan Juri' })).rejects.toMatchObject({
      code: 'incomplete',
    });
    expect(ws.db.prepare('SELECT count(*) AS n FROM penetapan').get()).toEqual({ n: 0 });
  });

  it('prints the report as DRAF on every page, with no signature lines, while the audit fails', async () => {
    const pages = await printPdf('draf.pdf');
    for (const [i, page] of pages.entries()) expect(page, `page ${i + 1}`).toContain('DRAF — belum ditetapkan');
    const text = flat(pages.join('\n'));
    expect(text).toContain(
      'Berita acara ini belum final: tanda tangan Dewan Juri dibubuhkan setelah pemeriksaan lolos dan hasil ditetapkan',
    );
    expect(text).toContain('Belum lolos pemeriksaan: Setiap tanda beda pendapat sudah dibahas.');
    expect(text).not.toContain('Tanda Tangan');
    expect(text).not.toMatch(/Versi \d/);
  }, 120_000);

  it('`timbang audit` exits 1 and names each failing item, from files and from the workspace', async () => {
    const dir = join(tmp.dir, 'files');
    mkdirSync(dir);
    writeFileSync(join(dir, 'event.timbang'), demo.packageText);
    const sheets = [...demo.sheets].map(([jurorId, bytes]) => {
      const path = join(dir, `${jurorId}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const fromFiles = await run('audit', '--event', join(dir, 'event.timbang'), ...sheets);
    expect(fromFiles.code).toBe(1);
    expect(fromFiles.out).toContain('✗ Setiap tanda beda pendapat sudah dibahas — 0 dari');
    expect(fromFiles.out).toContain('✗ Lampiran verifikasi dikonfirmasi orang kedua (bukan operator) — belum dikonfirmasi');
    expect(fromFiles.out).toContain('✓ Tidak ada lembar yang tertunda');
    // The demo's J7 was absent from UKM's interviews: from files alone nobody recorded that, so it is missing.
    expect(fromFiles.out).toContain(
      '✗ Semua bagian yang ditugaskan diterima dan final (atau juri berhalangan) — 143 dari 144 bagian diterima',
    );
    expect(fromFiles.out).toContain('    J7 · Wawancara · Usaha Kecil Mikro: belum diterima');
    expect(fromFiles.out).toMatch(/Belum lolos: 3 butir gagal\.$/);
    const json = JSON.parse((await run('audit', '--event', join(dir, 'event.timbang'), ...sheets, '--json', '--lang', 'en')).out) as {
      passed: boolean;
      items: { id: string; ok: boolean }[];
    };
    expect(json.passed).toBe(false);
    expect(json.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['sections', 'flags', 'verification']);
    const fromDb = await run('--lang', 'en', 'audit', '--db', dbPath());
    expect(fromDb.code).toBe(1);
    expect(fromDb.out).toContain('✗ Every disagreement flag acknowledged');
    // The workspace records the demo's absence: excused there.
    expect(fromDb.out).toContain(
      '✓ Every assigned section received and final (or the juror excused) — 143 of 144 sections received, 1 excused',
    );
    // A juror's sheet missing: that section is named.
    const short = await run('audit', '--event', join(dir, 'event.timbang'), ...sheets.slice(0, 8));
    expect(short.out).toContain('J9 · Seleksi Administrasi · Pemerintah Kabupaten/Kota: belum diterima');
  }, 120_000);

  it('passes once every flag is discussed and a second person (not the operator) confirms the files; then fixes the results', async () => {
    let audit = await api.audit({ eventId: EVENT, rule: 'mean' });
    await expect(
      api.confirmVerification({ eventId: EVENT, rule: 'mean', operator: 'Yohanes Operator', confirmedBy: ' yohanes  OPERATOR ' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    audit = await api.acknowledgeFlags({
      eventId: EVENT,
      rule: 'mean',
      keys: audit.flags.map((f) => f.key),
      by: 'Rapat pleno',
      note: 'Dibahas; nilai juri dipertahankan',
    });
    expect(audit.items.find((i) => i.id === 'flags')!.ok).toBe(true);
    audit = await api.confirmVerification({ eventId: EVENT, rule: 'mean', operator: 'Yohanes Operator', confirmedBy: 'Maria Pemeriksa' });
    expect(audit.passed).toBe(true);
    expect(audit.final).toBe(false);

    const state = await api.fixResults({ eventId: EVENT, rule: 'mean', fixedBy: 'Ketua Dewan Juri' });
    expect(state.inForce).toMatchObject({
      version: 1,
      supersedes: null,
      rule: 'mean',
      resultsHash: audit.resultsHash,
      fixedBy: 'Ketua Dewan Juri',
      reopened: null,
    });
    await expect(api.fixResults({ eventId: EVENT, rule: 'mean', fixedBy: 'Ketua Dewan Juri' })).rejects.toMatchObject({ code: 'conflict' });

    const file = await api.exportPenetapan({ eventId: EVENT });
    const record = readPenetapan(Buffer.from(file.base64, 'base64'), file.fileName);
    expect(record).toMatchObject({
      version: 1,
      supersedes: null,
      rule: 'mean',
      resultsHash: audit.resultsHash,
      minutesNumber: 'BA/PA-NTT/07/2025',
      audit: { operator: 'Yohanes Operator', confirmedBy: 'Maria Pemeriksa' },
    });
    expect(record.sheets).toHaveLength(9);
    expect(record.sheets.every((s) => s.status === 'valid' && s.use === 'used')).toBe(true);
    expect(record.secretariat.fingerprint).toBe((await api.keyStatus({})).fingerprint);
  });

  it('prints the Berita Acara as final, with its number, version and signature lines', async () => {
    const pages = await printPdf('final.pdf');
    const text = flat(pages.join('\n'));
    expect(text).not.toContain('DRAF');
    expect(text).toContain('Nomor: BA/PA-NTT/07/2025 · Versi 1');
    expect(text).not.toContain('menggantikan versi');
    expect(text).toContain('Ditetapkan dengan penetapan versi 1,');
    expect(text).toContain('Tanda Tangan');
    expect((await api.audit({ eventId: EVENT, rule: 'mean' })).final).toBe(true);
    // Another rule than the one fixed prints as a draft.
    const { html } = await api.reportHtml({ eventId: EVENT, rule: 'median', lang: 'id' });
    expect(html).toContain('class="draft-watermark"');
    expect(html).toContain('Penetapan versi 1 memakai aturan mean, bukan median.');
  }, 120_000);

  it('refuses an import, a decision, a special award or an event change that would change the fixed results', async () => {
    const again = await api.importSheet({ eventId: EVENT, file: fileData('J1-salinan.xlsx', demo.sheets.get('J1')!) });
    expect(again.again).toBe(true);
    await expect(api.importSheet({ eventId: EVENT, file: fileData('J3-revisi-2.xlsx', await changedJ3()) })).rejects.toMatchObject({
      code: 'conflict',
      bilingual: { id: expect.stringContaining('Impor lembar J3-revisi-2.xlsx ditolak: hasil sudah ditetapkan (penetapan versi 1)') },
    });
    expect(ws.db.prepare("SELECT count(*) AS n FROM received_sheet WHERE file_name = 'J3-revisi-2.xlsx'").get()).toEqual({ n: 0 });
    const ukm = demoDocument().nominees.filter((n) => n.categoryId === 'ukm');
    await expect(
      api.recordSpecialAward({
        eventId: EVENT,
        categoryId: 'ukm',
        name: 'Terbaik Inovasi',
        nomineeId: ukm[0].id,
        reason: 'inovasi',
        decidedBy: 'Rapat pleno',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const event = demoDocument();
    event.minutes = { number: 'BA/PA-NTT/07/2025-X' };
    await expect(
      api.importEventTemplate({ ...fileData('acara.xlsx', await writeEventTemplate(event)), replace: true }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // A file that does not verify changes no result: it is kept, as always.
    const junk = await api.importSheet({ eventId: EVENT, file: fileData('bukan-lembar.xlsx', Buffer.from('bukan xlsx')) });
    expect(junk.sheet.status).toBe('malformed');
    expect((await api.penetapanState({ eventId: EVENT })).inForce?.version).toBe(1);
  });

  it('after a reopening with a reason, takes the import; the next penetapan is version 2 and supersedes version 1', async () => {
    await expect(api.reopenPenetapan({ eventId: EVENT, reason: 'ok', by: 'Ketua' })).rejects.toMatchObject({ code: 'invalid-input' });
    const reopened = await api.reopenPenetapan({
      eventId: EVENT,
      reason: 'Lembar J3 revisi 2 diterima setelah rapat',
      by: 'Ketua Dewan Juri',
    });
    expect(reopened.inForce).toBeNull();
    expect(reopened.versions[0].reopened).toMatchObject({ reason: 'Lembar J3 revisi 2 diterima setelah rapat', by: 'Ketua Dewan Juri' });
    const pages = await printPdf('dibuka.pdf');
    expect(flat(pages.join('\n'))).toContain(
      'Penetapan versi 1 dibuka kembali (Lembar J3 revisi 2 diterima setelah rapat); hasil belum ditetapkan lagi.',
    );

    const imported = await api.importSheet({ eventId: EVENT, file: fileData('J3-revisi-2.xlsx', await changedJ3()) });
    expect(imported.sheet).toMatchObject({ status: 'valid', sheetRevision: 2, use: 'used' });
    let audit = await api.audit({ eventId: EVENT, rule: 'mean' });
    // The files changed since they were confirmed; the junk file is set aside with a note? It is malformed: never pending.
    expect(audit.items.find((i) => i.id === 'verification')!.findings[0].id).toContain('Berkas berubah sejak dikonfirmasi Maria Pemeriksa');
    const open = audit.flags.filter((f) => !f.acknowledged).map((f) => f.key);
    if (open.length > 0)
      audit = await api.acknowledgeFlags({ eventId: EVENT, rule: 'mean', keys: open, by: 'Rapat pleno', note: 'Dibahas' });
    audit = await api.confirmVerification({ eventId: EVENT, rule: 'mean', operator: 'Yohanes Operator', confirmedBy: 'Maria Pemeriksa' });
    expect(audit.passed).toBe(true);
    const state = await api.fixResults({ eventId: EVENT, rule: 'mean', fixedBy: 'Ketua Dewan Juri' });
    expect(state.inForce).toMatchObject({ version: 2, supersedes: 1 });
    expect(state.versions).toHaveLength(2);
    const text = flat((await printPdf('versi-2.pdf')).join('\n'));
    expect(text).toContain('Nomor: BA/PA-NTT/07/2025 · Versi 2 (menggantikan versi 1)');
    expect(text).not.toContain('DRAF');
  }, 120_000);

  it('`timbang verify --penetapan` checks the record, alone and against the package and sheets', async () => {
    const dir = join(tmp.dir, 'verify');
    mkdirSync(dir);
    const exported = await run('penetapan', 'export', '--db', dbPath(), '--out', join(dir, 'p.timbang-penetapan'));
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain('Penetapan versi 2 ditulis');
    const alone = await run('verify', '--penetapan', join(dir, 'p.timbang-penetapan'), '--db', dbPath());
    expect(alone.code, alone.out).toBe(0);
    expect(alone.out).toContain('Penetapan versi 2 (menggantikan versi 1) — Paritrana Award Tingkat Provinsi NTT 2025: tanda tangan sah.');
    expect(alone.out).toContain('diperiksa: operator Yohanes Operator, dikonfirmasi Maria Pemeriksa');
    // Against the package (as the workspace signs it) and the sheets: merged again, the same results hash.
    const pkg = await api.exportPackage({ eventId: EVENT });
    writeFileSync(join(dir, 'event.timbang'), Buffer.from(pkg.base64, 'base64'));
    const sheets = [...demo.sheets].map(([jurorId, bytes]) => {
      const path = join(dir, `${jurorId}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    writeFileSync(join(dir, 'J3-revisi-2.xlsx'), await changedJ3());
    const matched = await run(
      'verify',
      '--penetapan',
      join(dir, 'p.timbang-penetapan'),
      '--event',
      join(dir, 'event.timbang'),
      ...sheets,
      join(dir, 'J3-revisi-2.xlsx'),
      '--db',
      dbPath(),
    );
    expect(matched.code, matched.out).toBe(0);
    expect(matched.out).toContain('Penggabungan ulang 10 lembar memberi hash yang sama: cocok.');
    // Without J3's second revision, the sheets give other results: named, exit 1.
    const stale = await run(
      'verify',
      '--penetapan',
      join(dir, 'p.timbang-penetapan'),
      '--event',
      join(dir, 'event.timbang'),
      ...sheets,
      '--db',
      dbPath(),
    );
    expect(stale.code).toBe(1);
    expect(stale.out).toContain('lembar yang dipakai penetapan tidak diberikan: J3-revisi-2.xlsx');
    expect(stale.out).toMatch(/penggabungan ulang memberi hash hasil [0-9a-f]{64}, penetapan menyebut [0-9a-f]{64}/);
    // And `timbang report --penetapan` prints the final Berita Acara from the files.
    const pdf = join(dir, 'laporan.pdf');
    const report = await run(
      'report',
      '--event',
      join(dir, 'event.timbang'),
      ...sheets,
      join(dir, 'J3-revisi-2.xlsx'),
      '--pdf',
      pdf,
      '--penetapan',
      join(dir, 'p.timbang-penetapan'),
      '--db',
      dbPath(),
    );
    expect(report.code, report.err).toBe(0);
    const printed = flat((await pdfPages(pdf)).join('\n'));
    expect(printed).toContain('Nomor: BA/PA-NTT/07/2025 · Versi 2 (menggantikan versi 1)');
    expect(printed).not.toContain('DRAF');
    // Pinned to another key: refused.
    const other = await run('verify', '--penetapan', join(dir, 'p.timbang-penetapan'), '--secretariat', '11111 22222 33333 44444 55555');
    expect(other.code).toBe(1);
    expect(other.out).toContain('bukan kunci sekretariat yang disematkan 11111 22222 33333 44444 55555');
    // One value changed in the file: the signature no longer holds.
    const text = readFileSync(join(dir, 'p.timbang-penetapan'), 'utf8');
    writeFileSync(join(dir, 'ubah.timbang-penetapan'), text.replace('"version": 2', '"version": 3'));
    const forged = await run('verify', '--penetapan', join(dir, 'ubah.timbang-penetapan'));
    expect(forged.code).toBe(1);
    expect(forged.err).toContain('tanda tangan tidak sah');
  });
});
