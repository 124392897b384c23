/**
 * A juror who decrypts their own key (or runs a modified app) can sign anything. Each attack here is a
 * sheet validly signed with the juror's own enrolled key whose content the event does not allow; it goes
 * through the paths a user takes (`timbang verify` and `timbang merge`, and the secretariat app's import)
 * and must be refused as 'invalid-content' with a message naming the section, nominee, criterion and rule,
 * while the results hash stays what the honest sheets give and nothing of the forged sheet is counted.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimbangApi } from '../../src/api/contract.ts';
import { createClient, dispatch, transportFrom } from '../../src/api/dispatch.ts';
import { main } from '../../src/cli/main.ts';
import { demoFiles, type DemoFiles } from '../../src/services/demo/demo-files.ts';
import { fileData } from '../../src/services/file-data.ts';
import { createHandlers } from '../../src/services/handlers.ts';
import { readPackage } from '../../src/services/packages/event-package.ts';
import { verifyScoreSheet, writeScoreSheet } from '../../src/services/sheets/score-sheet.ts';
import type { SheetPayload } from '../../src/services/sheets/sheet-payload.ts';
import { openWorkspace, type Workspace } from '../../src/services/workspace/workspace.ts';
import { RESOURCES_DIR, demoDocument, tempDir } from '../support/demo.ts';

const EVENT = 'paritrana-ntt-2025';
const JURORS = ['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9'];

interface Attack {
  name: string;
  juror: string;
  forge(payload: SheetPayload): void;
  /** Words every language's message must contain: where, and which rule. */
  expectId: RegExp;
  expectEn: RegExp;
}

const section = (p: SheetPayload, roundId: string, categoryId: string) =>
  p.sections.find((s) => s.roundId === roundId && s.categoryId === categoryId)!;

const ATTACKS: Attack[] = [
  {
    name: 'a mark of 500 on a 1–5 scale',
    juror: 'J3',
    forge: (p) => {
      section(p, 'administrasi', 'jasa-keuangan').nominees[4].marks.BU1 = '500';
    },
    expectId: /Sheet 1-jasa-keuangan .*BPR Sasando Makmur.*BU1: nilai 500 di luar skala 1–5/,
    expectEn: /Sheet 1-jasa-keuangan .*BPR Sasando Makmur.*BU1: mark 500 is off the scale 1–5/,
  },
  {
    name: 'a negative mark',
    juror: 'J3',
    forge: (p) => {
      section(p, 'wawancara', 'ukm').nominees[3].marks.W2 = '-3';
    },
    expectId: /Sheet 2-ukm .*W2: nilai -3 di luar skala/,
    expectEn: /Sheet 2-ukm .*W2: mark -3 is off the scale/,
  },
  {
    name: 'a mark written as 4.0 rather than 4',
    juror: 'J3',
    forge: (p) => {
      section(p, 'wawancara', 'ukm').nominees[0].marks.W1 = '4.0';
    },
    expectId: /W1: nilai ditulis "4\.0", bukan bentuk bakunya "4"/,
    expectEn: /W1: the mark is written "4\.0", not in its canonical form "4"/,
  },
  {
    name: 'one nominee row repeated 20 times in a section',
    juror: 'J3',
    forge: (p) => {
      const s = section(p, 'wawancara', 'jasa-keuangan');
      const row = { ...s.nominees[4], marks: Object.fromEntries(Object.keys(s.nominees[4].marks).map((c) => [c, '5'])) };
      s.nominees.push(...Array.from({ length: 20 }, () => structuredClone(row)));
    },
    expectId: /Sheet 2-jasa-keuangan .*jasa-keuangan-05.*muncul lebih dari sekali di bagian ini/,
    expectEn: /Sheet 2-jasa-keuangan .*jasa-keuangan-05.*appears more than once in this section/,
  },
  {
    name: 'a section repeated',
    juror: 'J3',
    forge: (p) => {
      p.sections.push(structuredClone(section(p, 'administrasi', 'pemkab')));
    },
    expectId: /babak administrasi kategori pemkab muncul lebih dari sekali dalam lembar ini/,
    expectEn: /round administrasi, category pemkab appears more than once in this sheet/,
  },
  {
    name: "marks for the nominee the juror is recused from (the event's conflict)",
    juror: 'J4',
    forge: (p) => {
      const nominee = section(p, 'administrasi', 'manufaktur').nominees.find((n) => n.nomineeId === 'manufaktur-04')!;
      nominee.conflict = null;
      nominee.marks = Object.fromEntries(Object.keys(nominee.marks).map((c) => [c, '5']));
    },
    expectId: /PT Karang Batu Konstruksi \(manufaktur-04\): juri ini berbenturan kepentingan dengan nominasi ini/,
    expectEn: /PT Karang Batu Konstruksi \(manufaktur-04\): this juror has a conflict of interest with this nominee/,
  },
  {
    name: 'marks for a nominee the juror declared a conflict with',
    juror: 'J5',
    forge: (p) => {
      p.declaredConflicts.push({ nomineeId: 'ukm-02', reason: 'Kerabat' });
    },
    expectId: /La Moringa \(ukm-02\): juri ini berbenturan kepentingan/,
    expectEn: /La Moringa \(ukm-02\): this juror has a conflict of interest/,
  },
  {
    name: 'a criterion the event does not have',
    juror: 'J3',
    forge: (p) => {
      const s = section(p, 'administrasi', 'pemkab');
      s.criteria.push({ code: 'PD9', label: 'Bonus', weight: 50, scaleMax: 5 });
      s.nominees[0].marks.PD9 = '5';
    },
    expectId: /Sheet 1-pemkab .*PD9: kriteria ini tidak ada di acara untuk babak dan kategori ini/,
    expectEn: /Sheet 1-pemkab .*PD9: this criterion is not in the event for this round and category/,
  },
  {
    name: 'a nominee the event does not have',
    juror: 'J3',
    forge: (p) => {
      const s = section(p, 'administrasi', 'pemkab');
      s.nominees.push({ ...structuredClone(s.nominees[0]), nomineeId: 'pemkab-99', name: 'Kab. Rekaan' });
    },
    expectId: /Kab\. Rekaan \(pemkab-99\): bukan nominasi kategori/,
    expectEn: /Kab\. Rekaan \(pemkab-99\): not a nominee of category/,
  },
  {
    name: 'a nominee of another category scored in this one',
    juror: 'J3',
    forge: (p) => {
      const s = section(p, 'administrasi', 'pemkab');
      s.nominees.push({ ...structuredClone(s.nominees[0]), nomineeId: 'ukm-01', name: 'Padu Padan by Erwin Yuan' });
    },
    expectId: /Padu Padan by Erwin Yuan \(ukm-01\): bukan nominasi kategori Pemerintah Kabupaten\/Kota/,
    expectEn: /Padu Padan by Erwin Yuan \(ukm-01\): not a nominee of category/,
  },
  {
    name: "criterion weights that differ from the event's",
    juror: 'J3',
    forge: (p) => {
      const s = section(p, 'wawancara', 'pemkab');
      s.criteria[0].weight = 90;
      s.criteria[1].weight = 1;
    },
    expectId: /Sheet 2-pemkab .*W1: bobot 90, di acara 30/,
    expectEn: /Sheet 2-pemkab .*W1: weight 90, in the event 30/,
  },
  {
    name: 'a round the event does not have',
    juror: 'J3',
    forge: (p) => {
      p.sections.push({ ...structuredClone(section(p, 'wawancara', 'ukm')), roundId: 'final', roundOrder: 3 });
    },
    expectId: /babak final tidak ada di acara/,
    expectEn: /round final is not in the event/,
  },
];

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a validly signed sheet whose content the event does not allow', () => {
  const tmp = tempDir();
  let demo: DemoFiles;
  const packageFile = join(tmp.dir, 'event.timbang');
  const honestFiles = JURORS.map((j) => join(tmp.dir, 'sheets', `${j}.xlsx`));
  const honestPayloads = new Map<string, SheetPayload>();
  let honestHash = '';
  let ws: Workspace;
  let api: TimbangApi;
  let appHash = '';

  beforeAll(async () => {
    demo = await demoFiles(demoDocument());
    writeFileSync(packageFile, demo.packageText);
    mkdirSync(join(tmp.dir, 'sheets'));
    const pkg = readPackage(new TextEncoder().encode(demo.packageText), 'event.timbang');
    const context = {
      event: pkg.event,
      latestPackageRevision: pkg.revision,
      jurorKeys: new Map(pkg.jurorKeys.map((k) => [k.jurorId, k.publicKey])),
    };
    for (const [i, jurorId] of JURORS.entries()) {
      writeFileSync(honestFiles[i], demo.sheets.get(jurorId)!);
      const verified = await verifyScoreSheet(demo.sheets.get(jurorId)!, `${jurorId}.xlsx`, context);
      expect(verified.status).toBe('valid');
      honestPayloads.set(jurorId, verified.payload!);
    }
    const merged = await cli('merge', '--event', packageFile, ...honestFiles, '--json');
    expect(merged.code, merged.err).toBe(0);
    honestHash = (JSON.parse(merged.out) as { resultsHash: string }).resultsHash;

    ws = openWorkspace(join(tmp.dir, 'sekretariat.sqlite'));
    const handlers = createHandlers({ workspace: ws, resourcesDir: RESOURCES_DIR, appVersion: 't' });
    api = createClient(transportFrom((method, input) => dispatch(handlers, method, input)));
    await api.loadDemoEvent({ role: 'sekretariat' });
    for (const [jurorId, text] of demo.enrolments) await api.importEnrolment(fileData(`${jurorId}.timbang-enrol`, text));
    for (const jurorId of JURORS) await api.importSheet({ eventId: EVENT, file: fileData(`${jurorId}.xlsx`, demo.sheets.get(jurorId)!) });
    appHash = (await api.deliberation({ eventId: EVENT, rule: 'mean' })).resultsHash;
  });
  afterAll(() => {
    ws?.close();
    tmp.remove();
  });

  async function forged(attack: Attack): Promise<{ file: string; bytes: Buffer }> {
    const payload = structuredClone(honestPayloads.get(attack.juror)!);
    attack.forge(payload);
    payload.sheetRevision = 2; // a newer revision, so that it would supersede the honest sheet if it counted
    const bytes = await writeScoreSheet(payload, demo.jurorKeys.get(attack.juror)!);
    const file = join(tmp.dir, `palsu-${attack.juror}-${ATTACKS.indexOf(attack)}.xlsx`);
    writeFileSync(file, bytes);
    return { file, bytes };
  }

  for (const attack of ATTACKS) {
    it(`refuses ${attack.name}: timbang verify and merge`, async () => {
      const { file } = await forged(attack);
      const verified = await cli('verify', '--event', packageFile, file, '--json');
      expect(verified.code).not.toBe(0);
      const [result] = JSON.parse(verified.out) as { status: string; details: { id: string; en: string }[] }[];
      expect(result.status).toBe('invalid-content');
      expect(result.details.map((d) => d.id).join('\n')).toMatch(attack.expectId);
      expect(result.details.map((d) => d.en).join('\n')).toMatch(attack.expectEn);
      for (const d of result.details) expect(d.id).toMatch(/^Berkas palsu-/);

      const merged = await cli('merge', '--event', packageFile, ...honestFiles, file, '--json');
      expect((JSON.parse(merged.out) as { resultsHash: string }).resultsHash).toBe(honestHash);
    });

    it(`refuses ${attack.name}: the secretariat app's import`, async () => {
      const { file, bytes } = await forged(attack);
      const before = ws.db.prepare('SELECT count(*) AS n FROM received_sheet').get() as { n: number };
      const { sheet } = await api.importSheet({ eventId: EVENT, file: fileData(file.split('/').pop()!, bytes) });
      expect(sheet.status).toBe('invalid-content');
      expect(sheet.use).toBe('not-used');
      expect(sheet.details.map((d) => d.en).join('\n')).toMatch(attack.expectEn);
      expect(ws.db.prepare('SELECT count(*) AS n FROM received_sheet').get()).toEqual({ n: before.n + 1 });
      const deliberation = await api.deliberation({ eventId: EVENT, rule: 'mean' });
      expect(deliberation.resultsHash).toBe(appHash);
      // Every nominee's protocol, as the deliberation screen opens them one by one: no mark off the 1–5 scale.
      const protocols = await Promise.all(
        demoDocument().nominees.map((n) => api.nomineeProtocol({ eventId: EVENT, rule: 'mean', nomineeId: n.id })),
      );
      expect(protocols.flatMap((p) => p.marks).length).toBe(deliberation.markCount);
      expect(protocols.flatMap((p) => p.marks).some((m) => m.value > 5 || m.value < 1)).toBe(false);
    });
  }

  it('keeps a payload stored as valid by an older Timbang out of the merge when its content breaks the rules', async () => {
    const payload = structuredClone(honestPayloads.get('J6')!);
    section(payload, 'administrasi', 'ukm').nominees[0].marks.UK1 = '500';
    payload.sheetRevision = 3;
    // As an older version would have stored it: status valid, payload kept, before any content check.
    ws.db
      .prepare(
        `INSERT INTO received_sheet (event_id, file_name, file_hash, status, juror_id, sheet_revision, public_key, payload, details, received_at, bytes)
       VALUES (?, 'lama-J6.xlsx', 'lama', 'valid', 'J6', 3, ?, ?, '[]', '2025-07-01T00:00:00.000Z', x'')`,
      )
      .run(EVENT, demo.jurorKeys.get('J6')!.publicKey, JSON.stringify(payload));
    const deliberation = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(deliberation.resultsHash).toBe(appHash);
    const listed = await api.listSheets({ eventId: EVENT });
    expect(listed.sheets.find((s) => s.fileName === 'lama-J6.xlsx')!.use).toBe('not-used');
  });

  it("drops a juror's marks for a nominee they declared a conflict with in a newer sheet, also in a round that came in an older one", async () => {
    // J1 sends revision 2 with Seleksi Administrasi only, declaring a conflict with ukm-01; Wawancara stays from revision 1.
    const payload = structuredClone(honestPayloads.get('J1')!);
    payload.sections = payload.sections.filter((s) => s.roundId === 'administrasi');
    const row = section(payload, 'administrasi', 'ukm').nominees.find((n) => n.nomineeId === 'ukm-01')!;
    row.conflict = 'Kerabat pemilik usaha';
    row.marks = Object.fromEntries(Object.keys(row.marks).map((c) => [c, null]));
    payload.declaredConflicts = [{ nomineeId: 'ukm-01', reason: 'Kerabat pemilik usaha' }];
    payload.sheetRevision = 2;
    const { sheet } = await api.importSheet({
      eventId: EVENT,
      file: fileData('J1-revisi-2.xlsx', await writeScoreSheet(payload, demo.jurorKeys.get('J1')!)),
    });
    expect(sheet).toMatchObject({ status: 'valid', use: 'used' });
    const protocol = await api.nomineeProtocol({ eventId: EVENT, rule: 'mean', nomineeId: 'ukm-01' });
    expect(protocol.marks.filter((m) => m.jurorId === 'J1')).toEqual([]);
    const deliberation = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(deliberation.conflicts).toContainEqual({ jurorId: 'J1', nomineeId: 'ukm-01', reason: 'Kerabat pemilik usaha', declared: true });
  });

  it('shows a section that says finalized but leaves out a nominee as unfinished, not received', async () => {
    const payload = structuredClone(honestPayloads.get('J7')!);
    const pemkab = section(payload, 'administrasi', 'pemkab');
    pemkab.nominees = pemkab.nominees.filter((n) => n.nomineeId !== 'pemkab-01');
    payload.sheetRevision = 2;
    const { sheet } = await api.importSheet({
      eventId: EVENT,
      file: fileData('J7-revisi-2.xlsx', await writeScoreSheet(payload, demo.jurorKeys.get('J7')!)),
    });
    expect(sheet.status).toBe('valid');
    const deliberation = await api.deliberation({ eventId: EVENT, rule: 'mean' });
    expect(deliberation.completeness.J7['administrasi/pemkab']).toBe('unfinished');
    expect(deliberation.completeness.J7['administrasi/ukm']).toBe('received');
  });

  it("refuses to accept one juror's enrolled key for another juror (one person, two votes)", async () => {
    const payload = structuredClone(honestPayloads.get('J2')!);
    const j1 = demo.jurorKeys.get('J1')!;
    payload.juror = { ...payload.juror, publicKey: j1.publicKey, fingerprint: j1.fingerprint };
    payload.sheetRevision = 50;
    const { sheet } = await api.importSheet({ eventId: EVENT, file: fileData('J2-oleh-J1.xlsx', await writeScoreSheet(payload, j1)) });
    expect(sheet.status).toBe('unknown-key');
    await expect(api.acceptKey({ eventId: EVENT, sheetId: sheet.id, acceptedBy: 'Operator Sekretariat' })).rejects.toThrow(
      `Kunci ${j1.fingerprint} sudah menjadi kunci juri J1; tidak dapat diterima juga untuk juri J2.`,
    );
    const listed = await api.listSheets({ eventId: EVENT });
    expect(listed.sheets.find((s) => s.fileName === 'J2-oleh-J1.xlsx')!.status).toBe('unknown-key');
    expect(listed.sheets.find((s) => s.fileName === 'J2.xlsx')!.use).toBe('used');
  });
});
